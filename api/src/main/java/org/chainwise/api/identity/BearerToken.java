package org.chainwise.api.identity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** The token of a request's {@code Authorization: Bearer <token>} header (scheme matched case-insensitively), if it has one. */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class);
        if (header.isPresent() && header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.get().substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }
}
