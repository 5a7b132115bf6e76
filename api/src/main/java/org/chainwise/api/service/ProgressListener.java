package org.chainwise.api.service;

import org.jooq.DSLContext;

/**
 * Told of a learner's progress inside the transaction that records the submission, so that what
 * it writes (a grade passback outbox row, say) commits or rolls back with the attempt itself.
 */
public interface ProgressListener {

    void progressed(DSLContext tx, PracticeProgress progress);
}
