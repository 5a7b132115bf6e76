package org.chainwise.api.lti.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chainwise.api.identity.SessionCookie;
import org.chainwise.api.lti.LaunchService;
import org.chainwise.api.lti.LaunchService.LaunchPost;
import org.chainwise.api.lti.LaunchService.Outcome;
import org.chainwise.api.lti.LoginService;
import org.chainwise.api.lti.ToolUrls;
import org.chainwise.engine.mastery.Skill;

/**
 * The browser side of an LTI 1.3 launch: {@code /lti/login} (the OIDC third-party login
 * initiation, GET or POST) and {@code /lti/launch} (the redirect URI the platform posts the
 * id_token to). The state is bound to the browser twice over: a cookie made for a cross-site
 * iframe (SameSite=None; Secure; HttpOnly; Partitioned) and, when the platform names an
 * lti_storage_target, the platform's own storage through the LTI client-side postMessages.
 */
@Controller("/lti")
class LtiLaunchController {

    /** The state cookie's name is this prefix and the state: several logins may run in one browser at once. */
    static final String STATE_COOKIE = "lti_state_";

    private final LoginService logins;
    private final LaunchService launches;
    private final ToolUrls urls;

    LtiLaunchController(LoginService logins, LaunchService launches, ToolUrls urls) {
        this.logins = logins;
        this.launches = launches;
        this.urls = urls;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    HttpResponse<?> loginByGet(HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.put(name, values.getFirst()));
        return login(request, parameters);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> loginByPost(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        return login(request, form == null ? Map.of() : form);
    }

    private HttpResponse<?> login(HttpRequest<?> request, Map<String, String> parameters) {
        LoginService.LoginStart start = logins.start(parameters, urls.base(request));
        MutableHttpResponse<?> response = start.storageTarget() == null
                ? HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, start.redirect().toString())
                : HttpResponse.ok(LtiPages.storeStateThenAuthenticate(start.storageTarget(), start.platformOrigin(),
                        start.state(), start.nonce(), start.authUrl(), start.parameters()));
        response.getHeaders().add("Set-Cookie", stateCookie(start.state(), LoginService.LOGIN_LIFETIME.toSeconds()));
        return response.header("Cache-Control", "no-store");
    }

    @Post(value = "/launch", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> launch(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> fields = form == null ? Map.of() : form;
        String state = fields.get("state");
        String cookie = state == null ? null
                : request.getCookies().findCookie(STATE_COOKIE + state).map(Cookie::getValue).orElse(null);
        URI base = urls.base(request);
        Outcome outcome = launches.launch(new LaunchPost(fields.get("id_token"), state, cookie,
                blankToNull(fields.get("lti_storage_state")), blankToNull(fields.get("lti_storage_error"))), base);
        MutableHttpResponse<?> response = switch (outcome) {
            case Outcome.CheckPlatformStorage check -> HttpResponse.ok(LtiPages.checkStateInPlatformStorage(
                    check.storageTarget(), check.platformOrigin(), check.state(), urls.launch(base), check.idToken()));
            case Outcome.Landed landed -> HttpResponse.seeOther(landed.location())
                    .cookie(SessionCookie.of(landed.sessionToken()));
            case Outcome.PickPracticeSet pick -> HttpResponse.ok(LtiPages.picker(
                    urls.resolve(base, DeepLinkController.RESPONSE_PATH), pick.formToken(), pick.courseTitle(),
                    Arrays.stream(Skill.values()).map(Enum::name).toList(), pick.placed()));
        };
        // The state cookie is left to expire: a replayed post then reaches the nonce check, which names the replay.
        return response.header("Cache-Control", "no-store");
    }

    /** Written by hand: Micronaut's cookie has no Partitioned attribute (CHIPS), which keeps it usable in an iframe. */
    private static String stateCookie(String state, long maxAgeSeconds) {
        return STATE_COOKIE + state + "=" + state + "; Path=/lti; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
