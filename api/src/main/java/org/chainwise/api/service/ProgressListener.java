package org.chainwise.api.service;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Told of learners' progress inside the transaction that records their submissions (a batch of
 * them, one per learner), so that what it writes (a grade passback outbox row, say) commits or
 * rolls back with the attempts themselves.
 */
public interface ProgressListener {

    void progressed(DSLContext tx, List<PracticeProgress> progress);
}
