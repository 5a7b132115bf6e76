package org.chainwise.api.lti.advantage;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a platform service that did not succeed, with a message a person can act on. It is
 * retryable when trying again later can help (the platform unreachable, overloaded, refusing our
 * token for now), permanent when the platform will never accept this request as it stands.
 */
public final class ServiceCallFailure extends Exception {

    private final boolean retryable;
    private final boolean gone;
    private final Duration retryAfter;

    private ServiceCallFailure(String message, boolean retryable, boolean gone, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.gone = gone;
        this.retryAfter = retryAfter;
    }

    public static ServiceCallFailure retryable(String message) {
        return new ServiceCallFailure(message, true, false, null);
    }

    /** Retryable, not before {@code retryAfter} (the platform's Retry-After). */
    public static ServiceCallFailure retryableAfter(String message, Duration retryAfter) {
        return new ServiceCallFailure(message, true, false, retryAfter);
    }

    public static ServiceCallFailure permanent(String message) {
        return new ServiceCallFailure(message, false, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** Permanent because the resource called does not exist (any more): 404 or 410. */
    public boolean gone() {
        return gone;
    }

    /** The wait the platform asked for, when it asked. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A service's non-2xx answer: permanent when the platform will never accept the request as it
     * stands (a malformed body, a resource that does not exist any more), otherwise retryable, not
     * before the Retry-After the platform named.
     */
    static ServiceCallFailure refusal(PlatformHttp.Response response, String what) {
        int status = response.status();
        String message = what + " answered HTTP " + status + excerpt(response.body());
        return switch (status) {
            // The request as it stands will never be accepted: a malformed score, a line item that
            // does not exist (any more), a method or media type the endpoint does not take.
            case 404, 410 -> new ServiceCallFailure(message, false, true, null);
            case 400, 405, 415, 422 -> permanent(message);
            case 429, 503 -> retryAfterHeader(response)
                    .map(wait -> retryableAfter(message, wait))
                    .orElseGet(() -> retryable(message));
            default -> retryable(message);
        };
    }

    private static Optional<Duration> retryAfterHeader(PlatformHttp.Response response) {
        return response.headers("Retry-After").stream().findFirst().flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
