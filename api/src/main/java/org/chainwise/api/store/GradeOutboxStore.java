package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.GRADE_OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.api.lti.advantage.ActivityProgress;
import org.chainwise.api.lti.advantage.GradingProgress;
import org.chainwise.api.lti.advantage.Score;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The grade passback outbox ({@code grade_outbox}): at most one pending score per learner and
 * practice set (a newer score replaces it and bumps its revision), claimed by a sender under a
 * lease, then marked sent, rescheduled or failed by the sender holding the lease.
 */
@Singleton
public class GradeOutboxStore {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /**
     * A score to send, as the submit transaction writes it; without a line item when the link's is
     * still to be found or made (the sender does it).
     */
    public record Queued(long courseId, long userId, long practiceSetId, Optional<String> lineItemUrl,
                         double scoreGiven, double scoreMaximum, ActivityProgress activityProgress,
                         GradingProgress gradingProgress, Instant timestamp) {
    }

    /**
     * A pending score a sender claimed: what to send, where (empty: the practice set's line item,
     * still to be found or made), and the revision it claimed.
     */
    public record Claimed(long id, int revision, long courseId, long practiceSetId, Optional<URI> lineItem,
                          Score score, int attempts,
                          Instant queuedAt, long platformId) {
    }

    /** How many of a course's scores are pending, sent and failed. */
    public record Counts(int pending, int sent, int failed) {
    }

    /** A score the platform would not take, for the teacher to see. */
    public record Failure(long userId, String userName, long practiceSetId, double scoreGiven, double scoreMaximum,
                          int attempts, String lastError, Instant queuedAt, Instant failedAt) {
    }

