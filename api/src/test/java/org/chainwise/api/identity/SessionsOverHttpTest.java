package org.chainwise.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsOverHttpTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    Sessions sessions;

    @Override
    public Map<String, String> getProperties() {
        return HttpSession.applicationProperties();
    }

    private Map<String, Object> signIn(String subject, String role) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/dev/sign-in",
                Map.of("subject", subject, "course", "algebra-1", "role", role)), JSON);
    }

    @Test
    void aDevSignInGivesATokenThatActsAsThatUserByBearerHeaderAndByCookie() {
        Map<String, Object> signedIn = signIn("ana", "learner");
        String token = (String) signedIn.get("token");

        Map<String, Object> byHeader = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), JSON);
        Map<String, Object> byCookie = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/me")
                .cookie(io.micronaut.http.cookie.Cookie.of(SessionCookie.NAME, token)), JSON);

        assertThat(byHeader).containsEntry("role", "learner")
                .containsEntry("userId", signedIn.get("userId"))
                .containsEntry("courseId", signedIn.get("courseId"));
        assertThat(byCookie).isEqualTo(byHeader);
    }

    @Test
    void twoSignInsOfOnePersonAreOneUserAndTheCourseIsShared() {
        Map<String, Object> first = signIn("ben", "learner");
        Map<String, Object> again = signIn("ben", "learner");
        Map<String, Object> teacher = signIn("tess", "instructor");

        assertThat(again.get("userId")).isEqualTo(first.get("userId"));
        assertThat(again.get("token")).isNotEqualTo(first.get("token"));
        assertThat(teacher.get("courseId")).isEqualTo(first.get("courseId"));
        assertThat(sessions.resolve((String) teacher.get("token"))).get().extracting(Actor::role).isEqualTo(Role.INSTRUCTOR);
    }

    @Test
    void noSessionUnknownTokenAndMalformedTokenAreEach401InTheErrorShape() {
        for (HttpRequest<?> request : new HttpRequest<?>[] {
                HttpRequest.GET("/api/v1/me"),
                HttpRequest.GET("/api/v1/me").bearerAuth("A".repeat(43)),
                HttpRequest.GET("/api/v1/me").bearerAuth("not a token; DROP TABLE app_session")}) {
            HttpClientResponseException refused = refusal(request);
            assertThat(refused.getStatus().getCode()).isEqualTo(401);
            assertThat(errorOf(refused)).containsEntry("code", "unauthenticated").containsKey("message");
        }
    }

    @Test
    void badSignInRequestsNameTheField() {
        HttpClientResponseException badRole = refusal(HttpRequest.POST("/api/v1/dev/sign-in",
                Map.of("subject", "ana", "role", "admin")));
        HttpClientResponseException badSubject = refusal(HttpRequest.POST("/api/v1/dev/sign-in",
                Map.of("subject", "<script>", "role", "learner")));

        assertThat(badRole.getStatus().getCode()).isEqualTo(400);
        assertThat(errorOf(badRole)).containsEntry("code", "invalid_role").containsEntry("field", "role");
        assertThat(errorOf(badSubject)).containsEntry("field", "subject");
    }

    @Test
    void micronautsOwnErrorsHaveTheSameShapeAsJsonEvenForABrowser() {
        HttpClientResponseException unreadable = refusal(HttpRequest.POST("/api/v1/dev/sign-in", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        HttpClientResponseException unknownRoute = refusal(HttpRequest.GET("/api/v1/no-such-thing")
                .accept(MediaType.TEXT_HTML_TYPE));

        assertThat(unreadable.getStatus().getCode()).isEqualTo(400);
        assertThat(errorOf(unreadable)).containsKeys("code", "message");
        assertThat(unknownRoute.getStatus().getCode()).isEqualTo(404);
        assertThat(errorOf(unknownRoute)).containsEntry("code", "not_found");
    }

    private HttpClientResponseException refusal(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, JSON);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal of " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(HttpClientResponseException e) {
        Map<String, Object> body = e.getResponse().getBody(JSON).orElseThrow();
        return (Map<String, Object>) body.get("error");
    }
}
