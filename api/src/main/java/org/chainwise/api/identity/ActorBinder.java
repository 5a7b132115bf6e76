package org.chainwise.api.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.chainwise.api.web.ApiException;

/**
 * Fills a controller's {@link Actor} parameter from the session {@link SessionFilter} resolved;
 * a route that takes an actor answers 401 to a request without a valid session.
 */
@Singleton
class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        SessionFilter.Resolution resolution = request.getAttribute(SessionFilter.ATTRIBUTE, SessionFilter.Resolution.class)
                .orElseGet(SessionFilter.Resolution.NoToken::new);
        Actor actor = switch (resolution) {
            case SessionFilter.Resolution.SignedIn signedIn -> signedIn.actor();
            case SessionFilter.Resolution.NoToken none -> throw ApiException.unauthenticated(
                    "Sign in first: open Chainwise from your course in the LMS (no session came with this request).");
            case SessionFilter.Resolution.Refused refused -> throw ApiException.unauthenticated(
                    "Your session has expired or is not known here: open Chainwise again from your course.");
        };
        return () -> Optional.of(actor);
    }
}
