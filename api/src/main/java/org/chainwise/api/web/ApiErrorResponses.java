package org.chainwise.api.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Gives the errors Micronaut itself raises (unreadable JSON, a missing body, an unknown route, a
 * path variable that is not a number, a failed validation) the same shape as {@link ApiException}'s,
 * always as JSON: a client of an API should never have to parse an HTML error page.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ApiErrorResponses implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String message = context.getErrors().stream().map(Error::getMessage).findFirst()
                .orElse(status.getReason());
        String field = context.getErrors().stream().flatMap(e -> e.getPath().stream()).findFirst().orElse(null);
        ApiError body = new ApiError(new ApiError.Detail(codeOf(status), message, field));
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /** {@code 404 Not Found} becomes {@code not_found}. */
    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthenticated";
            case INTERNAL_SERVER_ERROR -> "internal_error";
            default -> status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }
}
