package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.GRADE_OUTBOX;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.chainwise.api.lti.TestPlatform;
import org.chainwise.api.lti.TestPlatformServices;
import org.chainwise.api.store.GradeOutboxStore;
import org.chainwise.api.store.GradeOutboxStore.Claimed;
import org.chainwise.api.store.GradeOutboxStore.Queued;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox's rules in PostgreSQL: one pending score per learner and set, revisions, leases. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeOutboxStoreTest implements TestPropertyProvider {

    private final TestPlatform platform = TestPlatform.start();
    private final TestPlatformServices services = TestPlatformServices.on(platform);

    @Inject
    ApplicationContext app;

    @Inject
    DSLContext dsl;

    @Inject
    GradeOutboxStore outbox;

    private AdvantageCourse course;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.freshSchemaProperties();
        properties.put("chainwise.lti.services.background", "false");
        return properties;
    }

    @BeforeAll
    void seed() {
        course = AdvantageCourse.register(app, platform, services);
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    private Queued score(long user, long set, double given, Instant at) {
        return new Queued(course.courseId(), user, set, java.util.Optional.of(services.lineItemUrl("rl").toString()), given, 4,
                ActivityProgress.IN_PROGRESS, GradingProgress.PENDING, at);
    }

    private void queue(Queued score) {
        dsl.transaction(cfg -> outbox.queue(cfg.dsl(), score));
    }

    private List<Claimed> claim(String node, Instant now) {
        return dsl.transactionResult(cfg -> outbox.claimDue(cfg.dsl(), node, now, now.plus(Duration.ofMinutes(2)), 10));
    }


    /** What {@code node} claims at {@code now} of the learner {@code subject}'s scores. */
    private List<Claimed> claimedOf(String subject, String node, Instant now) {
        return claim(node, now).stream().filter(c -> c.score().userId().equals(subject)).toList();
    }

    private Claimed claimed(String subject, String node, Instant now) {
        return claimedOf(subject, node, now).getFirst();
    }

    private boolean sent(Claimed claimed, String node, Instant now) {
        return dsl.transactionResult(cfg -> outbox.markSent(cfg.dsl(), claimed, node, now));
    }

    private long learner(String name) {
        return course.learner(app, name);
    }

    @Test
    void aNewerScoreReplacesThePendingOneAndAnOlderOneDoesNot() {
        long set = course.practiceSet(app, services, "rl-coalesce");
        long ana = learner("ana");
        queue(score(ana, set, 1, start));
        queue(score(ana, set, 3, start.plusSeconds(2)));
        queue(score(ana, set, 2, start.plusSeconds(1)));

        var rows = dsl.selectFrom(GRADE_OUTBOX).where(GRADE_OUTBOX.USER_ID.eq(ana)).fetch();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getScoreGiven()).isEqualTo(3.0);
            assertThat(row.getRevision()).isEqualTo(2);
            assertThat(row.getScoreTimestamp().toInstant()).isEqualTo(start.plusSeconds(2));
        });
    }

    @Test
    void aScoreQueuedWhileTheOlderIsBeingSentGoesOutNextAndTheOlderIsNotMarkedSent() {
        long set = course.practiceSet(app, services, "rl-inflight");
        long ben = learner("ben");
        queue(score(ben, set, 1, start));
        Claimed inFlight = claimed("ben", "node-a", start.plusSeconds(1));

        queue(score(ben, set, 2, start.plusSeconds(2)));
        boolean marked = sent(inFlight, "node-a", start.plusSeconds(3));
        Claimed next = claimed("ben", "node-a", start.plusSeconds(4));

        assertThat(marked).isFalse();
        assertThat(next.score().scoreGiven()).isEqualTo(2.0);
        assertThat(next.revision()).isEqualTo(inFlight.revision() + 1);
        assertThat(sent(next, "node-a", start.plusSeconds(5))).isTrue();
        assertThat(dsl.fetchCount(GRADE_OUTBOX, GRADE_OUTBOX.USER_ID.eq(ben).and(GRADE_OUTBOX.STATUS.eq("pending")))).isZero();
    }

    @Test
    void aClaimedScoreIsNotClaimedByAnotherNodeUntilItsLeaseRunsOut() {
        long set = course.practiceSet(app, services, "rl-lease");
        long cy = learner("cy");
        queue(score(cy, set, 1, start));
        Instant now = start.plusSeconds(1);

        List<Claimed> first = claimedOf("cy", "node-a", now);
        List<Claimed> meanwhile = claimedOf("cy", "node-b", now.plusSeconds(60));
        List<Claimed> afterLease = claimedOf("cy", "node-b", now.plusSeconds(121));

        assertThat(first).hasSize(1);
        assertThat(meanwhile).isEmpty();
        assertThat(afterLease).hasSize(1);
        assertThat(sent(first.getFirst(), "node-a", now.plusSeconds(122)))
                .as("the node that lost its lease does not record the outcome").isFalse();
        assertThat(sent(afterLease.getFirst(), "node-b", now.plusSeconds(123))).isTrue();
    }

    @Test
    void aRescheduledScoreWaitsForItsTime() {
        long set = course.practiceSet(app, services, "rl-wait");
        long dee = learner("dee");
        queue(score(dee, set, 1, start));
        Claimed claimed = claimed("dee", "node-a", start.plusSeconds(1));
        dsl.transaction(cfg -> outbox.reschedule(cfg.dsl(), claimed, "node-a", start.plusSeconds(60), "HTTP 503"));

        assertThat(claim("node-a", start.plusSeconds(59)).stream().map(c -> c.score().userId())).doesNotContain("dee");
        assertThat(claim("node-a", start.plusSeconds(61)).stream().map(c -> c.score().userId())).contains("dee");
    }

    @Test
    void sentScoresAreForgottenAfterTheKeepPeriodAndPendingOnesAreNot() {
        long set = course.practiceSet(app, services, "rl-forget");
        long eve = learner("eve");
        queue(score(eve, set, 1, start));
        Claimed claimed = claimed("eve", "node-a", start.plusSeconds(1));
        assertThat(sent(claimed, "node-a", start.plusSeconds(2))).isTrue();
        queue(score(eve, set, 2, start.plusSeconds(3)));

        dsl.transaction(cfg -> outbox.deleteSentBefore(cfg.dsl(), start.plusSeconds(10)));

        assertThat(dsl.selectFrom(GRADE_OUTBOX).where(GRADE_OUTBOX.USER_ID.eq(eve)).fetch())
                .singleElement().satisfies(row -> assertThat(row.getStatus()).isEqualTo("pending"));
    }
}
