package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.FamilyReport.Distractor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/** Per item family of a course: learner attempts by verdict, and the first diagnoses of its (incorrect) diagnosed attempts. */
public final class FamilyDifficulty {

    private final DSLContext dsl;

    public FamilyDifficulty(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Families by name. */
    public List<Family> families(long courseId) {
        // Per learner and family first (a hash aggregate of a few thousand groups), then per family:
        // counting distinct learners directly would sort every attempt of the course.
        Field<String> family = LearnerAttempts.key(ITEM_SERVED.FAMILY).as("family");
        Field<Integer> attempts = count().as("attempts");
        Field<Integer> graded = count().filterWhere(LearnerAttempts.graded()).as("graded");
        Field<Integer> correct = count().filterWhere(LearnerAttempts.correct()).as("correct");
        Table<?> perLearner = select(ATTEMPT.USER_ID, family, attempts, graded, correct)
                .from(ATTEMPT)
                .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                .where(LearnerAttempts.inCourse(courseId), ITEM_SERVED.COURSE_ID.eq(courseId))
                .groupBy(ATTEMPT.USER_ID, LearnerAttempts.key(ITEM_SERVED.FAMILY))
                .asTable("per_learner");
        Field<String> byFamily = perLearner.field(family);
        return dsl.select(byFamily, sum(perLearner.field(attempts)), sum(perLearner.field(graded)),
                        sum(perLearner.field(correct)), count())
                .from(perLearner)
                .groupBy(byFamily)
                .orderBy(byFamily)
                .fetch(row -> new Family(row.value1(), row.value2().intValue(), row.value3().intValue(),
                        row.value4().intValue(), row.value5()));
    }

    /** Per family, the distractors produced: most attempts first. */
    public Map<String, List<Distractor>> distractors(long courseId) {
        Map<String, List<Distractor>> distractors = new HashMap<>();
        var attempts = count();
        // Only incorrect attempts are diagnosed, and each has one first diagnosis: a count of rows is a count of attempts.
        var family = LearnerAttempts.key(ATTEMPT_MISCONCEPTION.FAMILY);
        var code = LearnerAttempts.key(ATTEMPT_MISCONCEPTION.CODE);
        dsl.select(family, code, ATTEMPT_MISCONCEPTION.LAYER, attempts,
                        countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId), ATTEMPT_MISCONCEPTION.RANK.eq(inline((short) 1)))
                .groupBy(family, code, ATTEMPT_MISCONCEPTION.LAYER)
                .orderBy(family, attempts.desc(), code,
                        ATTEMPT_MISCONCEPTION.LAYER.asc().nullsLast())
                .forEach(row -> distractors.computeIfAbsent(row.value1(), f -> new ArrayList<>())
                        .add(new Distractor(Misconception.valueOf(row.value2()),
                                row.value3() == null ? null : row.value3().intValue(), row.value4(), row.value5())));
        return distractors;
    }

    /** A family's attempts: all, graded (correct or incorrect), correct, and the learners who made them. */
    public record Family(String family, int attempts, int graded, int correct, int students) {
    }
}
