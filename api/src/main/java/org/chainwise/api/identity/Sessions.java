package org.chainwise.api.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chainwise.api.store.SessionStore;
import org.jooq.DSLContext;

/**
 * Opens sessions and resolves their tokens. A token is 256 random bits; the database keeps only
 * its SHA-256, so every api node resolves every token. Resolved sessions are remembered in memory
 * until they expire (sessions are never revoked early), which spares the database one query per
 * request; the memory is only a cache, bounded, and losing it loses nothing.
 */
@Singleton
public class Sessions {

    /** How long a session lasts: a school day. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private static final int TOKEN_BYTES = 32;
    private static final int CACHED_SESSIONS = 100_000;

    private final DSLContext dsl;
    private final SessionStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, SessionStore.Session> resolved = new ConcurrentHashMap<>();

    @Inject
    Sessions(DSLContext dsl, SessionStore store) {
        this(dsl, store, Clock.systemUTC());
    }

    Sessions(DSLContext dsl, SessionStore store, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.clock = clock;
    }

    /** A new session for the user in the course, as the token the client presents. */
    public String open(long userId, long courseId, Role role) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        Actor actor = new Actor(userId, courseId, role);
        store.insert(dsl, hash(token), actor, now, expiresAt);
        // Its first request, most often to this node, then needs no query.
        remember(token, new SessionStore.Session(actor, expiresAt));
        return token;
    }

    /** The actor of a token, when the token is well formed, known and not expired. */
    public Optional<Actor> resolve(String token) {
        if (token == null || token.length() != 43 || !token.chars().allMatch(Sessions::isBase64Url)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SessionStore.Session session = resolved.get(token);
        if (session == null) {
            session = store.find(dsl, hash(token)).orElse(null);
            if (session == null) {
                return Optional.empty();
            }
            remember(token, session);
        }
        if (!session.expiresAt().isAfter(now)) {
            resolved.remove(token);
            return Optional.empty();
        }
        return Optional.of(session.actor());
    }

    private void remember(String token, SessionStore.Session session) {
        if (resolved.size() >= CACHED_SESSIONS) {
            resolved.clear();
        }
        resolved.put(token, session);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
