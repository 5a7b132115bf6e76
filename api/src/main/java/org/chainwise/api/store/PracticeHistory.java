package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Writes a learner's past practice as it would have been recorded live (served items, graded attempts,
 * the student model's rows): what the demo course seeds and what tests build fixtures with.
 */
@Singleton
public class PracticeHistory {

    /** An item served at {@code servedAt}; answered (and solved, when {@code solved}) at {@code answeredAt}. */
    public record Served(long courseId, long userId, long practiceSetId, String family, String parametersJson, long seed,
            String variantKey, Instant servedAt, Instant answeredAt, boolean solved) {
    }

    /** A graded answer (verdict correct or incorrect) and its diagnosed misconceptions, most likely first. */
    public record Graded(UUID submissionId, String rawAnswer, String interpretedText, String interpretedLatex,
            String verdict, List<Diagnosed> misconceptions, Instant startedAt, Instant submittedAt, double gradingMs) {
    }

    public record Diagnosed(String code, int layer, String explanation) {
    }

    public long served(DSLContext tx, Served item) {
        return tx.insertInto(ITEM_SERVED)
                .set(ITEM_SERVED.COURSE_ID, item.courseId())
                .set(ITEM_SERVED.USER_ID, item.userId())
                .set(ITEM_SERVED.PRACTICE_SET_ID, item.practiceSetId())
                .set(ITEM_SERVED.FAMILY, item.family())
                .set(ITEM_SERVED.PARAMETERS, JSONB.valueOf(item.parametersJson()))
                .set(ITEM_SERVED.SEED, item.seed())
                .set(ITEM_SERVED.VARIANT_KEY, item.variantKey())
                .set(ITEM_SERVED.SERVED_AT, at(item.servedAt()))
                .set(ITEM_SERVED.ANSWERED_AT, at(item.answeredAt()))
                .set(ITEM_SERVED.SOLVED_AT, item.solved() ? at(item.answeredAt()) : null)
                .returning(ITEM_SERVED.ID)
                .fetchOne(ITEM_SERVED.ID);
    }

    public long attempt(DSLContext tx, long courseId, long userId, long itemId, Graded graded) {
        long attemptId = tx.insertInto(ATTEMPT)
                .set(ATTEMPT.COURSE_ID, courseId)
                .set(ATTEMPT.USER_ID, userId)
                .set(ATTEMPT.ITEM_ID, itemId)
                .set(ATTEMPT.SUBMISSION_ID, graded.submissionId())
                .set(ATTEMPT.RAW_ANSWER, graded.rawAnswer())
                .set(ATTEMPT.INTERPRETED_TEXT, graded.interpretedText())
                .set(ATTEMPT.INTERPRETED_LATEX, graded.interpretedLatex())
                .set(ATTEMPT.VERDICT, graded.verdict())
                .set(ATTEMPT.STARTED_AT, at(graded.startedAt()))
                .set(ATTEMPT.SUBMITTED_AT, at(graded.submittedAt()))
                .set(ATTEMPT.GRADING_MS, graded.gradingMs())
                .returning(ATTEMPT.ID)
                .fetchOne(ATTEMPT.ID);
        int rank = 1;
        for (Diagnosed d : graded.misconceptions()) {
            tx.insertInto(ATTEMPT_MISCONCEPTION)
                    .set(ATTEMPT_MISCONCEPTION.ATTEMPT_ID, attemptId)
                    .set(ATTEMPT_MISCONCEPTION.RANK, (short) rank++)
                    .set(ATTEMPT_MISCONCEPTION.CODE, d.code())
                    .set(ATTEMPT_MISCONCEPTION.LAYER, (short) d.layer())
                    .set(ATTEMPT_MISCONCEPTION.EXPLANATION, d.explanation())
                    .execute();
        }
        return attemptId;
    }

    /** The knowledge-tracing state of one skill, as {@code engine.mastery.SkillState} holds it. */
    public void skill(DSLContext tx, long courseId, long userId, String skill, double pMastery, int opportunities,
            int lastPractised, int streak, int reviewsPassed, Instant at) {
        tx.insertInto(SKILL_MASTERY)
                .set(SKILL_MASTERY.COURSE_ID, courseId)
                .set(SKILL_MASTERY.USER_ID, userId)
                .set(SKILL_MASTERY.SKILL, skill)
                .set(SKILL_MASTERY.P_MASTERY, pMastery)
                .set(SKILL_MASTERY.EVIDENCE_COUNT, opportunities)
                .set(SKILL_MASTERY.LAST_PRACTISED, lastPractised)
                .set(SKILL_MASTERY.STREAK, streak)
                .set(SKILL_MASTERY.REVIEWS_PASSED, reviewsPassed)
                .set(SKILL_MASTERY.UPDATED_AT, at(at))
                .execute();
    }

    public void belief(DSLContext tx, long courseId, long userId, String code, double belief, int evidence,
            Instant lastSeenAt, Instant at) {
        tx.insertInto(MISCONCEPTION_BELIEF)
                .set(MISCONCEPTION_BELIEF.COURSE_ID, courseId)
                .set(MISCONCEPTION_BELIEF.USER_ID, userId)
                .set(MISCONCEPTION_BELIEF.CODE, code)
                .set(MISCONCEPTION_BELIEF.BELIEF, belief)
                .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, evidence)
                .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, at(lastSeenAt))
                .set(MISCONCEPTION_BELIEF.UPDATED_AT, at(at))
                .execute();
    }

    /** How many answers the learner's model has taken in. */
    public void learnerModel(DSLContext tx, long courseId, long userId, int attempts, Instant at) {
        tx.insertInto(LEARNER_MODEL)
                .set(LEARNER_MODEL.COURSE_ID, courseId)
                .set(LEARNER_MODEL.USER_ID, userId)
                .set(LEARNER_MODEL.ATTEMPTS, attempts)
                .set(LEARNER_MODEL.UPDATED_AT, at(at))
                .execute();
    }

    public void enrollment(DSLContext tx, long courseId, long userId, long practiceSetId, Instant startedAt,
            int itemsAttempted, int itemsCorrect) {
        tx.insertInto(PRACTICE_ENROLLMENT)
                .set(PRACTICE_ENROLLMENT.COURSE_ID, courseId)
                .set(PRACTICE_ENROLLMENT.USER_ID, userId)
                .set(PRACTICE_ENROLLMENT.PRACTICE_SET_ID, practiceSetId)
                .set(PRACTICE_ENROLLMENT.STARTED_AT, at(startedAt))
                .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, itemsAttempted)
                .set(PRACTICE_ENROLLMENT.ITEMS_CORRECT, itemsCorrect)
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
