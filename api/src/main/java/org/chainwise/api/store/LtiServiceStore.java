package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.LTI_COURSE_SERVICE;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;

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
 * {@code lti_resource_link} and {@code lti_course_service}), when each roster is due, and the line
 * items the grade sender finds or makes for links whose launches named none (V10).
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
     * Where a practice set's scores go, when the platform granted the tool the AGS score scope in the
     * course: the line item a launch named for the link or the tool found or made for it; or, empty,
     * the link's line item still to be found in the course's line items container (or made there),
     * which the sender does before the first score goes out.
     */
    public record ScoreTarget(Optional<String> lineItem) {
    }

    /**
     * The practice set's score target: none when the platform granted no score scope, or named no
     * line item and no container the tool may read, or only lets the tool read a container that
     * lists no line item for the link ({@code line_item_problem}).
     */
    public Optional<ScoreTarget> scoreTarget(DSLContext tx, long practiceSetId) {
        return SCORE_TARGET.run(tx, results -> results.row(row -> new ScoreTarget(Optional.ofNullable(row.getString(1)))),
                List.of(practiceSetId));
    }

    // Every graded answer asks: rendered once, bind (practice set).
    private static final Pipeline SCORE_TARGET = Pipeline.of(Rendered.of(DSL.select(LTI_RESOURCE_LINK.LINE_ITEM_URL)
            .from(LTI_RESOURCE_LINK)
            .join(LTI_COURSE_SERVICE).on(LTI_COURSE_SERVICE.COURSE_ID.eq(LTI_RESOURCE_LINK.COURSE_ID))
            .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(0L),
                    DSL.inline(ServiceScopes.SCORE).eq(DSL.any(LTI_COURSE_SERVICE.AGS_SCOPES)),
                    LTI_RESOURCE_LINK.LINE_ITEM_URL.isNotNull().or(LTI_COURSE_SERVICE.LINE_ITEMS_URL.isNotNull().and(
                            DSL.inline(ServiceScopes.LINE_ITEM).eq(DSL.any(LTI_COURSE_SERVICE.AGS_SCOPES))
                                    .or(DSL.inline(ServiceScopes.LINE_ITEM_READ_ONLY).eq(DSL.any(LTI_COURSE_SERVICE.AGS_SCOPES))
                                            .and(LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM.isNull())))))
            .limit(DSL.inline(1))));

    /**
     * A resource link as finding its line item needs it: the course's line items container and
     * granted scopes, the practice set's title, and what is known so far.
     */
    public record LinkLineItem(long practiceSetId, String resourceLinkId, String title, Optional<URI> lineItem,
                               Optional<URI> lineItems, List<String> scopes, Optional<String> problem) {

        /** The tool may list the course's line items: the container is known and a line item scope granted. */
        public boolean containerReadable() {
            return lineItems.isPresent()
                    && (scopes.contains(ServiceScopes.LINE_ITEM) || scopes.contains(ServiceScopes.LINE_ITEM_READ_ONLY));
        }
    }

    public Optional<LinkLineItem> linkLineItem(DSLContext tx, long practiceSetId) {
        return tx.select(LTI_RESOURCE_LINK.PRACTICE_SET_ID, LTI_RESOURCE_LINK.RESOURCE_LINK_ID, PRACTICE_SET.TITLE,
                        LTI_RESOURCE_LINK.LINE_ITEM_URL, LTI_COURSE_SERVICE.LINE_ITEMS_URL, LTI_COURSE_SERVICE.AGS_SCOPES,
                        LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM)
                .from(LTI_RESOURCE_LINK)
                .join(PRACTICE_SET).on(PRACTICE_SET.ID.eq(LTI_RESOURCE_LINK.PRACTICE_SET_ID))
                .leftJoin(LTI_COURSE_SERVICE).on(LTI_COURSE_SERVICE.COURSE_ID.eq(LTI_RESOURCE_LINK.COURSE_ID))
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId))
                .fetchOptional(row -> new LinkLineItem(row.value1(), row.value2(), row.value3(),
                        Optional.ofNullable(row.value4()).map(URI::create), Optional.ofNullable(row.value5()).map(URI::create),
                        row.value6() == null ? List.of() : List.of(row.value6()), Optional.ofNullable(row.value7())));
    }

    /**
     * Takes the lease on finding or making the link's line item until {@code leaseUntil}: false when
     * the line item is known already or another node holds an unexpired lease.
     */
    public boolean leaseLineItemLookup(DSLContext tx, long practiceSetId, Instant now, Instant leaseUntil) {
        return tx.update(LTI_RESOURCE_LINK)
                .set(LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL, leaseUntil.atOffset(ZoneOffset.UTC))
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId), LTI_RESOURCE_LINK.LINE_ITEM_URL.isNull(),
                        LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL.isNull()
                                .or(LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL.lt(now.atOffset(ZoneOffset.UTC))))
                .execute() == 1;
    }

    /** Extends the lease held until {@code heldUntil} to {@code leaseUntil}; false when it was lost meanwhile. */
    public boolean renewLineItemLookup(DSLContext tx, long practiceSetId, Instant heldUntil, Instant leaseUntil) {
        return tx.update(LTI_RESOURCE_LINK)
                .set(LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL, leaseUntil.atOffset(ZoneOffset.UTC))
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId), LTI_RESOURCE_LINK.LINE_ITEM_URL.isNull(),
                        LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL.eq(heldUntil.atOffset(ZoneOffset.UTC)))
                .execute() == 1;
    }

    /**
     * Records the line item found or made for the link and ends the lookup; a line item a launch
     * named meanwhile is kept. Returns the link's line item.
     */
    public URI lineItemFound(DSLContext tx, long practiceSetId, URI lineItem) {
        return URI.create(tx.update(LTI_RESOURCE_LINK)
                .set(LTI_RESOURCE_LINK.LINE_ITEM_URL, DSL.coalesce(LTI_RESOURCE_LINK.LINE_ITEM_URL, DSL.val(lineItem.toString())))
                .setNull(LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL)
                .setNull(LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM)
                .set(LTI_RESOURCE_LINK.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId))
                .returning(LTI_RESOURCE_LINK.LINE_ITEM_URL)
                .fetchOne(LTI_RESOURCE_LINK.LINE_ITEM_URL));
    }

    /**
     * Forgets the link's line item {@code lineItem}, which the platform says does not exist any more,
     * so that the next lookup finds or makes another; false when the link holds another one already
     * (a launch or another node recorded it meanwhile).
     */
    public boolean lineItemGone(DSLContext tx, long practiceSetId, URI lineItem) {
        return tx.update(LTI_RESOURCE_LINK)
                .setNull(LTI_RESOURCE_LINK.LINE_ITEM_URL)
                .set(LTI_RESOURCE_LINK.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId), LTI_RESOURCE_LINK.LINE_ITEM_URL.eq(lineItem.toString()))
                .execute() == 1;
    }

    /**
     * Records why the link has no line item and ends the lookup; true when that is news (no
     * problem, or another one, was recorded), so that it is reported once.
     */
    public boolean lineItemMissing(DSLContext tx, long practiceSetId, String problem) {
        boolean news = tx.update(LTI_RESOURCE_LINK)
                .set(LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM, problem)
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId),
                        LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM.isDistinctFrom(problem))
                .execute() == 1;
        releaseLineItemLookup(tx, practiceSetId);
        return news;
    }

    /** Ends a lookup that did not get through; the next score's sender tries again. */
    public void releaseLineItemLookup(DSLContext tx, long practiceSetId) {
        tx.update(LTI_RESOURCE_LINK)
                .setNull(LTI_RESOURCE_LINK.LINE_ITEM_LEASE_UNTIL)
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId))
                .execute();
    }

    /** A practice set that gets no grades because its link has no line item and the tool may make none. */
    public record LineItemProblem(long practiceSetId, String title, String problem) {
    }

    /** The course's links without a line item for which the tool recorded why. */
    public List<LineItemProblem> lineItemProblems(DSLContext tx, long courseId) {
        return tx.select(LTI_RESOURCE_LINK.PRACTICE_SET_ID, PRACTICE_SET.TITLE, LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM)
                .from(LTI_RESOURCE_LINK)
                .join(PRACTICE_SET).on(PRACTICE_SET.ID.eq(LTI_RESOURCE_LINK.PRACTICE_SET_ID))
                .where(LTI_RESOURCE_LINK.COURSE_ID.eq(courseId), LTI_RESOURCE_LINK.LINE_ITEM_URL.isNull(),
                        LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM.isNotNull())
                .orderBy(LTI_RESOURCE_LINK.PRACTICE_SET_ID)
                .fetch(row -> new LineItemProblem(row.value1(), row.value2(), row.value3()));
    }

    /**
     * Forgets the course's recorded line item problems (a teacher says the LMS is fixed), so that
     * the next scores look for the line items again; returns how many.
     */
    public int forgetLineItemProblems(DSLContext tx, long courseId) {
        return tx.update(LTI_RESOURCE_LINK)
                .setNull(LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM)
                .where(LTI_RESOURCE_LINK.COURSE_ID.eq(courseId), LTI_RESOURCE_LINK.LINE_ITEM_PROBLEM.isNotNull())
                .execute();
    }

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
