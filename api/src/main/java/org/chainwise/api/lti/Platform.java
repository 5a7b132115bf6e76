package org.chainwise.api.lti;

import java.net.URI;
import java.util.Objects;

/**
 * An LMS registered with the tool, named by its issuer and the client id it gave the tool, with
 * the endpoints the tool talks to: where to send the OIDC authentication request, where to get
 * service access tokens, and where the platform publishes its signing keys.
 */
public record Platform(long id, String issuer, String clientId, URI authLoginUrl, URI authTokenUrl, URI jwksUrl,
        boolean learnDeployments) {

    public Platform {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authLoginUrl, "authLoginUrl");
        Objects.requireNonNull(authTokenUrl, "authTokenUrl");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
    }
}
