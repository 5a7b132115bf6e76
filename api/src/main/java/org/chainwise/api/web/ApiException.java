package org.chainwise.api.web;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/**
 * A request refused for a reason the client can act on, answered with {@code status} and the
 * body {@code {"error": {"code", "message", "field"}}}; {@code field} names the offending request
 * field, or is null. A client error (4xx), or 503 when the server is too busy and the client should
 * send the same request again.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public ApiException(HttpStatus status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        if ((status.getCode() < 400 || status.getCode() >= 500) && status != HttpStatus.SERVICE_UNAVAILABLE) {
            throw new IllegalArgumentException("an ApiException is a client error (4xx) or 503, not " + status);
        }
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, field);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message, null);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message, null);
    }

    /** 503 with {@code Retry-After}: the server could not answer in time; the same request may be sent again. */
    public static ApiException busy(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", message, null);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", message, null);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(new ApiError.Detail(code, getMessage(), field));
    }
}
