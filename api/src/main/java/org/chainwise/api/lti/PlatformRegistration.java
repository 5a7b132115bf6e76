package org.chainwise.api.lti;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What an LMS administrator gives the tool to register a platform: issuer, client id, the three
 * platform endpoints, deployment ids known up front, and whether further deployments may be
 * learned from signed launches. Every URL is absolute http(s); the constructor refuses anything
 * else with a message naming the field.
 */
public record PlatformRegistration(String issuer, String clientId, URI authLoginUrl, URI authTokenUrl, URI jwksUrl,
        List<String> deploymentIds, boolean learnDeployments) {

    public PlatformRegistration {
        issuer = required("issuer", issuer);
        clientId = required("clientId", clientId);
        requireHttp("issuer", URI.create(issuer));
        requireHttp("authLoginUrl", authLoginUrl);
        requireHttp("authTokenUrl", authTokenUrl);
        requireHttp("jwksUrl", jwksUrl);
        deploymentIds = List.copyOf(deploymentIds == null ? List.of() : deploymentIds);
        deploymentIds.forEach(d -> required("deploymentIds", d));
    }

    /** Parses {@code text} as an absolute http(s) URL, or throws naming {@code field}. */
    public static URI url(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRegistration(field, field + " is required");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidRegistration(field, field + " is not a URL: " + e.getMessage());
        }
        requireHttp(field, uri);
        return uri;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistration(field, field + " is required");
        }
        return value.strip();
    }

    private static void requireHttp(String field, URI uri) {
        if (uri == null) {
            throw new InvalidRegistration(field, field + " is required");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new InvalidRegistration(field, field + " must be an absolute http(s) URL, not '" + uri + "'");
        }
    }

    /** A registration field that cannot be used, with the field's name. */
    public static final class InvalidRegistration extends IllegalArgumentException {
        private final String field;

        public InvalidRegistration(String field, String message) {
            super(message);
            this.field = Objects.requireNonNull(field);
        }

        public String field() {
            return field;
        }
    }
}
