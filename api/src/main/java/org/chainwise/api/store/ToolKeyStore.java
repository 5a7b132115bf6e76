package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.LTI_TOOL_KEY;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** The tool's signing keys in PostgreSQL, so that every api node signs with the same key and publishes the same JWKS. */
@Singleton
public class ToolKeyStore {

    /** A stored key: its id, the private JWK (JSON), and until when a retired key stays published (null while current). */
    public record StoredKey(String kid, String privateJwk, OffsetDateTime createdAt, OffsetDateTime publishedUntil) {
        public boolean current() {
            return publishedUntil == null;
        }
    }

    /** The key that signs now, if any. */
    public Optional<StoredKey> current(DSLContext tx) {
        return tx.selectFrom(LTI_TOOL_KEY).where(LTI_TOOL_KEY.RETIRED_AT.isNull())
                .fetchOptional().map(ToolKeyStore::stored);
    }

    /** The current key locked for rotation, so two rotations at once retire it once. */
    public Optional<StoredKey> currentForUpdate(DSLContext tx) {
        return tx.selectFrom(LTI_TOOL_KEY).where(LTI_TOOL_KEY.RETIRED_AT.isNull()).forUpdate()
                .fetchOptional().map(ToolKeyStore::stored);
    }

    /** The current key and every retired key still inside its overlap, newest first. */
    public List<StoredKey> published(DSLContext tx) {
        return tx.selectFrom(LTI_TOOL_KEY)
                .where(LTI_TOOL_KEY.RETIRED_AT.isNull().or(LTI_TOOL_KEY.PUBLISHED_UNTIL.gt(DSL.currentOffsetDateTime())))
                .orderBy(LTI_TOOL_KEY.CREATED_AT.desc(), LTI_TOOL_KEY.KID)
                .fetch(ToolKeyStore::stored);
    }

    /**
     * Inserts the key as the current one unless another is current already (another node won the
     * race to make the first key): returns whether this one was stored.
     */
    public boolean insertCurrent(DSLContext tx, String kid, String privateJwk, String publicJwk) {
        return tx.insertInto(LTI_TOOL_KEY)
                .set(LTI_TOOL_KEY.KID, kid)
                .set(LTI_TOOL_KEY.PRIVATE_JWK, privateJwk)
                .set(LTI_TOOL_KEY.PUBLIC_JWK, JSONB.jsonb(publicJwk))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Retires the current key: it stops signing now and stays published for {@code overlap}. */
    public void retire(DSLContext tx, String kid, Duration overlap) {
        tx.update(LTI_TOOL_KEY)
                .set(LTI_TOOL_KEY.RETIRED_AT, DSL.currentOffsetDateTime())
                .set(LTI_TOOL_KEY.PUBLISHED_UNTIL,
                        DSL.field("now() + make_interval(secs => {0})", OffsetDateTime.class, DSL.val((double) overlap.toSeconds())))
                .where(LTI_TOOL_KEY.KID.eq(kid), LTI_TOOL_KEY.RETIRED_AT.isNull())
                .execute();
    }

    /** Deletes retired keys past their overlap, private parts included; returns how many. */
    public int deleteExpired(DSLContext tx) {
        return tx.deleteFrom(LTI_TOOL_KEY)
                .where(LTI_TOOL_KEY.PUBLISHED_UNTIL.le(DSL.currentOffsetDateTime()))
                .execute();
    }

    private static StoredKey stored(org.chainwise.migrations.jooq.tables.records.LtiToolKeyRecord row) {
        return new StoredKey(row.getKid(), row.getPrivateJwk(), row.getCreatedAt(), row.getPublishedUntil());
    }
}
