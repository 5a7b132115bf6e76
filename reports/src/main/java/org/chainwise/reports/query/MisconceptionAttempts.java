package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.jooq.impl.DSL.countDistinct;

import java.util.EnumMap;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;

/** Per code, the learner attempts of a course diagnosed with it (at any rank) and the learners who made them. */
public final class MisconceptionAttempts {

    private final DSLContext dsl;

    public MisconceptionAttempts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Codes no attempt showed are absent. */
    public Map<Misconception, Count> forCourse(long courseId) {
        Map<Misconception, Count> counts = new EnumMap<>(Misconception.class);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, countDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID),
                        countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE)
                .forEach(row -> counts.put(Misconception.valueOf(row.value1()), new Count(row.value2(), row.value3())));
        return counts;
    }

    /** Attempts and distinct learners. */
    public record Count(int attempts, int students) {
    }
}
