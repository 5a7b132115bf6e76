package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Graded answers ({@code attempt}) and their diagnosed misconceptions. An attempt is keyed by the
 * client's submission id within the learner's course, so the same submission sent twice (a retry,
 * a double click, two racing requests) is recorded once.
 */
@Singleton
public class Attempts {

    // Columns of the batch key arrays.
    private static final String COURSE = "course_id";
    private static final String USER = "user_id";
    private static final String SUBMISSION = "submission_id";

    /**
     * Records the attempts of a batch, given as parallel arrays (binds: {@link #insertBinds}), and
     * returns each one's id, course and learner (a batch has at most one attempt per learner). A
     * submission id recorded already would fail the statement with a unique violation, but
     * {@link AnswerReads} looks for it first under the learner's lock, which every answer of the
     * learner takes: the constraint is the schema's guarantee, not a path a request takes.
     */
    static final Rendered INSERT = Rendered.of(DSL.insertInto(ATTEMPT, ATTEMPT.COURSE_ID, ATTEMPT.USER_ID, ATTEMPT.ITEM_ID,
                    ATTEMPT.SUBMISSION_ID, ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT, ATTEMPT.INTERPRETED_LATEX, ATTEMPT.VERDICT,
                    ATTEMPT.ERROR_MESSAGE, ATTEMPT.ERROR_POSITION, ATTEMPT.HINTS_USED, ATTEMPT.STARTED_AT, ATTEMPT.GRADING_MS)
            .select(DSL.select(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT), Rendered.unnested(USER).cast(SQLDataType.BIGINT),
                            Rendered.unnested("item_id").cast(SQLDataType.BIGINT), Rendered.unnested(SUBMISSION).cast(SQLDataType.UUID),
                            Rendered.unnested("raw_answer").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("interpreted_text").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("interpreted_latex").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("verdict").cast(SQLDataType.VARCHAR), Rendered.unnested("error_message").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("error_position").cast(SQLDataType.INTEGER),
                            Rendered.unnested("hints_used").cast(SQLDataType.SMALLINT),
                            Rendered.unnested("started_at").cast(SQLDataType.TIMESTAMPWITHTIMEZONE),
                            Rendered.unnested("grading_ms").cast(SQLDataType.DOUBLE))
                    .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0]),
                            DSL.val(new String[0]), DSL.val(new String[0]), DSL.val(new String[0]), DSL.val(new String[0]),
                            DSL.val(new String[0]), DSL.val(new Integer[0]), DSL.val(new Short[0]), DSL.val(new String[0]),
                            DSL.val(new Double[0])},
                            COURSE, USER, "item_id", SUBMISSION, "raw_answer", "interpreted_text", "interpreted_latex",
                            "verdict", "error_message", "error_position", "hints_used", "started_at", "grading_ms")))
            .returning(ATTEMPT.ID, ATTEMPT.COURSE_ID, ATTEMPT.USER_ID));

    static List<Object> insertBinds(List<NewAttempt> attempts) {
        List<Long> courses = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        List<UUID> submissions = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> latex = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Short> hints = new ArrayList<>();
        List<OffsetDateTime> started = new ArrayList<>();
        List<Double> gradingMs = new ArrayList<>();
        for (NewAttempt attempt : attempts) {
            ItemGrade grade = attempt.grade();
            courses.add(attempt.courseId());
            users.add(attempt.userId());
            items.add(attempt.itemId());
            submissions.add(attempt.submissionId());
            raw.add(attempt.rawAnswer());
            texts.add(grade.interpretedAs().map(Interpretation::text).orElse(null));
            latex.add(grade.interpretedAs().map(Interpretation::latex).orElse(null));
            verdicts.add(grade.verdict().wireName());
            errors.add(grade.error().map(e -> e.error().message()).orElse(null));
            positions.add(grade.error().map(e -> e.error().position()).orElse(null));
            hints.add((short) attempt.hintsUsed());
            started.add(attempt.startedAt());
            gradingMs.add(grade.time().toNanos() / 1e6);
        }
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users), Pipeline.SqlArray.int8(items),
                Pipeline.SqlArray.text(submissions), Pipeline.SqlArray.text(raw), Pipeline.SqlArray.text(texts),
                Pipeline.SqlArray.text(latex), Pipeline.SqlArray.text(verdicts), Pipeline.SqlArray.text(errors),
                Pipeline.SqlArray.int4(positions), Pipeline.SqlArray.int2(hints), Pipeline.SqlArray.text(started),
                Pipeline.SqlArray.float8(gradingMs));
    }

    /**
     * Records the misconceptions of the attempts just inserted, most likely first, given as parallel
     * arrays (the attempt's course, learner and submission, then rank, code, layer, explanation);
     * binds {@link #misconceptionBinds}.
     */
    static final Rendered MISCONCEPTIONS = Rendered.of(DSL.insertInto(ATTEMPT_MISCONCEPTION, ATTEMPT_MISCONCEPTION.ATTEMPT_ID,
                    ATTEMPT_MISCONCEPTION.RANK, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, ATTEMPT_MISCONCEPTION.EXPLANATION)
            .select(DSL.select(ATTEMPT.ID,
                            Rendered.unnested("rank").cast(SQLDataType.SMALLINT), Rendered.unnested("code").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("layer").cast(SQLDataType.SMALLINT), Rendered.unnested("explanation").cast(SQLDataType.VARCHAR))
                    .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0]), DSL.val(new Short[0]),
                            DSL.val(new String[0]), DSL.val(new Short[0]), DSL.val(new String[0])},
                            COURSE, USER, SUBMISSION, "rank", "code", "layer", "explanation"))
                    .join(ATTEMPT).on(ATTEMPT.COURSE_ID.eq(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT)),
                            ATTEMPT.USER_ID.eq(Rendered.unnested(USER).cast(SQLDataType.BIGINT)),
                            ATTEMPT.SUBMISSION_ID.eq(Rendered.unnested(SUBMISSION).cast(SQLDataType.UUID))))
            // A diagnoser may name one code at one layer twice (by two routes); the table keeps it once.
            .onConflictDoNothing());

    /** The binds of {@link #MISCONCEPTIONS}: every diagnosis of every graded attempt of the batch. */
    static List<Object> misconceptionBinds(List<NewAttempt> attempts) {
        List<Long> courses = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<UUID> submissions = new ArrayList<>();
        List<Short> ranks = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Short> layers = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        for (NewAttempt attempt : attempts) {
            if (attempt.grade().verdict() == Verdict.INVALID) {
                continue;
            }
            List<Diagnosis> diagnoses = attempt.grade().misconceptions();
            for (int i = 0; i < diagnoses.size(); i++) {
                Diagnosis d = diagnoses.get(i);
                courses.add(attempt.courseId());
                users.add(attempt.userId());
                submissions.add(attempt.submissionId());
                ranks.add((short) (i + 1));
                codes.add(d.code().name());
                layers.add((short) d.layer());
                explanations.add(d.explanation());
            }
        }
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users), Pipeline.SqlArray.text(submissions),
                Pipeline.SqlArray.int2(ranks), Pipeline.SqlArray.text(codes), Pipeline.SqlArray.int2(layers),
                Pipeline.SqlArray.text(explanations));
    }

    /**
     * The items the learners' attempts recorded under the batch's submission ids answered, each row
     * with its position in the batch; binds (courses, users, submission ids) as arrays.
     */
    static final Rendered ITEM_OF_SUBMISSION = Rendered.of(DSL.select(Rendered.position("k"), ATTEMPT.ITEM_ID).from(ATTEMPT)
            .join(Rendered.positioned("k", new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0])},
                    COURSE, USER, SUBMISSION))
            .on(ATTEMPT.COURSE_ID.eq(Rendered.key("k", COURSE)), ATTEMPT.USER_ID.eq(Rendered.key("k", USER)),
                    ATTEMPT.SUBMISSION_ID.eq(DSL.field(DSL.name("k", SUBMISSION)).cast(SQLDataType.UUID))));

    static List<Object> submissionBinds(List<Long> courses, List<Long> users, List<UUID> submissions) {
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users), Pipeline.SqlArray.text(submissions));
    }


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