    /**
     * Queues the score, replacing the learner's pending score in the practice set unless that one is
     * newer (submissions may commit out of order).
     */
    public void queue(DSLContext tx, Queued score) {
        OffsetDateTime timestamp = score.timestamp().atOffset(ZoneOffset.UTC);
        tx.insertInto(GRADE_OUTBOX)
                .set(GRADE_OUTBOX.COURSE_ID, score.courseId())
                .set(GRADE_OUTBOX.USER_ID, score.userId())
                .set(GRADE_OUTBOX.PRACTICE_SET_ID, score.practiceSetId())
                .set(GRADE_OUTBOX.LINE_ITEM_URL, score.lineItemUrl().orElse(null))
                .set(GRADE_OUTBOX.SCORE_GIVEN, score.scoreGiven())
                .set(GRADE_OUTBOX.SCORE_MAXIMUM, score.scoreMaximum())
                .set(GRADE_OUTBOX.ACTIVITY_PROGRESS, score.activityProgress().wireName())
                .set(GRADE_OUTBOX.GRADING_PROGRESS, score.gradingProgress().wireName())
                .set(GRADE_OUTBOX.SCORE_TIMESTAMP, timestamp)
                .set(GRADE_OUTBOX.NEXT_RETRY_AT, timestamp)
                .onConflict(GRADE_OUTBOX.COURSE_ID, GRADE_OUTBOX.USER_ID, GRADE_OUTBOX.PRACTICE_SET_ID)
                // Inlined, so that PostgreSQL can match the predicate to the partial unique index.
                .where(GRADE_OUTBOX.STATUS.eq(inline(PENDING)))
                .doUpdate()
                .set(GRADE_OUTBOX.LINE_ITEM_URL, excluded(GRADE_OUTBOX.LINE_ITEM_URL))
                .set(GRADE_OUTBOX.SCORE_GIVEN, excluded(GRADE_OUTBOX.SCORE_GIVEN))
                .set(GRADE_OUTBOX.SCORE_MAXIMUM, excluded(GRADE_OUTBOX.SCORE_MAXIMUM))
                .set(GRADE_OUTBOX.ACTIVITY_PROGRESS, excluded(GRADE_OUTBOX.ACTIVITY_PROGRESS))
                .set(GRADE_OUTBOX.GRADING_PROGRESS, excluded(GRADE_OUTBOX.GRADING_PROGRESS))
                .set(GRADE_OUTBOX.SCORE_TIMESTAMP, excluded(GRADE_OUTBOX.SCORE_TIMESTAMP))
                .set(GRADE_OUTBOX.REVISION, GRADE_OUTBOX.REVISION.plus(1))
                .set(GRADE_OUTBOX.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                // next_retry_at stays: a score held back by an outage keeps its place in the backoff.
                .where(GRADE_OUTBOX.SCORE_TIMESTAMP.le(excluded(GRADE_OUTBOX.SCORE_TIMESTAMP)))
                .execute();
    }

    /**
     * Claims up to {@code limit} due pending scores for {@code node} until {@code leaseUntil},
     * skipping rows another node is claiming at the same moment; oldest due first.
     */
    public List<Claimed> claimDue(DSLContext tx, String node, Instant now, Instant leaseUntil, int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Record> rows = List.copyOf(tx.update(GRADE_OUTBOX)
                .set(GRADE_OUTBOX.CLAIMED_BY, node)
                .set(GRADE_OUTBOX.LEASE_UNTIL, leaseUntil.atOffset(ZoneOffset.UTC))
                .where(GRADE_OUTBOX.ID.in(tx.select(GRADE_OUTBOX.ID).from(GRADE_OUTBOX)
                        .where(GRADE_OUTBOX.STATUS.eq(PENDING), GRADE_OUTBOX.NEXT_RETRY_AT.le(at),
                                GRADE_OUTBOX.LEASE_UNTIL.isNull().or(GRADE_OUTBOX.LEASE_UNTIL.lt(at)))
                        .orderBy(GRADE_OUTBOX.NEXT_RETRY_AT)
                        .limit(limit)
                        .forUpdate().skipLocked()))
                .returning()
                .fetch());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Record> users = new LinkedHashMap<>();
        tx.select(APP_USER.ID, APP_USER.SUBJECT, APP_USER.PLATFORM_ID)
                .from(APP_USER)
                .where(APP_USER.ID.in(rows.stream().map(row -> row.get(GRADE_OUTBOX.USER_ID)).toList()))
                .forEach(user -> users.put(user.get(APP_USER.ID), user));
        return rows.stream().map(row -> {
            Record user = users.get(row.get(GRADE_OUTBOX.USER_ID));
            Score score = new Score(user.get(APP_USER.SUBJECT), row.get(GRADE_OUTBOX.SCORE_GIVEN),
                    row.get(GRADE_OUTBOX.SCORE_MAXIMUM),
                    ActivityProgress.fromWireName(row.get(GRADE_OUTBOX.ACTIVITY_PROGRESS)),
                    GradingProgress.fromWireName(row.get(GRADE_OUTBOX.GRADING_PROGRESS)),
                    row.get(GRADE_OUTBOX.SCORE_TIMESTAMP).toInstant());
            return new Claimed(row.get(GRADE_OUTBOX.ID), row.get(GRADE_OUTBOX.REVISION), row.get(GRADE_OUTBOX.COURSE_ID),
                    row.get(GRADE_OUTBOX.PRACTICE_SET_ID), Optional.ofNullable(row.get(GRADE_OUTBOX.LINE_ITEM_URL)).map(URI::create),
                    score, row.get(GRADE_OUTBOX.ATTEMPTS),
                    row.get(GRADE_OUTBOX.CREATED_AT).toInstant(), user.get(APP_USER.PLATFORM_ID));
        }).toList();
    }

    /**
     * Marks the claimed revision sent. False when a newer score replaced it meanwhile (or the lease
     * was lost): the row stays pending, its lease released, and goes out on the next round.
     */
    public boolean markSent(DSLContext tx, Claimed claimed, String node, Instant now) {
        return finish(tx, claimed, node, SENT, null, now);
    }

    /** Records a failed attempt and when to try again. */
    public void reschedule(DSLContext tx, Claimed claimed, String node, Instant nextRetry, String error) {
        tx.update(GRADE_OUTBOX)
                .set(GRADE_OUTBOX.ATTEMPTS, GRADE_OUTBOX.ATTEMPTS.plus(1))
                .set(GRADE_OUTBOX.NEXT_RETRY_AT, nextRetry.atOffset(ZoneOffset.UTC))
                .set(GRADE_OUTBOX.LAST_ERROR, error)
                .setNull(GRADE_OUTBOX.CLAIMED_BY)
                .setNull(GRADE_OUTBOX.LEASE_UNTIL)
                .where(GRADE_OUTBOX.ID.eq(claimed.id()), GRADE_OUTBOX.CLAIMED_BY.eq(node))
                .execute();
    }

    /**
     * Gives the claimed score up: the platform will never take it, or it has failed for longer than
     * the outbox waits. A newer score that replaced it meanwhile stays pending and is tried afresh.
     */
    public void markFailed(DSLContext tx, Claimed claimed, String node, String error, Instant now) {
        finish(tx, claimed, node, FAILED, error, now);
    }

    /** Moves the claimed revision to {@code status}; releases the lease instead when the row moved on. */
    private boolean finish(DSLContext tx, Claimed claimed, String node, String status, String error, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = tx.update(GRADE_OUTBOX)
                .set(GRADE_OUTBOX.STATUS, status)
                .set(GRADE_OUTBOX.SENT_AT, status.equals(SENT) ? at : null)
                .set(GRADE_OUTBOX.ATTEMPTS, GRADE_OUTBOX.ATTEMPTS.plus(1))
                .set(GRADE_OUTBOX.LAST_ERROR, error)
                .setNull(GRADE_OUTBOX.CLAIMED_BY)
                .setNull(GRADE_OUTBOX.LEASE_UNTIL)
                .set(GRADE_OUTBOX.UPDATED_AT, at)
                .where(GRADE_OUTBOX.ID.eq(claimed.id()), GRADE_OUTBOX.REVISION.eq(claimed.revision()),
                        GRADE_OUTBOX.CLAIMED_BY.eq(node))
                .execute();
        if (updated == 0) {
            release(tx, claimed, node);
        }
        return updated == 1;
    }

    private void release(DSLContext tx, Claimed claimed, String node) {
        release(tx, List.of(claimed), node);
    }

    /** Gives the claims back unsent, as they stand (attempts unchanged): they are due for the next round. */
    public void release(DSLContext tx, List<Claimed> claimed, String node) {
        tx.update(GRADE_OUTBOX)
                .setNull(GRADE_OUTBOX.CLAIMED_BY)
                .setNull(GRADE_OUTBOX.LEASE_UNTIL)
                .where(GRADE_OUTBOX.ID.in(claimed.stream().map(Claimed::id).toList()), GRADE_OUTBOX.CLAIMED_BY.eq(node))
                .execute();
    }

    /**
     * Puts the course's failed scores back in the queue (a teacher fixed the grade book column):
     * for each learner and practice set only the newest score, and only when nothing newer is
     * pending or was sent. Returns how many were requeued.
     */
    public int requeueFailed(DSLContext tx, long courseId, Instant now) {
        var other = GRADE_OUTBOX.as("other");
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return tx.update(GRADE_OUTBOX)
                .set(GRADE_OUTBOX.STATUS, PENDING)
                .set(GRADE_OUTBOX.ATTEMPTS, 0)
                .set(GRADE_OUTBOX.NEXT_RETRY_AT, at)
                // The give-up horizon counts from the requeue.
                .set(GRADE_OUTBOX.CREATED_AT, at)
                .setNull(GRADE_OUTBOX.LAST_ERROR)
                .set(GRADE_OUTBOX.UPDATED_AT, at)
                .where(GRADE_OUTBOX.COURSE_ID.eq(courseId), GRADE_OUTBOX.STATUS.eq(FAILED),
                        notExists(selectOne().from(other).where(
                                other.COURSE_ID.eq(GRADE_OUTBOX.COURSE_ID),
                                other.USER_ID.eq(GRADE_OUTBOX.USER_ID),
                                other.PRACTICE_SET_ID.eq(GRADE_OUTBOX.PRACTICE_SET_ID),
                                other.ID.ne(GRADE_OUTBOX.ID),
                                other.STATUS.eq(PENDING).or(other.SCORE_TIMESTAMP.gt(GRADE_OUTBOX.SCORE_TIMESTAMP)))))
                .execute();
    }

    /** Deletes scores sent before {@code cutoff} (the platform has them); returns how many. */
    public int deleteSentBefore(DSLContext tx, Instant cutoff) {
        return tx.deleteFrom(GRADE_OUTBOX)
                .where(GRADE_OUTBOX.STATUS.eq(SENT), GRADE_OUTBOX.SENT_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    public Counts counts(DSLContext tx, long courseId) {
        Map<String, Integer> byStatus = tx.select(GRADE_OUTBOX.STATUS, count()).from(GRADE_OUTBOX)
                .where(GRADE_OUTBOX.COURSE_ID.eq(courseId))
                .groupBy(GRADE_OUTBOX.STATUS)
                .fetchMap(GRADE_OUTBOX.STATUS, count());
        return new Counts(byStatus.getOrDefault(PENDING, 0), byStatus.getOrDefault(SENT, 0),
                byStatus.getOrDefault(FAILED, 0));
    }

    /** The course's failed scores, newest first, at most {@code limit}. */
    public List<Failure> failures(DSLContext tx, long courseId, int limit) {
        return tx.select(GRADE_OUTBOX.USER_ID, APP_USER.NAME, GRADE_OUTBOX.PRACTICE_SET_ID, GRADE_OUTBOX.SCORE_GIVEN,
                        GRADE_OUTBOX.SCORE_MAXIMUM, GRADE_OUTBOX.ATTEMPTS, GRADE_OUTBOX.LAST_ERROR,
                        GRADE_OUTBOX.CREATED_AT, GRADE_OUTBOX.UPDATED_AT)
                .from(GRADE_OUTBOX).join(APP_USER).on(APP_USER.ID.eq(GRADE_OUTBOX.USER_ID))
                .where(GRADE_OUTBOX.COURSE_ID.eq(courseId), GRADE_OUTBOX.STATUS.eq(FAILED))
                .orderBy(GRADE_OUTBOX.UPDATED_AT.desc())
                .limit(limit)
                .fetch(row -> new Failure(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8().toInstant(), row.value9().toInstant()));
    }
}
