package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.APP_SESSION;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Role;
import org.jooq.DSLContext;

/** Rows of {@code app_session}, keyed by the SHA-256 of the session token. */
@Singleton
public class SessionStore {

    /** A stored session: who acts, and until when. */
    public record Session(Actor actor, Instant expiresAt) {
    }

    public void insert(DSLContext tx, byte[] tokenHash, Actor actor, Instant createdAt, Instant expiresAt) {
        tx.insertInto(APP_SESSION)
                .set(APP_SESSION.TOKEN_HASH, tokenHash)
                .set(APP_SESSION.USER_ID, actor.userId())
                .set(APP_SESSION.COURSE_ID, actor.courseId())
                .set(APP_SESSION.ROLE, actor.role().wireName())
                .set(APP_SESSION.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(APP_SESSION.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Optional<Session> find(DSLContext tx, byte[] tokenHash) {
        return tx.select(APP_SESSION.USER_ID, APP_SESSION.COURSE_ID, APP_SESSION.ROLE, APP_SESSION.EXPIRES_AT)
                .from(APP_SESSION)
                .where(APP_SESSION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(row -> new Session(
                        new Actor(row.value1(), row.value2(), Role.fromWireName(row.value3())),
                        row.value4().toInstant()));
    }

    /** Deletes the sessions that expired before {@code now}; returns how many. */
    public int deleteExpired(DSLContext tx, Instant now) {
        OffsetDateTime cutoff = now.atOffset(ZoneOffset.UTC);
        return tx.deleteFrom(APP_SESSION).where(APP_SESSION.EXPIRES_AT.lt(cutoff)).execute();
    }
}
