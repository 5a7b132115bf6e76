package org.chainwise.api.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms' public keys, fetched from their JWKS URLs and cached per URL. An id_token
 * naming a kid the cache lacks makes one refetch (a platform rotated its key), at most once per
 * {@code chainwise.lti.jwks-min-refresh} per URL so that tokens with made-up kids cannot make the
 * tool hammer a platform; concurrent requests for one URL share a single fetch. Every fetch has
 * a connect and a request timeout; a JWKS that cannot be fetched refuses the launch with 502.
 */
@Singleton
public class PlatformKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformKeys.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Duration ttl;
    private final Duration minRefresh;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();
    private final Map<URI, CompletableFuture<Cached>> inFlight = new ConcurrentHashMap<>();

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    PlatformKeys(@Value("${chainwise.lti.jwks-ttl:10m}") Duration ttl,
            @Value("${chainwise.lti.jwks-min-refresh:10s}") Duration minRefresh) {
        this.ttl = ttl;
        this.minRefresh = minRefresh;
    }

    /**
     * The RSA public key {@code kid} of the key set at {@code jwksUrl}.
     *
     * @throws LaunchRefused 401 {@code lti_unknown_kid} when the platform does not publish it, 502
     *     {@code lti_platform_jwks_unavailable} when its key set cannot be fetched or read
     */
    public RSAPublicKey key(URI jwksUrl, String kid) {
        Instant now = Instant.now();
        Cached cached = cache.get(jwksUrl);
        boolean fresh = cached != null && cached.fetchedAt().plus(ttl).isAfter(now);
        JWK key = cached == null ? null : cached.keys().getKeyByKeyId(kid);
        if (key == null || !fresh) {
            boolean mayRefresh = cached == null || !fresh || !cached.fetchedAt().plus(minRefresh).isAfter(now);
            if (mayRefresh) {
                try {
                    cached = fetch(jwksUrl);
                } catch (LaunchRefused unavailable) {
                    if (key == null) {
                        throw unavailable;
                    }
                    // A stale set that holds the key beats no set: the platform's JWKS may be down for a moment.
                    LOG.warn("Using the stale JWKS of {}: {}", jwksUrl, unavailable.getMessage());
                }
                key = cached.keys().getKeyByKeyId(kid);
            }
        }
        if (key == null) {
            throw LaunchRefused.untrusted("lti_unknown_kid", "The id_token is signed with key '" + kid
                    + "', which the platform does not publish at " + jwksUrl + ".");
        }
        return rsa(jwksUrl, key);
    }

    /** How many fetches are under way (for tests of the single flight). */
    int fetchesInFlight() {
        return inFlight.size();
    }

    private Cached fetch(URI jwksUrl) {
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = inFlight.putIfAbsent(jwksUrl, mine);
        if (running != null) {
            return await(jwksUrl, running);
        }
        try {
            Cached fetched = new Cached(download(jwksUrl), Instant.now());
            cache.put(jwksUrl, fetched);
            mine.complete(fetched);
            return fetched;
        } catch (LaunchRefused e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(jwksUrl, mine);
        }
    }

    private static Cached await(URI jwksUrl, CompletableFuture<Cached> running) {
        try {
            return running.get(CONNECT_TIMEOUT.plus(REQUEST_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LaunchRefused refused) {
                throw refused;
            }
            throw unavailable(jwksUrl, e.getCause().toString());
        } catch (TimeoutException e) {
            throw unavailable(jwksUrl, "no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(jwksUrl, "interrupted");
        }
    }

    private JWKSet download(URI jwksUrl) {
        HttpRequest request = HttpRequest.newBuilder(jwksUrl).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable(jwksUrl, "it answered HTTP " + response.statusCode());
            }
            if (response.body().length() > MAX_JWKS_BYTES) {
                throw unavailable(jwksUrl, "it is larger than " + MAX_JWKS_BYTES + " bytes");
            }
            JWKSet set = JWKSet.parse(response.body());
            LOG.info("Fetched the JWKS of {}: {} key(s)", jwksUrl, set.getKeys().size());
            return set;
        } catch (ParseException e) {
            throw unavailable(jwksUrl, "it is not a JSON Web Key Set (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw unavailable(jwksUrl, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(jwksUrl, "interrupted");
        }
    }

    private static RSAPublicKey rsa(URI jwksUrl, JWK key) {
        if (!(key instanceof RSAKey rsa)) {
            throw LaunchRefused.untrusted("lti_unknown_kid", "Key '" + key.getKeyID() + "' at " + jwksUrl
                    + " is a " + key.getKeyType() + " key; LTI 1.3 signs id_tokens with RSA (RS256).");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())
                || key.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(key.getAlgorithm())) {
            throw LaunchRefused.untrusted("lti_unknown_kid", "Key '" + key.getKeyID() + "' at " + jwksUrl
                    + " is not an RS256 signing key (use " + key.getKeyUse() + ", alg " + key.getAlgorithm() + ").");
        }
        try {
            return rsa.toRSAPublicKey();
        } catch (JOSEException e) {
            throw unavailable(jwksUrl, "key '" + key.getKeyID() + "' is not a valid RSA public key");
        }
    }

    private static LaunchRefused unavailable(URI jwksUrl, String why) {
        return new LaunchRefused(HttpStatus.BAD_GATEWAY, "lti_platform_jwks_unavailable",
                "The platform's signing keys could not be fetched from " + jwksUrl + ": " + why
                        + ". Check the JWKS URL registered for this platform.");
    }
}
