package org.chainwise.api.lti;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The tool's public URLs. With {@code chainwise.public-url} (env {@code CHAINWISE_PUBLIC_URL})
 * set, every URL the tool hands out or checks is built on it, which is what a deployment behind
 * a proxy or load balancer needs; unset, the URL the request came to (scheme and Host header).
 */
@Singleton
public class ToolUrls {

    private final Optional<URI> configured;

    ToolUrls(@Value("${chainwise.public-url:}") String publicUrl) {
        this.configured = publicUrl == null || publicUrl.isBlank() ? Optional.empty() : Optional.of(parse(publicUrl));
    }

    /** The configured public base URL, if any. */
    public Optional<URI> configured() {
        return configured;
    }

    /** The tool's base URL (no trailing slash) as seen by the browser that sent {@code request}. */
    public URI base(HttpRequest<?> request) {
        return configured.orElseGet(() -> {
            String host = request.getHeaders().get("Host");
            if (host == null || host.isBlank()) {
                host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
            }
            return URI.create((request.isSecure() ? "https" : "http") + "://" + host);
        });
    }

    public URI login(URI base) {
        return resolve(base, "/lti/login");
    }

    public URI launch(URI base) {
        return resolve(base, "/lti/launch");
    }

    public URI deepLink(URI base) {
        return resolve(base, "/lti/deep-link");
    }

    public URI jwks(URI base) {
        return resolve(base, "/.well-known/jwks.json");
    }

    public URI resolve(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    /** Whether {@code target} is one of the tool's own URLs: same scheme, host and port as the base, under its path. */
    public boolean isOurs(URI base, URI target) {
        if (target == null || !target.isAbsolute() || target.getHost() == null) {
            return false;
        }
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        String targetPath = target.getPath() == null ? "" : target.getPath();
        return base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().toLowerCase(Locale.ROOT).equals(target.getHost().toLowerCase(Locale.ROOT))
                && port(base) == port(target)
                && (targetPath.equals(basePath) || targetPath.startsWith(basePath + "/"));
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI parse(String text) {
        URI uri = URI.create(text.strip().replaceAll("/+$", ""));
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("chainwise.public-url (CHAINWISE_PUBLIC_URL) must be an absolute URL such as"
                    + " https://chainwise.school.edu, not '" + text + "'");
        }
        return uri;
    }
}
