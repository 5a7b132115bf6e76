package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;

import jakarta.inject.Singleton;
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
import org.jooq.Query;

/**
 * Graded answers ({@code attempt}) and their diagnosed misconceptions. An attempt is keyed by the
 * client's submission id within the learner's course, so the same submission sent twice (a retry,
 * a double click, two racing requests) is recorded once.
 */
@Singleton
public class Attempts {

    /** Records the attempt and returns its id; empty when this submission id was recorded already. */
    public Optional<Long> insert(DSLContext tx, NewAttempt attempt) {
        ItemGrade grade = attempt.grade();
        return tx.insertInto(ATTEMPT)
                .set(ATTEMPT.COURSE_ID, attempt.courseId())
                .set(ATTEMPT.USER_ID, attempt.userId())
                .set(ATTEMPT.ITEM_ID, attempt.itemId())
                .set(ATTEMPT.SUBMISSION_ID, attempt.submissionId())
                .set(ATTEMPT.RAW_ANSWER, attempt.rawAnswer())
                .set(ATTEMPT.INTERPRETED_TEXT, grade.interpretedAs().map(Interpretation::text).orElse(null))
                .set(ATTEMPT.INTERPRETED_LATEX, grade.interpretedAs().map(Interpretation::latex).orElse(null))
                .set(ATTEMPT.VERDICT, grade.verdict().wireName())
                .set(ATTEMPT.ERROR_MESSAGE, grade.error().map(e -> e.error().message()).orElse(null))
                .set(ATTEMPT.ERROR_POSITION, grade.error().map(e -> e.error().position()).orElse(null))
                .set(ATTEMPT.HINTS_USED, (short) attempt.hintsUsed())
                .set(ATTEMPT.STARTED_AT, attempt.startedAt())
                .set(ATTEMPT.GRADING_MS, grade.time().toNanos() / 1e6)
                .onConflict(ATTEMPT.COURSE_ID, ATTEMPT.USER_ID, ATTEMPT.SUBMISSION_ID)
                .doNothing()
                .returning(ATTEMPT.ID)
                .fetchOptional(ATTEMPT.ID);
    }

    /** The rows of the attempt's misconceptions, most likely first, as one statement (for a batch); null when there are none. */
    public Query misconceptions(DSLContext tx, long attemptId, List<Diagnosis> diagnoses) {
        if (diagnoses.isEmpty()) {
            return null;
        }
        var insert = tx.insertInto(ATTEMPT_MISCONCEPTION, ATTEMPT_MISCONCEPTION.ATTEMPT_ID, ATTEMPT_MISCONCEPTION.RANK,
                ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, ATTEMPT_MISCONCEPTION.EXPLANATION);
        int rank = 1;
        for (Diagnosis d : diagnoses) {
            insert = insert.values(attemptId, (short) rank++, d.code().name(), (short) d.layer(), d.explanation());
        }
        // A diagnoser may name one code at one layer twice (by two routes); the table keeps it once.
        return insert.onConflictDoNothing();
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
