package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs grade passback and roster refreshes in the background on every api node, unless
 * {@code chainwise.lti.services.background} is false (tests that drive them step by step).
 */
@Singleton
@Requires(property = "chainwise.lti.services.background", notEquals = "false")
class GradePassbackSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(GradePassbackSchedule.class);

    private final GradePassback passback;
    private final RosterSync roster;

    GradePassbackSchedule(GradePassback passback, RosterSync roster) {
        this.passback = passback;
        this.roster = roster;
    }

    @Scheduled(fixedDelay = "${chainwise.grades.poll-interval:2s}", initialDelay = "${chainwise.grades.poll-interval:2s}")
    void sendScores() {
        try {
            passback.sendDue();
        } catch (RuntimeException e) {
            // The database away for a moment: the next round tries again; nothing was lost.
            LOG.warn("Grade passback round failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${chainwise.roster.poll-interval:30s}", initialDelay = "${chainwise.roster.poll-interval:30s}")
    void refreshRosters() {
        try {
            roster.refreshDue();
        } catch (RuntimeException e) {
            LOG.warn("Roster refresh round failed: {}", e.toString());
        }
    }
}
