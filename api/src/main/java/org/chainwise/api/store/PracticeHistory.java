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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.bank.item.Item;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;

/**
 * Writes a learner's past practice, each kind of row in one statement (the statements that need no ids
 * back are returned for a batch), as it would have been recorded live (served items, graded attempts,
 * the student model's rows): what the demo course seeds and what tests build fixtures with.
 */
@Singleton
public class PracticeHistory {

    /** An item served at {@code servedAt}; answered (and solved, when {@code solved}) at {@code answeredAt}. */
    public record Served(long courseId, long userId, long practiceSetId, Item item, Instant servedAt, Instant answeredAt,
            boolean solved) {
    }

    /** A graded answer (verdict correct or incorrect) and its diagnosed misconceptions, most likely first. */
    public record Graded(UUID submissionId, String rawAnswer, String interpretedText, String interpretedLatex,
            String verdict, List<Diagnosed> misconceptions, Instant startedAt, Instant submittedAt, double gradingMs) {
    }

    public record Diagnosed(String code, int layer, String explanation) {
    }

    /** Records the items, in one statement; returns their ids in the order given (the serving times must differ). */
    public List<Long> served(DSLContext tx, List<Served> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        var insert = tx.insertInto(ITEM_SERVED, ITEM_SERVED.COURSE_ID, ITEM_SERVED.USER_ID, ITEM_SERVED.PRACTICE_SET_ID,
                ITEM_SERVED.FAMILY, ITEM_SERVED.PARAMETERS, ITEM_SERVED.SEED, ITEM_SERVED.VARIANT_KEY, ITEM_SERVED.SERVED_AT,
                ITEM_SERVED.ANSWERED_AT, ITEM_SERVED.SOLVED_AT);
        for (Served s : items) {
            insert = insert.values(s.courseId(), s.userId(), s.practiceSetId(), s.item().family(),
                    JSONB.valueOf(ServedItems.json(s.item().parameters())), s.item().seed(), s.item().variantKey(),
                    at(s.servedAt()), at(s.answeredAt()), s.solved() ? at(s.answeredAt()) : null);
        }
        // Matched back by serving time rather than trusting the order of RETURNING.
        Map<OffsetDateTime, Long> ids = new HashMap<>();
        insert.returning(ITEM_SERVED.ID, ITEM_SERVED.SERVED_AT).fetch()
                .forEach(r -> ids.put(r.getServedAt().withOffsetSameInstant(ZoneOffset.UTC), r.getId()));
        return items.stream().map(s -> ids.get(at(s.servedAt()))).toList();
    }

    /** Records one graded attempt per item of {@code itemIds}, in one statement; returns their ids in that order. */
    public List<Long> attempts(DSLContext tx, long courseId, long userId, List<Long> itemIds, List<Graded> graded) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        var insert = tx.insertInto(ATTEMPT, ATTEMPT.COURSE_ID, ATTEMPT.USER_ID, ATTEMPT.ITEM_ID, ATTEMPT.SUBMISSION_ID,
                ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT, ATTEMPT.INTERPRETED_LATEX, ATTEMPT.VERDICT, ATTEMPT.STARTED_AT,
                ATTEMPT.SUBMITTED_AT, ATTEMPT.GRADING_MS);
        for (int i = 0; i < itemIds.size(); i++) {
            Graded g = graded.get(i);
            insert = insert.values(courseId, userId, itemIds.get(i), g.submissionId(), g.rawAnswer(), g.interpretedText(),
                    g.interpretedLatex(), g.verdict(), at(g.startedAt()), at(g.submittedAt()), g.gradingMs());
        }
        Map<Long, Long> byItem = new HashMap<>();
        insert.returning(ATTEMPT.ID, ATTEMPT.ITEM_ID).fetch().forEach(r -> byItem.put(r.getItemId(), r.getId()));
        return itemIds.stream().map(byItem::get).toList();
    }

    /** The rows of an attempt's diagnosed misconceptions, most likely first, as one statement for a batch; empty when none. */
    public Optional<Query> misconceptions(DSLContext tx, long attemptId, List<Diagnosed> diagnosed) {
        if (diagnosed.isEmpty()) {
            return Optional.empty();
        }
        var insert = tx.insertInto(ATTEMPT_MISCONCEPTION, ATTEMPT_MISCONCEPTION.ATTEMPT_ID, ATTEMPT_MISCONCEPTION.RANK,
                ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, ATTEMPT_MISCONCEPTION.EXPLANATION);
        int rank = 1;
        for (Diagnosed d : diagnosed) {
            insert = insert.values(attemptId, (short) rank++, d.code(), (short) d.layer(), d.explanation());
        }
        // A diagnoser may name one code at one layer twice (by two routes); the table keeps it once.
        return Optional.of(insert.onConflictDoNothing());
    }

    /** The knowledge-tracing state of one skill, as {@code engine.mastery.SkillState} holds it. */
    public Query skill(DSLContext tx, long courseId, long userId, String skill, double pMastery, int opportunities,
            int lastPractised, int streak, int reviewsPassed, Instant at) {
        return tx.insertInto(SKILL_MASTERY)
                .set(SKILL_MASTERY.COURSE_ID, courseId)
                .set(SKILL_MASTERY.USER_ID, userId)
                .set(SKILL_MASTERY.SKILL, skill)
                .set(SKILL_MASTERY.P_MASTERY, pMastery)
                .set(SKILL_MASTERY.EVIDENCE_COUNT, opportunities)
                .set(SKILL_MASTERY.LAST_PRACTISED, lastPractised)
                .set(SKILL_MASTERY.STREAK, streak)
                .set(SKILL_MASTERY.REVIEWS_PASSED, reviewsPassed)
                .set(SKILL_MASTERY.UPDATED_AT, at(at));
    }

    public Query belief(DSLContext tx, long courseId, long userId, String code, double belief, int evidence,
            Instant lastSeenAt, Instant at) {
        return tx.insertInto(MISCONCEPTION_BELIEF)
                .set(MISCONCEPTION_BELIEF.COURSE_ID, courseId)
                .set(MISCONCEPTION_BELIEF.USER_ID, userId)
                .set(MISCONCEPTION_BELIEF.CODE, code)
                .set(MISCONCEPTION_BELIEF.BELIEF, belief)
                .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, evidence)
                .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, at(lastSeenAt))
                .set(MISCONCEPTION_BELIEF.UPDATED_AT, at(at));
    }

    /** How many answers the learner's model has taken in. */
    public Query learnerModel(DSLContext tx, long courseId, long userId, int attempts, Instant at) {
        return tx.insertInto(LEARNER_MODEL)
                .set(LEARNER_MODEL.COURSE_ID, courseId)
                .set(LEARNER_MODEL.USER_ID, userId)
                .set(LEARNER_MODEL.ATTEMPTS, attempts)
                .set(LEARNER_MODEL.UPDATED_AT, at(at));
    }

    public Query enrollment(DSLContext tx, long courseId, long userId, long practiceSetId, Instant startedAt,
            int itemsAttempted, int itemsCorrect) {
        return tx.insertInto(PRACTICE_ENROLLMENT)
                .set(PRACTICE_ENROLLMENT.COURSE_ID, courseId)
                .set(PRACTICE_ENROLLMENT.USER_ID, userId)
                .set(PRACTICE_ENROLLMENT.PRACTICE_SET_ID, practiceSetId)
                .set(PRACTICE_ENROLLMENT.STARTED_AT, at(startedAt))
                .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, itemsAttempted)
                .set(PRACTICE_ENROLLMENT.ITEMS_CORRECT, itemsCorrect);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
