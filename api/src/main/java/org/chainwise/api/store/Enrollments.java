package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** Learners' runs through practice sets ({@code practice_enrollment}). */
@Singleton
public class Enrollments {

    private static final Rendered START_OR_RESUME = Rendered.of(DSL.insertInto(PRACTICE_ENROLLMENT)
            .set(PRACTICE_ENROLLMENT.COURSE_ID, 0L)
            .set(PRACTICE_ENROLLMENT.USER_ID, 0L)
            .set(PRACTICE_ENROLLMENT.PRACTICE_SET_ID, 0L)
            .onConflict(PRACTICE_ENROLLMENT.COURSE_ID, PRACTICE_ENROLLMENT.USER_ID, PRACTICE_ENROLLMENT.PRACTICE_SET_ID)
            .doUpdate()
            .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED)
            .returning(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_CORRECT, PRACTICE_ENROLLMENT.COMPLETED_AT));

    /** Starts the learner's run through the set, or resumes it; locks it until the transaction ends. */
    public Enrollment startOrResume(DSLContext tx, long courseId, long userId, long practiceSetId) {
        return START_OR_RESUME.fetch(tx, courseId, userId, practiceSetId)
                .fetchSingle(row -> new Enrollment(row.get(0, Integer.class), row.get(1, Integer.class), row.get(2) != null));
    }

    /** The learner's run through the set, if it was started. */
    public Optional<Enrollment> find(DSLContext tx, long courseId, long userId, long practiceSetId) {
        return tx.select(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_CORRECT, PRACTICE_ENROLLMENT.COMPLETED_AT)
                .from(PRACTICE_ENROLLMENT)
                .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(courseId), PRACTICE_ENROLLMENT.USER_ID.eq(userId),
                        PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(practiceSetId))
                .fetchOptional(row -> new Enrollment(row.value1(), row.value2(), row.value3() != null));
    }

    /** The statement (for a batch) that stores the run's new counters, and its completion the first time it is met. */
    public Query save(DSLContext tx, long courseId, long userId, long practiceSetId, Enrollment enrollment) {
        var update = tx.update(PRACTICE_ENROLLMENT)
                .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, enrollment.itemsAttempted())
                .set(PRACTICE_ENROLLMENT.ITEMS_CORRECT, enrollment.itemsCorrect());
        return (enrollment.completed()
                ? update.set(PRACTICE_ENROLLMENT.COMPLETED_AT, coalesce(PRACTICE_ENROLLMENT.COMPLETED_AT, currentOffsetDateTime()))
                : update)
                .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(courseId), PRACTICE_ENROLLMENT.USER_ID.eq(userId),
                        PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(practiceSetId));
    }
}
