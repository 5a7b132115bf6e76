package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** The conditions and expressions the report queries share over {@code attempt} and {@code attempt_misconception}. */
final class LearnerAttempts {

    static final String CORRECT = "correct";
    static final String INCORRECT = "incorrect";

    private LearnerAttempts() {
    }

    /** The attempts that learners of the course made. */
    static Condition inCourse(long courseId) {
        return ATTEMPT.COURSE_ID.eq(courseId).and(Roster.isLearner(ATTEMPT.COURSE_ID, ATTEMPT.USER_ID));
    }

    /** The diagnoses of the attempts that learners of the course made (attempt_misconception carries both since V5). */
    static Condition diagnosedInCourse(long courseId) {
        return ATTEMPT_MISCONCEPTION.COURSE_ID.eq(courseId)
                .and(Roster.isLearner(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.USER_ID));
    }

    static Condition correct() {
        return ATTEMPT.VERDICT.eq(inline(CORRECT));
    }

    static Condition incorrect() {
        return ATTEMPT.VERDICT.eq(inline(INCORRECT));
    }

    /** Correct or incorrect: the answer parsed and was graded. */
    static Condition graded() {
        return ATTEMPT.VERDICT.in(inline(CORRECT), inline(INCORRECT));
    }

    /** The Monday (UTC) of the week a timestamp falls in. */
    static Field<LocalDate> week(Field<OffsetDateTime> at) {
        return field("date_trunc('week', {0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, at);
    }
}
