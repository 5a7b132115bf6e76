package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.FamilyReport.Distractor;
import org.chainwise.reports.query.CourseDiagnoses.Diagnosis;
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
        // Attempts are counted per item first (one pass over the course's attempts), then joined to
        // their items in bulk: joining each attempt to its item probes an index once per attempt.
        Field<Integer> attempts = count().as("attempts");
        Field<Integer> graded = count().filterWhere(LearnerAttempts.graded()).as("graded");
        Field<Integer> correct = count().filterWhere(LearnerAttempts.correct()).as("correct");
        Table<?> perItem = select(ATTEMPT.ITEM_ID, ATTEMPT.USER_ID, attempts, graded, correct)
                .from(ATTEMPT)
                .where(LearnerAttempts.inCourse(courseId))
                .groupBy(ATTEMPT.ITEM_ID, ATTEMPT.USER_ID)
                .asTable("per_item");
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, Set<Long>> students = new HashMap<>();
        dsl.select(ITEM_SERVED.FAMILY, perItem.field(ATTEMPT.USER_ID), sum(perItem.field(attempts)),
                        sum(perItem.field(graded)), sum(perItem.field(correct)))
                .from(perItem)
                .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(perItem.field(ATTEMPT.ITEM_ID)), ITEM_SERVED.COURSE_ID.eq(courseId))
                .groupBy(ITEM_SERVED.FAMILY, perItem.field(ATTEMPT.USER_ID))
                .forEach(row -> {
                    int[] sums = totals.computeIfAbsent(row.value1(), family -> new int[3]);
                    sums[0] += row.value3().intValue();
                    sums[1] += row.value4().intValue();
                    sums[2] += row.value5().intValue();
                    students.computeIfAbsent(row.value1(), family -> new HashSet<>()).add(row.value2());
                });
        List<Family> families = new ArrayList<>();
        totals.forEach((family, sums) -> families.add(new Family(family, sums[0], sums[1], sums[2], students.get(family).size())));
        return families;
    }

    /**
     * Per family, the distractors produced: the first diagnosis of each diagnosed attempt (only
     * incorrect attempts are diagnosed), most attempts first.
     */
    public static Map<String, List<Distractor>> distractors(List<Diagnosis> diagnoses) {
        record Key(String family, Misconception code, Integer layer) {
        }
        Map<Key, MisconceptionAttempts.Distinct> grouped = new HashMap<>();
        for (Diagnosis diagnosis : diagnoses) {
            if (diagnosis.rank() == 1) {
                grouped.computeIfAbsent(new Key(diagnosis.family(), diagnosis.code(), diagnosis.layer()),
                        key -> new MisconceptionAttempts.Distinct()).add(diagnosis);
            }
        }
        Map<String, List<Distractor>> distractors = new HashMap<>();
        grouped.forEach((key, seen) -> distractors.computeIfAbsent(key.family(), f -> new ArrayList<>())
                .add(new Distractor(key.code(), key.layer(), seen.count().attempts(), seen.count().students())));
        distractors.values().forEach(list -> list.sort(Comparator.comparingInt(Distractor::attempts).reversed()
                .thenComparing(Distractor::code)
                .thenComparing(Distractor::layer, Comparator.nullsLast(Comparator.naturalOrder()))));
        return distractors;
    }

    /** A family's attempts: all, graded (correct or incorrect), correct, and the learners who made them. */
    public record Family(String family, int attempts, int graded, int correct, int students) {
    }
}
