package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.LTI_LAUNCH_STATE;
import static org.chainwise.migrations.jooq.Tables.LTI_NONCE;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The OIDC logins in flight (state and nonce, written at the login initiation, consumed once by
 * the launch) and the nonces of accepted id_tokens, kept until the tokens expire so that none is
 * accepted twice. In PostgreSQL, so a login started on one api node completes on any other.
 */
@Singleton
public class LaunchStateStore {

    /** A login in flight. {@code storageTarget} is the platform's lti_storage_target frame, or null. */
    public record LaunchState(String state, String nonce, long platformId, String targetLinkUri, String storageTarget,
            OffsetDateTime expiresAt, boolean consumed) {
    }

    public void insert(DSLContext tx, String state, String nonce, long platformId, String targetLinkUri,
            String storageTarget, Duration lifetime) {
        tx.insertInto(LTI_LAUNCH_STATE)
                .set(LTI_LAUNCH_STATE.STATE, state)
                .set(LTI_LAUNCH_STATE.NONCE, nonce)
                .set(LTI_LAUNCH_STATE.PLATFORM_ID, platformId)
                .set(LTI_LAUNCH_STATE.TARGET_LINK_URI, targetLinkUri)
                .set(LTI_LAUNCH_STATE.STORAGE_TARGET, storageTarget)
                .set(LTI_LAUNCH_STATE.EXPIRES_AT, DSL.field("now() + make_interval(secs => {0})", OffsetDateTime.class,
                        DSL.val((double) lifetime.toSeconds())))
                .execute();
    }

    /** The login with this state, if it is known and not expired (consumed or not). */
    public Optional<LaunchState> findLive(DSLContext tx, String state) {
        return tx.selectFrom(LTI_LAUNCH_STATE)
                .where(LTI_LAUNCH_STATE.STATE.eq(state), LTI_LAUNCH_STATE.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .fetchOptional()
                .map(r -> new LaunchState(r.getState(), r.getNonce(), r.getPlatformId(), r.getTargetLinkUri(),
                        r.getStorageTarget(), r.getExpiresAt(), r.getConsumedAt() != null));
    }

    /** Marks the login used; false when another request consumed it first. */
    public boolean consume(DSLContext tx, String state) {
        return tx.update(LTI_LAUNCH_STATE)
                .set(LTI_LAUNCH_STATE.CONSUMED_AT, DSL.currentOffsetDateTime())
                .where(LTI_LAUNCH_STATE.STATE.eq(state), LTI_LAUNCH_STATE.CONSUMED_AT.isNull())
                .execute() == 1;
    }

    /** Records an accepted token's nonce until {@code expiresAt}; false when the platform's nonce was seen before. */
    public boolean recordNonce(DSLContext tx, long platformId, String nonce, OffsetDateTime expiresAt) {
        return tx.insertInto(LTI_NONCE)
                .set(LTI_NONCE.PLATFORM_ID, platformId)
                .set(LTI_NONCE.NONCE, nonce)
                .set(LTI_NONCE.EXPIRES_AT, expiresAt)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Deletes expired logins and nonces (a nonce past its token's expiry cannot be replayed: the token is refused as expired). */
    public int deleteExpired(DSLContext tx) {
        int states = tx.deleteFrom(LTI_LAUNCH_STATE)
                .where(LTI_LAUNCH_STATE.EXPIRES_AT.lt(DSL.currentOffsetDateTime()))
                .execute();
        return states + tx.deleteFrom(LTI_NONCE).where(LTI_NONCE.EXPIRES_AT.lt(DSL.currentOffsetDateTime())).execute();
    }
}
