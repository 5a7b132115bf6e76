package org.chainwise.api.lti.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.chainwise.api.lti.LaunchRefused;
import org.chainwise.api.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every refused LTI request (rule code, message, route, client address) and answers with
 * the API's error shape ({@link ApiError}), so an administrator can find in
 * the log why an LMS launch failed and the person in the iframe reads the same sentence.
 */
@Produces
@Singleton
@Requires(classes = {LaunchRefused.class, ExceptionHandler.class})
public class LaunchRefusedHandler implements ExceptionHandler<LaunchRefused, HttpResponse<?>> {

    /** The logger refusals go to; named so that operators can route LTI refusals on their own. */
    public static final String LOGGER = "org.chainwise.api.lti.refused";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public HttpResponse<?> handle(HttpRequest request, LaunchRefused refused) {
        LOG.warn("LTI request refused: {} {} -> {} {}: {} (from {})", request.getMethod(), request.getPath(),
                refused.status().getCode(), refused.code(), refused.getMessage(), request.getRemoteAddress());
        return HttpResponse.status(refused.status()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(new ApiError.Detail(refused.code(), refused.getMessage(), null)));
    }
}
