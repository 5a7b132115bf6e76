package org.chainwise.api.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.store.GradeOutboxStore;
import org.chainwise.api.store.LtiServiceStore;
import org.chainwise.api.web.ApiException;
import org.jooq.DSLContext;

/**
 * What an instructor sees and can do about the course's link with its LMS: how many scores are
 * waiting, sent and given up (with the platform's answer for each given up), when the roster was
 * last fetched and why it failed if it did, which practice sets get no grades because the LMS
 * offers no line item for them; asking for the roster now, and sending given-up scores
 * again once the grade book is fixed.
 */
@Singleton
public class LmsSync {

    /** How many given-up scores the status lists. */
    static final int FAILURES_SHOWN = 100;

    private final DSLContext dsl;
    private final GradeOutboxStore outbox;
    private final LtiServiceStore services;
    private final Clock clock = Clock.systemUTC();

    LmsSync(DSLContext dsl, GradeOutboxStore outbox, LtiServiceStore services) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.services = services;
    }

    /** The course's grade passback and roster state. */
    public record Status(GradeOutboxStore.Counts grades, List<GradeOutboxStore.Failure> failures,
                         List<LtiServiceStore.LineItemProblem> lineItemProblems, Optional<LtiServiceStore.RosterState> roster) {
    }

    public Status status(Actor actor, long courseId) {
        actor.requireInstructor().requireCourse(courseId);
        return dsl.transactionResult(cfg -> new Status(outbox.counts(cfg.dsl(), courseId),
                outbox.failures(cfg.dsl(), courseId, FAILURES_SHOWN), services.lineItemProblems(cfg.dsl(), courseId),
                services.rosterState(cfg.dsl(), courseId)));
    }

    /** Makes the roster due now; the background refresh fetches it within its poll interval. */
    public Status refreshRoster(Actor actor, long courseId) {
        actor.requireInstructor().requireCourse(courseId);
        Instant now = clock.instant();
        boolean known = dsl.transactionResult(cfg -> services.requestRoster(cfg.dsl(), courseId, now));
        if (!known) {
            throw ApiException.conflict("no_roster_service",
                    "This course's LMS has not offered its roster (Names and Role Provisioning Services) in any launch yet.");
        }
        return status(actor, courseId);
    }

    /**
     * Queues the given-up scores again, and forgets why links had no line item so that the tool
     * looks for them once more (the LMS may grant the scope or list the grade item now); returns how
     * many scores were queued.
     */
    public int retryFailed(Actor actor, long courseId) {
        actor.requireInstructor().requireCourse(courseId);
        Instant now = clock.instant();
        return dsl.transactionResult(cfg -> {
            services.forgetLineItemProblems(cfg.dsl(), courseId);
            return outbox.requeueFailed(cfg.dsl(), courseId, now);
        });
    }
}
