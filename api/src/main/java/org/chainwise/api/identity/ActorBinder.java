package org.chainwise.api.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.chainwise.api.web.ApiException;

/**
 * Fills a controller's {@link Actor} parameter from the request's session: the
 * {@code Authorization: Bearer} token, else the {@value #COOKIE} cookie. The header comes first
 * because inside an LMS iframe the browser may withhold the cookie (third-party cookies blocked),
 * while the page still holds the token it was opened with. No valid session is a 401.
 */
@Singleton
class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    /** The session cookie's name. */
    static final String COOKIE = SessionCookie.NAME;

    private static final String BEARER = "Bearer ";

    private final Sessions sessions;

    ActorBinder(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Optional<String> token = tokenOf(request);
        if (token.isEmpty()) {
            throw ApiException.unauthenticated(
                    "Sign in first: open Chainwise from your course in the LMS (no session came with this request).");
        }
        Actor actor = sessions.resolve(token.get()).orElseThrow(() -> ApiException.unauthenticated(
                "Your session has expired or is not known here: open Chainwise again from your course."));
        return () -> Optional.of(actor);
    }

    private static Optional<String> tokenOf(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class);
        if (header.isPresent() && header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.get().substring(BEARER.length()).trim());
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    }
}
