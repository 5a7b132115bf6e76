package org.chainwise.api.lti.advantage;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public void progressed(DSLContext tx, List<PracticeProgress> progress) {
        // A batch often holds several learners of one set: its target is looked up once.
        Map<Long, Optional<LtiServiceStore.ScoreTarget>> targets = new HashMap<>();
        for (PracticeProgress learner : progress) {
            targets.computeIfAbsent(learner.practiceSetId(), set -> services.scoreTarget(tx, set))
                    .ifPresent(target -> outbox.queue(tx, new GradeOutboxStore.Queued(learner.courseId(), learner.userId(),
                            learner.practiceSetId(), target.lineItem(), learner.scoreGiven(), learner.scoreMaximum(),
                            activityProgress(learner), gradingProgress(learner), clock.instant().truncatedTo(ChronoUnit.MICROS))));
        }
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
