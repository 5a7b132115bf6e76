package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.LTI_COURSE_SERVICE;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.lti.advantage.ServiceScopes;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What grade passback and roster sync read of the LTI Advantage services launches recorded (V4's
 * {@code lti_resource_link} and {@code lti_course_service}), and when each roster is due.
 */
@Singleton
public class LtiServiceStore {

    /** A course whose roster can be fetched: its membership service and the platform it belongs to. */
    public record RosterSource(long courseId, URI membershipsUrl, long platformId) {
    }

    /** What the course's roster fetches last did. */
    public record RosterState(Instant fetchedAt, String error, Instant dueAt) {
    }

    /**
     * The line item (grade book column) the practice set's scores go to: when the platform named one
     * for its resource link and granted the tool the AGS score scope in the course.
     */
    public Optional<String> scoreLineItem(DSLContext tx, long practiceSetId) {
        return SCORE_LINE_ITEM.run(tx, results -> results.row(row -> row.getString(1)), List.of(practiceSetId));
    }

    // Every graded answer asks: rendered once, bind (practice set).
    private static final Pipeline SCORE_LINE_ITEM = Pipeline.of(Rendered.of(DSL.select(LTI_RESOURCE_LINK.LINE_ITEM_URL)
            .from(LTI_RESOURCE_LINK)
            .join(LTI_COURSE_SERVICE).on(LTI_COURSE_SERVICE.COURSE_ID.eq(LTI_RESOURCE_LINK.COURSE_ID))
            .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(0L), LTI_RESOURCE_LINK.LINE_ITEM_URL.isNotNull(),
                    DSL.inline(ServiceScopes.SCORE).eq(DSL.any(LTI_COURSE_SERVICE.AGS_SCOPES)))
            .limit(DSL.inline(1))));

    /** The course's roster source, when a launch named its membership service. */
    public Optional<RosterSource> rosterSource(DSLContext tx, long courseId) {
        return tx.select(LTI_COURSE_SERVICE.COURSE_ID, LTI_COURSE_SERVICE.MEMBERSHIPS_URL, LTI_DEPLOYMENT.PLATFORM_ID)
                .from(LTI_COURSE_SERVICE)
                .join(COURSE).on(COURSE.ID.eq(LTI_COURSE_SERVICE.COURSE_ID))
                .join(LTI_DEPLOYMENT).on(LTI_DEPLOYMENT.ID.eq(COURSE.DEPLOYMENT_ID))
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(courseId), LTI_COURSE_SERVICE.MEMBERSHIPS_URL.isNotNull())
                .fetchOptional(row -> new RosterSource(row.value1(), URI.create(row.value2()), row.value3()));
    }

    public Optional<RosterState> rosterState(DSLContext tx, long courseId) {
        return tx.select(LTI_COURSE_SERVICE.ROSTER_FETCHED_AT, LTI_COURSE_SERVICE.ROSTER_ERROR, LTI_COURSE_SERVICE.ROSTER_DUE_AT)
                .from(LTI_COURSE_SERVICE)
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(courseId), LTI_COURSE_SERVICE.MEMBERSHIPS_URL.isNotNull())
                .fetchOptional(row -> new RosterState(row.value1() == null ? null : row.value1().toInstant(),
                        row.value2(), row.value3().toInstant()));
    }

    /**
     * Claims the course whose roster is most overdue, if any, by moving its due time to
     * {@code leaseUntil}: another node looking meanwhile skips it.
     */
    public Optional<Long> claimDueRoster(DSLContext tx, Instant now, Instant leaseUntil) {
        return tx.update(LTI_COURSE_SERVICE)
                .set(LTI_COURSE_SERVICE.ROSTER_DUE_AT, leaseUntil.atOffset(ZoneOffset.UTC))
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(
                        tx.select(LTI_COURSE_SERVICE.COURSE_ID).from(LTI_COURSE_SERVICE)
                                .where(LTI_COURSE_SERVICE.MEMBERSHIPS_URL.isNotNull(),
                                        LTI_COURSE_SERVICE.ROSTER_DUE_AT.le(now.atOffset(ZoneOffset.UTC)))
                                .orderBy(LTI_COURSE_SERVICE.ROSTER_DUE_AT)
                                .limit(1)
                                .forUpdate().skipLocked()))
                .returning(LTI_COURSE_SERVICE.COURSE_ID)
                .fetchOptional(LTI_COURSE_SERVICE.COURSE_ID);
    }

    /** Notes a roster fetched at {@code now}, next due at {@code nextDue}. */
    public void rosterFetched(DSLContext tx, long courseId, Instant now, Instant nextDue) {
        tx.update(LTI_COURSE_SERVICE)
                .set(LTI_COURSE_SERVICE.ROSTER_FETCHED_AT, now.atOffset(ZoneOffset.UTC))
                .set(LTI_COURSE_SERVICE.ROSTER_DUE_AT, nextDue.atOffset(ZoneOffset.UTC))
                .setNull(LTI_COURSE_SERVICE.ROSTER_ERROR)
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(courseId))
                .execute();
    }

    /** Notes a roster fetch that failed, to be tried again at {@code nextDue}. */
    public void rosterFailed(DSLContext tx, long courseId, String error, Instant nextDue) {
        tx.update(LTI_COURSE_SERVICE)
                .set(LTI_COURSE_SERVICE.ROSTER_ERROR, error)
                .set(LTI_COURSE_SERVICE.ROSTER_DUE_AT, nextDue.atOffset(ZoneOffset.UTC))
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(courseId))
                .execute();
    }

    /** Makes the course's roster due now (an instructor asked); false when the course has no membership service. */
    public boolean requestRoster(DSLContext tx, long courseId, Instant now) {
        return tx.update(LTI_COURSE_SERVICE)
                .set(LTI_COURSE_SERVICE.ROSTER_DUE_AT, now.atOffset(ZoneOffset.UTC))
                .where(LTI_COURSE_SERVICE.COURSE_ID.eq(courseId), LTI_COURSE_SERVICE.MEMBERSHIPS_URL.isNotNull())
                .execute() == 1;
    }
}
