package org.chainwise.api.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * Resolves the request's session before the route runs, off the event loop (a session not yet
 * cached costs a database query), and leaves the outcome on the request for {@link ActorBinder}.
 * The token is the {@code Authorization: Bearer} header, else the session cookie: the header comes
 * first because inside an LMS iframe the browser may withhold the cookie while the page still holds
 * the token it was opened with.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SessionFilter {

    /** The request attribute holding the {@link Resolution}. */
    static final String ATTRIBUTE = SessionFilter.class.getName();

    private final Sessions sessions;

    SessionFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    /** What the request's credentials came to: no token, an unknown or expired one, or an actor. */
    sealed interface Resolution {
        record NoToken() implements Resolution {
        }

        record Refused() implements Resolution {
        }

        record SignedIn(Actor actor) implements Resolution {
        }
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void resolve(HttpRequest<?> request) {
        Resolution resolution = tokenOf(request)
                .<Resolution>map(token -> sessions.resolve(token)
                        .<Resolution>map(Resolution.SignedIn::new)
                        .orElseGet(Resolution.Refused::new))
                .orElseGet(Resolution.NoToken::new);
        request.setAttribute(ATTRIBUTE, resolution);
    }

    private static Optional<String> tokenOf(HttpRequest<?> request) {
        return BearerToken.of(request).or(() -> request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue));
    }
}
