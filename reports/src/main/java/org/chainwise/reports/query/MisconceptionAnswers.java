package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** Up to {@code perCode} answers per code that any attempt showed. */
    public Map<Misconception, List<AnswerExample>> examples(long courseId, int perCode) {
        Table<?> shown = shownIn(courseId, null);
        Field<Long> attemptId = shown.field("attempt_id", Long.class);
        Field<String> code = shown.field("code", String.class);
        Field<Integer> position = rowNumber().over().partitionBy(code).orderBy(attemptId.desc()).as("position");
        Table<?> ranked = select(attemptId, code, shown.field("layer", Short.class), position).from(shown).asTable("ranked");
        Map<Misconception, List<AnswerExample>> examples = new EnumMap<>(Misconception.class);
        answersOf(ranked, ranked.field(position).le(perCode))
                .orderBy(ranked.field(code), ranked.field(attemptId).desc())
                .forEach(row -> examples.computeIfAbsent(Misconception.valueOf(row.get(ranked.field(code))),
                        c -> new ArrayList<>()).add(example(row, ranked)));
        return examples;
    }

    /** One page: up to {@code limit} answers showing {@code code} with attempt ids below {@code before} (null: from the newest). */
    public List<AnswerExample> page(long courseId, Misconception code, Long before, int limit) {
        Table<?> shown = shownIn(courseId, code);
        Field<Long> attemptId = shown.field("attempt_id", Long.class);
        Condition below = before == null ? org.jooq.impl.DSL.noCondition() : attemptId.lt(before);
        return answersOf(shown, below)
                .orderBy(attemptId.desc())
                .limit(limit)
                .fetch(row -> example(row, shown));
    }

    /** (attempt_id, code, layer) for each learner attempt and code it showed, one row per pair. */
    private Table<?> shownIn(long courseId, Misconception only) {
        Condition codeCondition = only == null ? org.jooq.impl.DSL.noCondition() : ATTEMPT_MISCONCEPTION.CODE.eq(only.name());
        return select(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.as("attempt_id"), ATTEMPT_MISCONCEPTION.CODE.as("code"),
                        min(ATTEMPT_MISCONCEPTION.LAYER).as("layer"))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId), codeCondition)
                .groupBy(ATTEMPT_MISCONCEPTION.ATTEMPT_ID, ATTEMPT_MISCONCEPTION.CODE)
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
