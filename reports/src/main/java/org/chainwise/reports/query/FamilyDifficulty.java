package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.FamilyReport.Distractor;
import org.jooq.DSLContext;

/** Per item family of a course: learner attempts by verdict, and the first diagnoses of its (incorrect) diagnosed attempts. */
public final class FamilyDifficulty {

    private final DSLContext dsl;

    public FamilyDifficulty(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Families by name. */
    public List<Family> families(long courseId) {
        return dsl.select(ITEM_SERVED.FAMILY, count(), count().filterWhere(LearnerAttempts.graded()),
                        count().filterWhere(LearnerAttempts.correct()), countDistinct(ATTEMPT.USER_ID))
                .from(ATTEMPT)
                .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                .where(LearnerAttempts.inCourse(courseId), ITEM_SERVED.COURSE_ID.eq(courseId))
                .groupBy(ITEM_SERVED.FAMILY)
                .orderBy(ITEM_SERVED.FAMILY)
                .fetch(row -> new Family(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }

    /** Per family, the distractors produced: most attempts first. */
    public Map<String, List<Distractor>> distractors(long courseId) {
        Map<String, List<Distractor>> distractors = new HashMap<>();
        var attempts = count();
        // Only incorrect attempts are diagnosed, and each has one first diagnosis: a count of rows is a count of attempts.
        dsl.select(ATTEMPT_MISCONCEPTION.FAMILY, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, attempts,
                        countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId), ATTEMPT_MISCONCEPTION.RANK.eq(inline((short) 1)))
                .groupBy(ATTEMPT_MISCONCEPTION.FAMILY, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER)
                .orderBy(ATTEMPT_MISCONCEPTION.FAMILY, attempts.desc(), ATTEMPT_MISCONCEPTION.CODE,
                        ATTEMPT_MISCONCEPTION.LAYER.asc().nullsLast())
                .forEach(row -> distractors.computeIfAbsent(row.value1(), family -> new ArrayList<>())
                        .add(new Distractor(Misconception.valueOf(row.value2()),
                                row.value3() == null ? null : row.value3().intValue(), row.value4(), row.value5())));
        return distractors;
    }

    /** A family's attempts: all, graded (correct or incorrect), correct, and the learners who made them. */
    public record Family(String family, int attempts, int graded, int correct, int students) {
    }
}
