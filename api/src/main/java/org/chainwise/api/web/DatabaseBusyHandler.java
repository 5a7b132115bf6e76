package org.chainwise.api.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;

/**
 * Answers a request that found no free database connection in time (the server is overloaded)
 * with 503 and {@code Retry-After}, in the error shape, so that a client retries instead of
 * reading a 500; any other database failure stays a 500.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
class DatabaseBusyHandler implements ExceptionHandler<DataAccessException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "1")
                        .body(new ApiError(new ApiError.Detail("busy",
                                "The server is too busy to answer now: nothing was recorded; send the same request again.", null)));
            }
        }
        return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError(new ApiError.Detail("internal_error", "The database failed this request: try again.", null)));
    }
}
