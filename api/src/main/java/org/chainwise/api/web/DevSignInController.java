package org.chainwise.api.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.regex.Pattern;
import org.chainwise.api.identity.Role;
import org.chainwise.api.identity.SessionCookie;
import org.chainwise.api.service.DevSignIn;

/**
 * {@code POST /api/v1/dev/sign-in}: a session without an LMS, for local use. The route exists only
 * when the development sign-in is configured on; otherwise it is a 404 like any unknown route.
 */
@Controller("/api/v1/dev/sign-in")
@Requires(property = DevSignIn.ENABLED, value = "true")
class DevSignInController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final int MAX_TITLE = 200;

    private final DevSignIn devSignIn;

    DevSignInController(DevSignIn devSignIn) {
        this.devSignIn = devSignIn;
    }

    /** Who to sign in as; {@code course} is the course's key, made on first use. */
    @Serdeable
    record SignInRequest(String subject, String name, String course, String courseTitle, String role) {
    }

    @Serdeable
    record SignInResponse(String token, long userId, long courseId, String role) {
    }

    @Post
    HttpResponse<SignInResponse> signIn(@Body SignInRequest request) {
        String subject = key(request.subject(), "subject");
        String course = key(request.course() == null ? "demo" : request.course(), "course");
        Role role = role(request.role());
        // Left out, the name and title stay as they are (a seeded demo user keeps theirs); a new user or
        // course then shows its subject or key.
        String name = request.name() == null ? null : text(request.name(), "name");
        String title = request.courseTitle() == null ? null : text(request.courseTitle(), "courseTitle");
        DevSignIn.SignedIn signedIn = devSignIn.signIn(subject, name, course, title, role);
        return HttpResponse.ok(new SignInResponse(signedIn.token(), signedIn.actor().userId(),
                        signedIn.actor().courseId(), role.wireName()))
                .cookie(SessionCookie.of(signedIn.token()));
    }

    private static String key(String value, String field) {
        if (value == null || !KEY.matcher(value).matches()) {
            throw ApiException.badRequest("invalid_" + field,
                    field + " must be 1 to 100 letters, digits or . _ @ -, starting with a letter or digit.", field);
        }
        return value;
    }

    private static String text(String value, String field) {
        if (value.isBlank() || value.length() > MAX_TITLE) {
            throw ApiException.badRequest("invalid_" + field, field + " must be 1 to " + MAX_TITLE + " characters.", field);
        }
        return value.strip();
    }

    private static Role role(String value) {
        if ("learner".equals(value)) {
            return Role.LEARNER;
        }
        if ("instructor".equals(value)) {
            return Role.INSTRUCTOR;
        }
        throw ApiException.badRequest("invalid_role", "role must be \"learner\" or \"instructor\".", "role");
    }
}
