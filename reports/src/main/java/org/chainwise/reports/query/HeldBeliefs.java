package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;

import java.time.Instant;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.StudentModel;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The misconceptions a course's learners hold now: belief at least {@link StudentModel#HELD}; highest belief first. */
public final class HeldBeliefs {

    private final DSLContext dsl;

    public HeldBeliefs(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The condition a belief row must meet to count as held; inlined so that the partial index applies. */
    static Condition held() {
        return MISCONCEPTION_BELIEF.BELIEF.ge(inline(StudentModel.HELD));
    }

    public List<Belief> forCourse(long courseId) {
        return dsl.select(MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.USER_ID,
                        coalesce(APP_USER.NAME, APP_USER.SUBJECT), MISCONCEPTION_BELIEF.BELIEF,
                        MISCONCEPTION_BELIEF.LAST_SEEN_AT)
                .from(MISCONCEPTION_BELIEF)
                .join(APP_USER).on(APP_USER.ID.eq(MISCONCEPTION_BELIEF.USER_ID))
                .where(MISCONCEPTION_BELIEF.COURSE_ID.eq(courseId), held(),
                        Roster.isLearner(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID))
                .orderBy(MISCONCEPTION_BELIEF.BELIEF.desc(), MISCONCEPTION_BELIEF.USER_ID)
                .fetch(row -> new Belief(Misconception.valueOf(row.value1()), row.value2(), row.value3(), row.value4(),
                        row.value5() == null ? null : row.value5().toInstant()));
    }

    /** One learner's belief in one code. */
    public record Belief(Misconception code, long userId, String name, double belief, Instant lastSeenAt) {
    }
}
