package org.chainwise.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.LmsSync;

/**
 * Instructors' view of grade passback and roster sync for their course:
 * {@code GET /api/v1/courses/{courseId}/lms-sync}, {@code POST …/lms-sync/roster} (fetch the
 * roster now; 202) and {@code POST …/lms-sync/retry} (send given-up scores again).
 */
@Controller("/api/v1/courses/{courseId}/lms-sync")
class LmsSyncController {

    private final LmsSync sync;

    LmsSyncController(LmsSync sync) {
        this.sync = sync;
    }

    @Serdeable
    record StatusView(GradesView grades, RosterView roster) {
    }

    @Serdeable
    record GradesView(int pending, int sent, int failed, List<FailedScoreView> failures,
                      List<MissingLineItemView> missingLineItems) {
    }

    /** A practice set that gets no grades: its link has no line item and the tool may make none. */
    @Serdeable
    record MissingLineItemView(long practiceSetId, String title, String problem) {
    }

    /** A score the platform did not take, and what it answered. */
    @Serdeable
    record FailedScoreView(long userId, String name, long practiceSetId, double scoreGiven, double scoreMaximum,
                           int attempts, String reason, Instant queuedAt, Instant failedAt) {
    }

    /** {@code available} is false while no launch has offered the course's roster service. */
    @Serdeable
    record RosterView(boolean available, Instant fetchedAt, String error, Instant nextFetchAt) {
    }

    @Serdeable
    record RetryView(int requeued) {
    }

    @Get
    StatusView status(long courseId, Actor actor) {
        return view(sync.status(actor, courseId));
    }

    @Post("/roster")
    HttpResponse<StatusView> refreshRoster(long courseId, Actor actor) {
        return HttpResponse.accepted().body(view(sync.refreshRoster(actor, courseId)));
    }

    @Post("/retry")
    RetryView retry(long courseId, Actor actor) {
        return new RetryView(sync.retryFailed(actor, courseId));
    }

    private static StatusView view(LmsSync.Status status) {
        var counts = status.grades();
        List<FailedScoreView> failures = status.failures().stream()
                .map(f -> new FailedScoreView(f.userId(), f.userName(), f.practiceSetId(), f.scoreGiven(), f.scoreMaximum(),
                        f.attempts(), f.lastError(), f.queuedAt(), f.failedAt()))
                .toList();
        RosterView roster = status.roster()
                .map(r -> new RosterView(true, r.fetchedAt(), r.error(), r.dueAt()))
                .orElse(new RosterView(false, null, null, null));
        List<MissingLineItemView> missing = status.lineItemProblems().stream()
                .map(p -> new MissingLineItemView(p.practiceSetId(), p.title(), p.problem()))
                .toList();
        return new StatusView(new GradesView(counts.pending(), counts.sent(), counts.failed(), failures, missing), roster);
    }
}
