package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * Who the reports count as a course's learners: its {@code course_role} rows with role
 * {@code learner}. The one place that says so, so that a roster from LTI Names and Role
 * Provisioning can take its place here alone.
 */
public final class Roster {

    static final String LEARNER = "learner";

    private Roster() {
    }

    /** True when {@code userId} is a learner of {@code courseId}; works for one course and for all. */
    public static Condition isLearner(Field<Long> courseId, Field<Long> userId) {
        // Inlined so that the planner can use the partial index on learners.
        return exists(selectOne().from(COURSE_ROLE).where(
                COURSE_ROLE.COURSE_ID.eq(courseId),
                COURSE_ROLE.USER_ID.eq(userId),
                COURSE_ROLE.ROLE.eq(inline(LEARNER))));
    }

    /** The condition on {@code course_role} itself that keeps a course's learners. */
    public static Condition learnerRows() {
        return COURSE_ROLE.ROLE.eq(inline(LEARNER));
    }
}
