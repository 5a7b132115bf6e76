package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.AnswerExample;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The raw answers behind a misconception in a course, newest (highest attempt id) first: a few per
 * code for the report, or page by page for the drill-down. An attempt diagnosed with the code at
 * several layers appears once, with the outermost of them.
 */
public final class MisconceptionAnswers {

    private final DSLContext dsl;

    public MisconceptionAnswers(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code perCode} answers per code that any of {@code diagnoses} (the course's) showed. */
    public Map<Misconception, List<AnswerExample>> examples(long courseId, List<CourseDiagnoses.Diagnosis> diagnoses,
            int perCode) {
        // The newest attempts per code, with the outermost layer each showed it at.
        Map<Misconception, TreeMap<Long, Integer>> newest = new EnumMap<>(Misconception.class);
        for (CourseDiagnoses.Diagnosis diagnosis : diagnoses) {
            var attempts = newest.computeIfAbsent(diagnosis.code(), c -> new TreeMap<>(Comparator.reverseOrder()));
            attempts.merge(diagnosis.attemptId(), diagnosis.layer() == null ? Integer.MAX_VALUE : diagnosis.layer(), Math::min);
            if (attempts.size() > perCode) {
                attempts.pollLastEntry();
            }
        }
        Set<Long> ids = new HashSet<>();
        newest.values().forEach(attempts -> ids.addAll(attempts.keySet()));
        Map<Long, AnswerExample> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(ATTEMPT.ID, ATTEMPT.USER_ID, coalesce(APP_USER.NAME, APP_USER.SUBJECT), ITEM_SERVED.FAMILY,
                            ITEM_SERVED.VARIANT_KEY, ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT, ATTEMPT.SUBMITTED_AT)
                    .from(ATTEMPT)
                    .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                    .join(APP_USER).on(APP_USER.ID.eq(ATTEMPT.USER_ID))
                    .where(ATTEMPT.COURSE_ID.eq(courseId), ATTEMPT.ID.in(ids))
                    .forEach(row -> byId.put(row.value1(), new AnswerExample(row.value1(), row.value2(), row.value3(),
                            row.value4(), row.value5(), null, row.value6(), row.value7(), row.value8().toInstant())));
        }
        Map<Misconception, List<AnswerExample>> examples = new EnumMap<>(Misconception.class);
        newest.forEach((code, attempts) -> attempts.forEach((id, layer) -> {
            AnswerExample answer = byId.get(id);
            examples.computeIfAbsent(code, c -> new ArrayList<>()).add(new AnswerExample(answer.attemptId(), answer.userId(),
                    answer.studentName(), answer.family(), answer.item(), layer == Integer.MAX_VALUE ? null : layer,
                    answer.rawAnswer(), answer.interpretedText(), answer.submittedAt()));
        }));
        return examples;
    }

    /** One page: up to {@code limit} answers showing {@code code} with attempt ids below {@code before} (null: from the newest). */
    public List<AnswerExample> page(long courseId, Misconception code, Long before, int limit) {
        Table<?> shown = shownIn(courseId, code);
        Field<Long> attemptId = shown.field("attempt_id", Long.class);
        Condition below = before == null ? noCondition() : attemptId.lt(before);
        return answersOf(shown, below)
                .orderBy(attemptId.desc())
                .limit(limit)
                .fetch(row -> example(row, shown));
    }

    /** (attempt_id, code, layer) for each learner attempt and code it showed, one row per pair. */
    private Table<?> shownIn(long courseId, Misconception only) {
        Condition codeCondition = only == null ? noCondition() : ATTEMPT_MISCONCEPTION.CODE.eq(only.name());
        return select(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.as("attempt_id"), LearnerAttempts.key(ATTEMPT_MISCONCEPTION.CODE).as("code"),
                        min(ATTEMPT_MISCONCEPTION.LAYER).as("layer"))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId), codeCondition)
                .groupBy(ATTEMPT_MISCONCEPTION.ATTEMPT_ID, LearnerAttempts.key(ATTEMPT_MISCONCEPTION.CODE))
                .asTable("shown");
    }

    private org.jooq.SelectConditionStep<Record> answersOf(Table<?> shown, Condition condition) {
        return dsl.select(shown.fields())
                .select(ATTEMPT.USER_ID, coalesce(APP_USER.NAME, APP_USER.SUBJECT).as(name("student_name")),
                        ITEM_SERVED.FAMILY, ITEM_SERVED.VARIANT_KEY, ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT,
                        ATTEMPT.SUBMITTED_AT)
                .from(shown)
                .join(ATTEMPT).on(ATTEMPT.ID.eq(shown.field("attempt_id", Long.class)))
                .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                .join(APP_USER).on(APP_USER.ID.eq(ATTEMPT.USER_ID))
                .where(condition);
    }

    private static AnswerExample example(Record row, Table<?> shown) {
        Short layer = row.get(shown.field("layer", Short.class));
        return new AnswerExample(
                row.get(shown.field("attempt_id", Long.class)),
                row.get(ATTEMPT.USER_ID),
                row.get("student_name", String.class),
                row.get(ITEM_SERVED.FAMILY),
                row.get(ITEM_SERVED.VARIANT_KEY),
                layer == null ? null : layer.intValue(),
                row.get(ATTEMPT.RAW_ANSWER),
                row.get(ATTEMPT.INTERPRETED_TEXT),
                row.get(ATTEMPT.SUBMITTED_AT).toInstant());
    }
}
