package org.chainwise.api.identity;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.chainwise.api.store.SessionStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired sessions now and then, so that {@code app_session} holds about one school day of
 * sign-ins. Any number of nodes may run it at once: the delete is idempotent.
 */
@Singleton
class ExpiredSessionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredSessionSweep.class);

    private final DSLContext dsl;
    private final SessionStore store;

    ExpiredSessionSweep(DSLContext dsl, SessionStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "1h")
    void sweep() {
        int deleted = store.deleteExpired(dsl, Instant.now());
        if (deleted > 0) {
            LOG.info("Deleted {} expired session(s)", deleted);
        }
    }
}
