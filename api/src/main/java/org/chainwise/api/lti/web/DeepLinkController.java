package org.chainwise.api.lti.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.chainwise.api.lti.DeepLinkService;
import org.chainwise.api.lti.LaunchRefused;
import org.chainwise.api.lti.PracticeSetDefinition;
import org.chainwise.api.lti.ToolUrls;

/**
 * {@code POST /lti/deep-link/response}: the instructor's choice in the deep-linking picker (a
 * course set to place again, field {@code existing}, or a new one from {@code title}, {@code
 * skills} and {@code completion}),
 * answered with a page that posts the signed deep-linking response (form field {@code JWT}) back
 * to the platform.
 */
@Controller
class DeepLinkController {

    static final String RESPONSE_PATH = "/lti/deep-link/response";

    private final DeepLinkService deepLinks;
    private final ToolUrls urls;

    DeepLinkController(DeepLinkService deepLinks, ToolUrls urls) {
        this.deepLinks = deepLinks;
        this.urls = urls;
    }

    @Post(value = RESPONSE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> respond(HttpRequest<?> request, @Nullable @Body Map<String, Object> form) {
        Map<String, Object> fields = form == null ? Map.of() : form;
        DeepLinkService.Response response = deepLinks.respond(values(fields.get("request")), choice(fields),
                urls.base(request));
        return HttpResponse.ok(LtiPages.autoPost("Returning to your course", response.returnUrl(), "post",
                Map.of("JWT", response.jwt()))).header("Cache-Control", "no-store");
    }

    private static DeepLinkService.Choice choice(Map<String, Object> fields) {
        String existing = values(fields.get("existing"));
        if (!existing.isBlank()) {
            try {
                return new DeepLinkService.Choice.PlaceAgain(Long.parseLong(existing));
            } catch (NumberFormatException e) {
                throw LaunchRefused.badRequest("lti_deep_link_unknown", "'" + existing + "' is not a practice set id.");
            }
        }
        String skills = values(fields.get("skills"));
        if (skills.isBlank()) {
            throw LaunchRefused.badRequest("lti_custom_invalid", "Choose at least one skill for the practice set.");
        }
        return new DeepLinkService.Choice.Configured(PracticeSetDefinition.fromCustom(Map.of(
                PracticeSetDefinition.SKILLS, skills,
                PracticeSetDefinition.COMPLETION, values(fields.get("completion")),
                PracticeSetDefinition.TITLE, values(fields.get("title"))), null));
    }

    /** A form field as one comma-separated string, whether it came once, repeated (checkboxes), or not at all. */
    private static String values(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> many -> many.stream().map(String::valueOf).collect(Collectors.joining(","));
            default -> String.valueOf(value);
        };
    }
}
