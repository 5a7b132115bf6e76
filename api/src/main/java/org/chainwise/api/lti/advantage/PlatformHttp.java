package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The one HTTP client the tool calls platform services with: every call has a connect and a request
 * timeout, redirects are not followed (a token or a score is never replayed to another host), and a
 * response body larger than {@link #MAX_BODY_BYTES} is refused rather than read into memory.
 */
@Singleton
public class PlatformHttp implements AutoCloseable {

    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final JsonMapper json;

    PlatformHttp(JsonMapper json,
                 @Value("${chainwise.lti.services.connect-timeout:5s}") Duration connectTimeout,
                 @Value("${chainwise.lti.services.request-timeout:15s}") Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    /** The longest one call may take ({@code chainwise.lti.services.request-timeout}). */
    Duration requestTimeout() {
        return requestTimeout;
    }

    /** A response: its status, its body as text, and the header lookups callers need. */
    public record Response(int status, String body, HttpResponse<?> raw) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }
    }

    /**
     * Sends the request; a transport failure (refused, reset, timed out) is a retryable failure
     * naming what was called.
     */
    public Response send(HttpRequest.Builder request, String what) throws ServiceCallFailure {
        HttpRequest built = request.timeout(requestTimeout).build();
        try {
            HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            return new Response(response.statusCode(), readBounded(response.body(), what), response);
        } catch (HttpTimeoutException e) {
            throw ServiceCallFailure.retryable(what + " did not answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            throw ServiceCallFailure.retryable(what + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceCallFailure.retryable(what + ": interrupted while waiting for the answer");
        }
    }

    /** The body read as {@code type}; a body that is not such JSON is a retryable failure naming {@code what}. */
    public <T> T readJson(String body, Class<T> type, String what) throws ServiceCallFailure {
        try {
            T value = json.readValue(body, Argument.of(type));
            if (value == null) {
                throw ServiceCallFailure.retryable(what + " answered with an empty body");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.retryable(what + " answered with JSON the tool cannot read: " + e.getMessage());
        }
    }

    /** The JSON text of {@code value}. */
    public String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String readBounded(InputStream body, String what) throws IOException, ServiceCallFailure {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ServiceCallFailure.retryable(what + " answered with more than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        client.shutdownNow();
    }
}
