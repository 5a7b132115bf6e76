package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.bank.answer.ItemGrade;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.migrations.jooq.tables.records.AttemptRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Graded answers ({@code attempt}) and their diagnosed misconceptions. An attempt is keyed by the
 * client's submission id within the learner's course, so the same submission sent twice (a retry,
 * a double click, two racing requests) is recorded once.
 */
@Singleton
public class Attempts {

    /**
     * Records an attempt (binds: {@link #insertBinds}) and returns its id. A submission id recorded
     * already would fail the statement with a unique violation, but {@link AnswerReads} looks for
     * it first under the learner's lock, which every answer of the learner takes: the constraint
     * is the schema's guarantee, not a path a request takes.
     */
    static final Rendered INSERT = Rendered.of(DSL.insertInto(ATTEMPT)
            .set(ATTEMPT.COURSE_ID, 0L)
            .set(ATTEMPT.USER_ID, 0L)
            .set(ATTEMPT.ITEM_ID, 0L)
            .set(ATTEMPT.SUBMISSION_ID, new UUID(0, 0))
            .set(ATTEMPT.RAW_ANSWER, "")
            .set(ATTEMPT.INTERPRETED_TEXT, "")
            .set(ATTEMPT.INTERPRETED_LATEX, "")
            .set(ATTEMPT.VERDICT, "")
            .set(ATTEMPT.ERROR_MESSAGE, "")
            .set(ATTEMPT.ERROR_POSITION, 0)
            .set(ATTEMPT.HINTS_USED, (short) 0)
            .set(ATTEMPT.STARTED_AT, OffsetDateTime.MIN)
            .set(ATTEMPT.GRADING_MS, 0.0)
            .returning(ATTEMPT.ID));

    static List<Object> insertBinds(NewAttempt attempt) {
        ItemGrade grade = attempt.grade();
        return List.of(attempt.courseId(), attempt.userId(), attempt.itemId(), attempt.submissionId(), attempt.rawAnswer(),
                new Pipeline.Nullable(grade.interpretedAs().map(Interpretation::text).orElse(null), Types.VARCHAR),
                new Pipeline.Nullable(grade.interpretedAs().map(Interpretation::latex).orElse(null), Types.VARCHAR),
                grade.verdict().wireName(),
                new Pipeline.Nullable(grade.error().map(e -> e.error().message()).orElse(null), Types.VARCHAR),
                new Pipeline.Nullable(grade.error().map(e -> e.error().position()).orElse(null), Types.INTEGER),
                (short) attempt.hintsUsed(), new Pipeline.Nullable(attempt.startedAt(), Types.TIMESTAMP_WITH_TIMEZONE),
                grade.time().toNanos() / 1e6);
    }

    /**
     * Records the misconceptions of the attempt just inserted on this connection, most likely first,
     * given as parallel arrays (rank, code, layer, explanation); binds {@link #misconceptionBinds}.
     */
    static final Rendered MISCONCEPTIONS = Rendered.of(DSL.insertInto(ATTEMPT_MISCONCEPTION, ATTEMPT_MISCONCEPTION.ATTEMPT_ID,
                    ATTEMPT_MISCONCEPTION.RANK, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, ATTEMPT_MISCONCEPTION.EXPLANATION)
            .select(DSL.select(DSL.field("currval(pg_get_serial_sequence('attempt', 'id'))", Long.class),
                            Rendered.unnested("rank").cast(SQLDataType.SMALLINT), Rendered.unnested("code").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("layer").cast(SQLDataType.SMALLINT), Rendered.unnested("explanation").cast(SQLDataType.VARCHAR))
                    .from(DSL.table("unnest({0}, {1}, {2}, {3})", DSL.val(new Short[0]), DSL.val(new String[0]),
                            DSL.val(new Short[0]), DSL.val(new String[0])).as("u", "rank", "code", "layer", "explanation")))
            // A diagnoser may name one code at one layer twice (by two routes); the table keeps it once.
            .onConflictDoNothing());

    static List<Object> misconceptionBinds(List<Diagnosis> diagnoses) {
        int n = diagnoses.size();
        Short[] ranks = new Short[n];
        String[] codes = new String[n];
        Short[] layers = new Short[n];
        String[] explanations = new String[n];
        for (int i = 0; i < n; i++) {
            Diagnosis d = diagnoses.get(i);
            ranks[i] = (short) (i + 1);
            codes[i] = d.code().name();
            layers[i] = (short) d.layer();
            explanations[i] = d.explanation();
        }
        return List.of(new Pipeline.SqlArray("int2", ranks), new Pipeline.SqlArray("text", codes),
                new Pipeline.SqlArray("int2", layers), new Pipeline.SqlArray("text", explanations));
    }

    /** The item of the learner's attempt recorded under a submission id; binds (course, user, submission). */
    static final Rendered ITEM_OF_SUBMISSION = Rendered.of(DSL.select(ATTEMPT.ITEM_ID).from(ATTEMPT)
            .where(ATTEMPT.COURSE_ID.eq(0L), ATTEMPT.USER_ID.eq(0L), ATTEMPT.SUBMISSION_ID.eq(new UUID(0, 0))));

    /** The learner's attempt recorded under {@code submissionId}. */
    public Optional<StoredAttempt> bySubmission(DSLContext tx, long courseId, long userId, UUID submissionId) {
        AttemptRecord row = tx.selectFrom(ATTEMPT)
                .where(ATTEMPT.COURSE_ID.eq(courseId), ATTEMPT.USER_ID.eq(userId), ATTEMPT.SUBMISSION_ID.eq(submissionId))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<Diagnosis> diagnoses = tx.selectFrom(ATTEMPT_MISCONCEPTION)
                .where(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(row.getId()))
                .orderBy(ATTEMPT_MISCONCEPTION.RANK)
                .fetch(m -> new Diagnosis(Misconception.valueOf(m.getCode()), m.getLayer() == null ? 1 : m.getLayer(),
                        m.getExplanation()));
        Interpretation shown = row.getInterpretedText() == null ? null
                : new Interpretation(row.getInterpretedText(), row.getInterpretedLatex());
        return Optional.of(new StoredAttempt(row.getId(), row.getItemId(), Verdict.valueOf(row.getVerdict().toUpperCase(java.util.Locale.ROOT)),
                shown, diagnoses, row.getErrorMessage(), row.getErrorPosition() == null ? 0 : row.getErrorPosition()));
    }
}
