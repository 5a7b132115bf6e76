package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.jooq.impl.DSL.coalesce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Every learner attempt of a course, oldest first, streamed rather than held: a course can have many. */
public final class AttemptRows {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext dsl;

    public AttemptRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Hands each attempt to {@code sink}, in order of attempt id. */
    public void forCourse(long courseId, Consumer<Row> sink) {
        // Streaming needs a transaction in PostgreSQL's driver: without one it fetches everything at once.
        dsl.transaction(configuration -> {
            var name = coalesce(APP_USER.NAME, APP_USER.SUBJECT).as("student_name");
            try (var cursor = configuration.dsl()
                    .select(ATTEMPT.ID, ATTEMPT.USER_ID, name, ATTEMPT.SUBMITTED_AT, ITEM_SERVED.FAMILY,
                            ITEM_SERVED.VARIANT_KEY, ATTEMPT.VERDICT, ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT,
                            ATTEMPT.HINTS_USED, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER)
                    .from(ATTEMPT)
                    .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                    .join(APP_USER).on(APP_USER.ID.eq(ATTEMPT.USER_ID))
                    .leftJoin(ATTEMPT_MISCONCEPTION).on(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(ATTEMPT.ID))
                    .where(LearnerAttempts.inCourse(courseId))
                    .orderBy(ATTEMPT.ID, ATTEMPT_MISCONCEPTION.RANK)
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                Record header = null;
                List<Diagnosed> diagnosed = new ArrayList<>();
                for (Record record : cursor) {
                    if (header != null && !header.get(ATTEMPT.ID).equals(record.get(ATTEMPT.ID))) {
                        sink.accept(row(header, name, diagnosed));
                        diagnosed = new ArrayList<>();
                    }
                    header = record;
                    String code = record.get(ATTEMPT_MISCONCEPTION.CODE);
                    if (code != null) {
                        Short layer = record.get(ATTEMPT_MISCONCEPTION.LAYER);
                        diagnosed.add(new Diagnosed(Misconception.valueOf(code), layer == null ? null : layer.intValue()));
                    }
                }
                if (header != null) {
                    sink.accept(row(header, name, diagnosed));
                }
            }
        });
    }

    private static Row row(Record record, org.jooq.Field<String> name, List<Diagnosed> diagnosed) {
        return new Row(record.get(ATTEMPT.ID), record.get(ATTEMPT.USER_ID), record.get(name),
                record.get(ATTEMPT.SUBMITTED_AT).toInstant(), record.get(ITEM_SERVED.FAMILY),
                record.get(ITEM_SERVED.VARIANT_KEY), record.get(ATTEMPT.VERDICT), record.get(ATTEMPT.RAW_ANSWER),
                record.get(ATTEMPT.INTERPRETED_TEXT), record.get(ATTEMPT.HINTS_USED), diagnosed);
    }

    /** One attempt and its diagnoses, most likely first. */
    public record Row(long attemptId, long userId, String name, Instant submittedAt, String family, String item,
            String verdict, String rawAnswer, String interpretedText, int hintsUsed, List<Diagnosed> misconceptions) {

        public Row {
            misconceptions = List.copyOf(misconceptions);
        }
    }

    /** A code and the layer it was diagnosed at (null: none named). */
    public record Diagnosed(Misconception code, Integer layer) {
    }
}
