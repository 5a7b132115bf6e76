package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import java.time.LocalDate;
import java.util.Optional;
import org.chainwise.reports.Totals;
import org.jooq.DSLContext;

/** A course's head counts and the first and last week with a learner attempt. */
public final class CourseTotals {

    private final DSLContext dsl;

    public CourseTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Result forCourse(long courseId) {
        int learners = dsl.fetchCount(COURSE_ROLE, COURSE_ROLE.COURSE_ID.eq(courseId).and(Roster.learnerRows()));
        var row = dsl.select(count(), countDistinct(ATTEMPT.USER_ID),
                        count().filterWhere(LearnerAttempts.correct()),
                        count().filterWhere(LearnerAttempts.incorrect()),
                        min(LearnerAttempts.week(ATTEMPT.SUBMITTED_AT)),
                        max(LearnerAttempts.week(ATTEMPT.SUBMITTED_AT)))
                .from(ATTEMPT)
                .where(LearnerAttempts.inCourse(courseId))
                .fetchSingle();
        int attempts = row.value1();
        Totals totals = new Totals(learners, row.value2(), attempts, row.value3(), row.value4(),
                attempts - row.value3() - row.value4());
        return new Result(totals, Optional.ofNullable(row.value5()), Optional.ofNullable(row.value6()));
    }

    /** The totals and the week span of the attempts (empty when there are none). */
    public record Result(Totals totals, Optional<LocalDate> firstWeek, Optional<LocalDate> lastWeek) {
    }
}
