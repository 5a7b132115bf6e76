package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs grade passback, roster refreshes and the clean-up of sent scores in the background on every
 * api node, from the moment its HTTP server is up (so a process that cannot reach its database,
 * or a command run without the server, never starts them), unless
 * {@code chainwise.lti.services.background} is false (tests that drive them step by step).
 */
@Singleton
@Requires(property = "chainwise.lti.services.background", notEquals = "false")
class GradePassbackSchedule implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(GradePassbackSchedule.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    private final GradePassback passback;
    private final RosterSync roster;
    private final Duration scoresEvery;
    private final Duration rostersEvery;
    /** Two threads, so that a long roster fetch does not hold scores back. */
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("lti-services-", 1).daemon().factory());

    GradePassbackSchedule(GradePassback passback, RosterSync roster,
                          @Value("${chainwise.grades.poll-interval:2s}") Duration scoresEvery,
                          @Value("${chainwise.roster.poll-interval:30s}") Duration rostersEvery) {
        this.passback = passback;
        this.roster = roster;
        this.scoresEvery = scoresEvery;
        this.rostersEvery = rostersEvery;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        every(scoresEvery, "Grade passback", passback::sendDue);
        every(rostersEvery, "Roster refresh", roster::refreshDue);
        every(CLEAN_UP_EVERY, "Sent-score clean-up", passback::forgetSent);
    }

    private void every(Duration period, String what, Runnable work) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The database away for a moment: nothing was lost, the next round tries again.
                LOG.warn("{} round failed: {}", what, e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
