package org.chainwise.api.lti.advantage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.lti.ToolKeys;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Access tokens for a platform's services, obtained with the client-credentials grant and a JWT
 * client assertion signed with the tool's keys (1EdTech Security Framework 1.0, RFC 7523; its
 * audience is the platform's token endpoint), and cached per platform and
 * scope set until shortly before they expire. At most one request per platform and scope set is in
 * flight: callers that find no fresh token wait for the one fetching it.
 */
@Singleton
public class AccessTokens {

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    /** Used when a token response names no lifetime; short, since the platform did not say. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final PlatformHttp http;
    private final ToolKeys keys;
    private final Duration expiryMargin;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<Key, Token> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, ReentrantLock> fetching = new ConcurrentHashMap<>();

    AccessTokens(PlatformHttp http, ToolKeys keys,
                 @Value("${chainwise.lti.services.token-expiry-margin:60s}") Duration expiryMargin) {
        this.http = http;
        this.keys = keys;
        this.expiryMargin = expiryMargin;
    }

    private record Key(long platformId, String scopes) {
    }

    private record Token(String value, Instant refreshAt) {
    }

    @Serdeable.Deserializable
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Long expiresIn) {
    }

    @Serdeable.Deserializable
    record TokenError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    /** A bearer token for the scopes, from the cache while it is fresh, else from the platform. */
    public String token(Platform platform, Set<String> scopes) throws ServiceCallFailure {
        Key key = key(platform, scopes);
        Token cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
            return cached.value();
        }
        ReentrantLock lock = fetching.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Token current = cache.get(key);
            if (current != null && clock.instant().isBefore(current.refreshAt())) {
                return current.value();
            }
            Token fetched = fetch(platform, key.scopes());
            cache.put(key, fetched);
            return fetched.value();
        } finally {
            lock.unlock();
        }
    }

    /** A request made with a bearer token. */
    @FunctionalInterface
    public interface AuthorizedCall {
        PlatformHttp.Response send(String bearerToken) throws ServiceCallFailure;
    }

    /**
     * Makes the call with a token for the scopes; when the platform answers 401 (it revoked or
     * expired the token early), once more with a newly fetched token.
     */
    public PlatformHttp.Response authorized(Platform platform, Set<String> scopes, AuthorizedCall call)
            throws ServiceCallFailure {
        String token = token(platform, scopes);
        PlatformHttp.Response response = call.send(token);
        if (response.status() != 401) {
            return response;
        }
        invalidate(platform, scopes, token);
        return call.send(token(platform, scopes));
    }

    /**
     * Forgets {@code token} (the platform answered 401 to it), so that the next call fetches a new
     * one; a newer token another caller already fetched is kept.
     */
    void invalidate(Platform platform, Set<String> scopes, String token) {
        cache.computeIfPresent(key(platform, scopes), (k, cached) -> cached.value().equals(token) ? null : cached);
    }

    private static Key key(Platform platform, Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        return new Key(platform.id(), String.join(" ", new TreeSet<>(scopes)));
    }

    private Token fetch(Platform platform, String scopes) throws ServiceCallFailure {
        Instant now = clock.instant();
        String assertion = keys.sign(new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.authTokenUrl().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        form.put("scope", scopes);
        String what = "the token endpoint " + platform.authTokenUrl();
        PlatformHttp.Response response = http.send(HttpRequest.newBuilder(platform.authTokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))), what);
        if (!response.ok()) {
            // A refused assertion is most often a registration to fix on the platform (the tool's
            // JWKS URL or client id); the grades wait for it rather than being given up.
            throw ServiceCallFailure.retryable(what + " refused a token (HTTP " + response.status() + ")"
                    + describeError(response.body()));
        }
        TokenResponse body = http.readJson(response.body(), TokenResponse.class, what);
        if (body.accessToken() == null || body.accessToken().isBlank()
                || (body.tokenType() != null && !body.tokenType().equalsIgnoreCase("bearer"))) {
            throw ServiceCallFailure.retryable(what + " answered without a bearer access token");
        }
        Duration lifetime = body.expiresIn() == null || body.expiresIn() <= 0
                ? DEFAULT_LIFETIME : Duration.ofSeconds(body.expiresIn());
        Duration margin = expiryMargin.compareTo(lifetime.dividedBy(2)) < 0 ? expiryMargin : lifetime.dividedBy(2);
        return new Token(body.accessToken(), now.plus(lifetime).minus(margin));
    }

    private String describeError(String body) {
        try {
            TokenError error = http.readJson(body, TokenError.class, "");
            if (error.error() != null) {
                return ": " + error.error() + (error.errorDescription() == null ? "" : " (" + error.errorDescription() + ")");
            }
        } catch (ServiceCallFailure notRfc6749Json) {
            // The status says enough.
        }
        return "";
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
