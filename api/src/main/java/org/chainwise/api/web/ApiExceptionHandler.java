package org.chainwise.api.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers an {@link ApiException} with its status and error body. */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ApiException exception) {
        var response = HttpResponse.<ApiError>status(exception.status()).body(exception.body());
        return exception.status() == HttpStatus.SERVICE_UNAVAILABLE ? response.header("Retry-After", "1") : response;
    }
}
