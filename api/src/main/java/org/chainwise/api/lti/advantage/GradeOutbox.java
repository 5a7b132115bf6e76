package org.chainwise.api.lti.advantage;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.chainwise.api.service.PracticeProgress;
import org.chainwise.api.service.ProgressListener;
import org.chainwise.api.store.GradeOutboxStore;
import org.chainwise.api.store.LtiServiceStore;
import org.jooq.DSLContext;

/**
 * Grade passback's end of a submission: inside the transaction that records the attempt, queues
 * the learner's new score for the practice set's line item, so the score is kept exactly when the
 * attempt is, and is sent later by {@link GradePassback} whatever the platform is doing now. When
 * the launch named only the course's line items container, the score is queued without a line item
 * and the sender finds or makes the link's ({@link LineItemFinder}). A practice set whose link has
 * no line item the tool may find or make, or in a course whose platform did not grant the score
 * scope, has nothing to send.
 */
@Singleton
public class GradeOutbox implements ProgressListener {

    private final LtiServiceStore services;
    private final GradeOutboxStore outbox;
    private final Clock clock = Clock.systemUTC();

    GradeOutbox(LtiServiceStore services, GradeOutboxStore outbox) {
        this.services = services;
        this.outbox = outbox;
    }

    @Override
    public void progressed(DSLContext tx, PracticeProgress progress) {
        Optional<LtiServiceStore.ScoreTarget> target = services.scoreTarget(tx, progress.practiceSetId());
        if (target.isEmpty()) {
            return;
        }
        outbox.queue(tx, new GradeOutboxStore.Queued(progress.courseId(), progress.userId(), progress.practiceSetId(),
                target.get().lineItem(), progress.scoreGiven(), progress.scoreMaximum(), activityProgress(progress),
                gradingProgress(progress), clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    static ActivityProgress activityProgress(PracticeProgress progress) {
        if (progress.completed()) {
            return ActivityProgress.COMPLETED;
        }
        return progress.itemsAttempted() <= 1 ? ActivityProgress.STARTED : ActivityProgress.IN_PROGRESS;
    }

    /** The score is final once the set is complete; until then it is the mastery so far, still moving. */
    static GradingProgress gradingProgress(PracticeProgress progress) {
        return progress.completed() ? GradingProgress.FULLY_GRADED : GradingProgress.PENDING;
    }
}
