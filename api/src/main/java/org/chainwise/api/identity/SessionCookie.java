package org.chainwise.api.identity;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/** The session cookie the api sets beside handing out the token: for a first-party page it is all a browser needs. */
public final class SessionCookie {

    public static final String NAME = "chainwise_session";

    private SessionCookie() {
    }

    /**
     * The cookie carrying {@code token}: HttpOnly so page scripts cannot read it, SameSite=None and
     * Secure so that an LMS page framing Chainwise may still send it where the browser allows.
     */
    public static Cookie of(String token) {
        return Cookie.of(NAME, token)
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.None)
                .path("/")
                .maxAge(Sessions.LIFETIME);
    }
}
