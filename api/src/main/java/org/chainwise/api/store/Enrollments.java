package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Learners' runs through practice sets ({@code practice_enrollment}). The statements of every
 * practice request are rendered once and run in a {@link Pipeline} by {@link NextReads} and
 * {@link AnswerReads} / {@link AnswerWrites}.
 */
@Singleton
public class Enrollments {

    /**
     * Starts the learner's run through the set if the set is in their course and the run is not
     * started yet; otherwise nothing. Binds (course, user, set, course).
     */
    static final Rendered START = Rendered.of(DSL.insertInto(PRACTICE_ENROLLMENT,
                    PRACTICE_ENROLLMENT.COURSE_ID, PRACTICE_ENROLLMENT.USER_ID, PRACTICE_ENROLLMENT.PRACTICE_SET_ID)
            .select(DSL.select(DSL.val(0L), DSL.val(0L), PRACTICE_SET.ID).from(PRACTICE_SET)
                    .where(PRACTICE_SET.ID.eq(0L), PRACTICE_SET.COURSE_ID.eq(0L)))
            .onConflictDoNothing());

    /**
     * The learner's run, locked until the transaction ends: the next items of one learner in one
     * set are chosen one after the other. Binds (course, user, set).
     */
    static final Rendered LOCK = Rendered.of(DSL.select(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_CORRECT,
                    PRACTICE_ENROLLMENT.COMPLETED_AT)
            .from(PRACTICE_ENROLLMENT)
            .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(0L), PRACTICE_ENROLLMENT.USER_ID.eq(0L),
                    PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(0L))
            .forUpdate());

    /**
     * Stores the run's new counters, and its completion the first time it is met. Binds
     * (attempted, correct, completed, course, user, set).
     */
    static final Rendered SAVE = Rendered.of(DSL.update(PRACTICE_ENROLLMENT)
            .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, 0)
            .set(PRACTICE_ENROLLMENT.ITEMS_CORRECT, 0)
            .set(PRACTICE_ENROLLMENT.COMPLETED_AT, DSL.when(DSL.condition(DSL.val(false)),
                    coalesce(PRACTICE_ENROLLMENT.COMPLETED_AT, currentOffsetDateTime())).otherwise(PRACTICE_ENROLLMENT.COMPLETED_AT))
            .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(0L), PRACTICE_ENROLLMENT.USER_ID.eq(0L),
                    PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(0L)));

    /** A row of {@link #LOCK}. */
    static Enrollment read(ResultSet row) throws SQLException {
        return new Enrollment(row.getInt(1), row.getInt(2), row.getObject(3) != null);
    }

    /** The learner's run through the set, if it was started. */
    public Optional<Enrollment> find(DSLContext tx, long courseId, long userId, long practiceSetId) {
        return tx.select(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_CORRECT, PRACTICE_ENROLLMENT.COMPLETED_AT)
                .from(PRACTICE_ENROLLMENT)
                .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(courseId), PRACTICE_ENROLLMENT.USER_ID.eq(userId),
                        PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(practiceSetId))
                .fetchOptional(row -> new Enrollment(row.value1(), row.value2(), row.value3() != null));
    }
}
