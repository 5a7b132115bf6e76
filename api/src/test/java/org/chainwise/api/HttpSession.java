package org.chainwise.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;
import org.chainwise.api.service.demo.DemoCourse;

/**
 * One signed-in user talking to the application over real HTTP (the development sign-in must be on):
 * every call returns the status and the JSON body, whether the request succeeded or was refused.
 */
public final class HttpSession {

    private static final Argument<Object> JSON = Argument.of(Object.class);

    private final HttpClient client;
    private final String token;
    private final long userId;
    private final long courseId;

    private HttpSession(HttpClient client, String token, long userId, long courseId) {
        this.client = client;
        this.token = token;
        this.userId = userId;
        this.courseId = courseId;
    }

    /** The status and JSON body of one answer (a map, a list, or null when there is none). */
    public record Answer(int status, Object body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public java.util.List<Map<String, Object>> list() {
            return (java.util.List<Map<String, Object>>) body;
        }

        /** The {@code error} object of a refusal. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> error() {
            return (Map<String, Object>) json().get("error");
        }
    }

    /** Application properties for a test over HTTP: a fresh schema of the test PostgreSQL and the development sign-in on. */
    public static Map<String, String> applicationProperties() {
        Map<String, String> properties = TestDatabase.freshSchemaProperties();
        properties.put("chainwise.dev-sign-in.enabled", "true");
        return properties;
    }

    /** Signs {@code subject} in to the course keyed {@code course} with {@code role} ({@code learner} or {@code instructor}). */
    public static HttpSession signIn(HttpClient client, String subject, String course, String courseTitle, String role) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/dev/sign-in",
                Map.of("subject", subject, "course", course, "courseTitle", courseTitle, "role", role)),
                Argument.mapOf(String.class, Object.class));
        return new HttpSession(client, (String) body.get("token"), ((Number) body.get("userId")).longValue(),
                ((Number) body.get("courseId")).longValue());
    }

    /** Signs a demo user in to the seeded demo course. */
    public static HttpSession demo(HttpClient client, String subject, String role) {
        return signIn(client, subject, DemoCourse.CONTEXT_ID, DemoCourse.TITLE, role);
    }

    public long userId() {
        return userId;
    }

    public long courseId() {
        return courseId;
    }

    public Answer get(String path) {
        return send(HttpRequest.GET(path));
    }

    public Answer post(String path, Object body) {
        return send(HttpRequest.POST(path, body));
    }

    public Answer put(String path, Object body) {
        return send(HttpRequest.PUT(path, body));
    }

    public Answer delete(String path) {
        return send(HttpRequest.DELETE(path));
    }

    /** Sends {@code request} with this session's token. */
    public Answer send(MutableHttpRequest<?> request) {
        return exchange(client, request.bearerAuth(token));
    }

    /** Sends {@code request} as it is (with no session unless it carries one). */
    public static Answer exchange(HttpClient client, HttpRequest<?> request) {
        try {
            HttpResponse<Object> response = client.toBlocking().exchange(request, JSON);
            return new Answer(response.code(), response.getBody().orElse(null));
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(JSON).orElse(null));
        }
    }
}
