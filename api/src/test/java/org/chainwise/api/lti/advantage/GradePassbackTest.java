package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chainwise.migrations.jooq.Tables.GRADE_OUTBOX;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.chainwise.api.TestDatabase;
import org.chainwise.api.lti.TestPlatform;
import org.chainwise.api.lti.TestPlatformServices;
import org.chainwise.api.lti.TestPlatformServices.ReceivedScore;
import org.chainwise.migrations.jooq.tables.records.GradeOutboxRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Grade passback against the test platform over real HTTP: the tool signs its client assertion with
 * its own keys, the platform checks it against the tool's JWKS, and scores queued in the submit
 * transaction reach the platform's score service through outages and restarts, each learner's
 * latest score once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradePassbackTest {

    private TestPlatform platform;
    private TestPlatformServices services;
    private Map<String, String> schema;
    private ApplicationContext app;
    private AdvantageCourse course;

    @BeforeAll
    void start() {
        platform = TestPlatform.start();
        services = TestPlatformServices.on(platform);
        schema = TestDatabase.freshSchemaProperties();
        app = startApp(false);
        course = AdvantageCourse.register(app, platform, services);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        platform.close();
    }

    /** The api on the class's schema; with {@code background} the scheduled sender runs, else tests drive it. */
    private ApplicationContext startApp(boolean background) {
        Map<String, Object> properties = new HashMap<>(schema);
        properties.put("micronaut.server.port", -1);
        properties.put("chainwise.lti.services.background", background);
        properties.put("chainwise.grades.poll-interval", "100ms");
        properties.put("chainwise.grades.retry-base-delay", "10ms");
        properties.put("chainwise.grades.retry-max-delay", "40ms");
        // Small batches, so that two nodes sending at once interleave their claims.
        properties.put("chainwise.grades.batch-size", 5);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        services.trustToolJwks(server.getURI().resolve("/lti/jwks"));
        return server.getApplicationContext();
    }

    private GradePassback passback() {
        return app.getBean(GradePassback.class);
    }

    private List<GradeOutboxRecord> outbox(long userId) {
        return app.getBean(DSLContext.class).selectFrom(GRADE_OUTBOX).where(GRADE_OUTBOX.USER_ID.eq(userId))
                .orderBy(GRADE_OUTBOX.ID).fetch();
    }

    private int pending() {
        return app.getBean(DSLContext.class).fetchCount(GRADE_OUTBOX, GRADE_OUTBOX.STATUS.eq("pending"));
    }

    /** Runs the sender until nothing is pending; bounded, with a pause for the (test-short) backoff. */
    private void sendUntilNothingPending() throws InterruptedException {
        for (int round = 0; round < 200 && pending() > 0; round++) {
            passback().sendDue();
            Thread.sleep(20);
        }
        assertThat(pending()).as("scores still pending").isZero();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private List<ReceivedScore> received(String lineItem) {
        return services.scores().stream().filter(s -> s.lineItem().equals(lineItem)).toList();
    }

    @Test
    void scoresReachThePlatformInTheBackgroundAsALearnerPractises() throws InterruptedException {
        app.close();
        app = startApp(true);
        long set = course.practiceSet(app, services, "rl-live");
        long ana = course.learner(app, "ana-sub");

        course.practised(app, ana, set, 1, 1, false);
        await("the first score arrives", () -> received("rl-live").size() == 1);
        course.practised(app, ana, set, 2, 1, false);
        course.practised(app, ana, set, 5, 4, true);
        await("the completed score arrives", () -> received("rl-live").stream()
                .anyMatch(s -> s.activityProgress().equals("Completed")));

        List<ReceivedScore> scores = received("rl-live");
        ReceivedScore first = scores.getFirst();
        ReceivedScore last = scores.getLast();
        assertThat(first.userId()).isEqualTo("ana-sub");
        assertThat(first.activityProgress()).isEqualTo("Started");
        assertThat(first.gradingProgress()).isEqualTo("Pending");
        assertThat(last.scoreGiven()).isEqualTo(4.0);
        assertThat(last.scoreMaximum()).isEqualTo(4.0);
        assertThat(last.gradingProgress()).isEqualTo("FullyGraded");
        assertThat(scores).extracting(ReceivedScore::timestamp).isSorted();
        assertThat(services.refusals()).noneMatch(r -> r.contains("invalid_client"));
        app.close();
        app = startApp(false);
    }

    @Test
    void anOutageAndARestartDelayScoresButEveryLearnersLatestArrivesOnce() throws InterruptedException {
        long set = course.practiceSet(app, services, "rl-outage");
        Map<String, Long> learners = new HashMap<>();
        for (String sub : List.of("ben-sub", "cy-sub", "dee-sub")) {
            learners.put(sub, course.learner(app, sub));
        }
        services.failNextScores(1_000_000);
        for (long user : learners.values()) {
            course.practised(app, user, set, 1, 1, false);
            course.practised(app, user, set, 2, 2, false);
        }
        for (int round = 0; round < 3; round++) {
            passback().sendDue();
            Thread.sleep(50);
        }
        course.practised(app, learners.get("ben-sub"), set, 4, 3, true);

        assertThat(received("rl-outage")).isEmpty();
        for (long user : learners.values()) {
            List<GradeOutboxRecord> rows = outbox(user);
            assertThat(rows).as("one coalesced row per learner").hasSize(1);
            assertThat(rows.getFirst().getStatus()).isEqualTo("pending");
            assertThat(rows.getFirst().getAttempts()).isPositive();
            assertThat(rows.getFirst().getLastError()).contains("503");
        }

        app.close();
        services.recover();
        app = startApp(false);
        sendUntilNothingPending();

        Map<String, List<ReceivedScore>> byLearner = received("rl-outage").stream()
                .collect(Collectors.groupingBy(ReceivedScore::userId));
        assertThat(byLearner).containsOnlyKeys("ben-sub", "cy-sub", "dee-sub");
        assertThat(byLearner.values()).allSatisfy(scores -> assertThat(scores).hasSize(1));
        assertThat(byLearner.get("ben-sub").getFirst())
                .extracting(ReceivedScore::scoreGiven, ReceivedScore::activityProgress, ReceivedScore::gradingProgress)
                .containsExactly(3.0, "Completed", "FullyGraded");
        assertThat(byLearner.get("cy-sub").getFirst())
                .extracting(ReceivedScore::scoreGiven, ReceivedScore::activityProgress)
                .containsExactly(2.0, "InProgress");
        for (long user : learners.values()) {
            assertThat(outbox(user)).singleElement().satisfies(row -> {
                assertThat(row.getStatus()).isEqualTo("sent");
                assertThat(row.getLastError()).isNull();
                assertThat(row.getClaimedBy()).isNull();
            });
        }
    }

    @Test
    void twoNodesSendingAtOnceSendEachScoreOnce() throws Exception {
        long set = course.practiceSet(app, services, "rl-two-nodes");
        List<Long> learners = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long learner = course.learner(app, "node-learner-" + i);
            learners.add(learner);
            course.practised(app, learner, set, 1, 1, false);
        }
        ApplicationContext other = startApp(false);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = threads.submit(() -> passback().sendDue());
            var second = threads.submit(() -> other.getBean(GradePassback.class).sendDue());
            int sent = first.get().sent() + second.get().sent();

            assertThat(sent).isEqualTo(30);
        } finally {
            other.close();
        }
        services.trustToolJwks(app.getBean(EmbeddedServer.class).getURI().resolve("/lti/jwks"));

        Map<String, List<ReceivedScore>> byLearner = received("rl-two-nodes").stream()
                .collect(Collectors.groupingBy(ReceivedScore::userId));
        assertThat(byLearner).hasSize(30);
        assertThat(byLearner.values()).allSatisfy(scores -> assertThat(scores).hasSize(1));
    }

    @Test
    void aTokenThePlatformRevokedIsReplacedAndTheScoreStillArrives() throws InterruptedException {
        long set = course.practiceSet(app, services, "rl-revoked");
        long eve = course.learner(app, "eve-sub");
        course.practised(app, eve, set, 1, 0, false);
        sendUntilNothingPending();
        int tokensBefore = services.tokensIssued();

        services.revokeTokens();
        course.practised(app, eve, set, 2, 1, false);
        sendUntilNothingPending();

        assertThat(services.tokensIssued()).isEqualTo(tokensBefore + 1);
        assertThat(received("rl-revoked")).extracting(ReceivedScore::scoreGiven).containsExactly(0.0, 1.0);
        assertThat(services.refusals()).anyMatch(r -> r.startsWith("401 invalid_token"));
    }

    @Test
    void theTokenIsCachedAcrossScores() throws InterruptedException {
        long set = course.practiceSet(app, services, "rl-cached");
        long fay = course.learner(app, "fay-sub");
        course.practised(app, fay, set, 1, 1, false);
        sendUntilNothingPending();
        int tokensAfterFirst = services.tokensIssued();

        course.practised(app, fay, set, 2, 2, false);
        sendUntilNothingPending();
        course.practised(app, fay, set, 3, 3, false);
        sendUntilNothingPending();

        assertThat(services.tokensIssued()).isEqualTo(tokensAfterFirst);
        assertThat(received("rl-cached")).hasSize(3);
    }

    @Test
    void aScoreForALineItemThePlatformDeletedIsGivenUpWithThePlatformsAnswer() throws InterruptedException {
        long set = course.practiceSet(app, services, "rl-deleted");
        long gus = course.learner(app, "gus-sub");
        services.deleteLineItem("rl-deleted");

        course.practised(app, gus, set, 1, 1, false);
        GradePassback.Outcome outcome = passback().sendDue();

        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outbox(gus)).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("failed");
            assertThat(row.getLastError()).contains("404").contains("deleted");
        });
        assertThat(received("rl-deleted")).isEmpty();
    }

    @Test
    void aPlatformTooSlowForTheLeaseGetsTheRestOfTheBatchInTheNextRound() throws InterruptedException {
        long set = course.practiceSet(app, services, "rl-slow");
        List<Long> learners = List.of(course.learner(app, "ivy-sub"), course.learner(app, "jon-sub"), course.learner(app, "kim-sub"));
        learners.forEach(learner -> course.practised(app, learner, set, 1, 1, false));
        // Room for one score in the lease: 2.5 s against twice a 1 s request timeout; each score takes 0.9 s.
        Map<String, Object> slow = new HashMap<>(schema);
        slow.put("chainwise.lti.services.background", false);
        slow.put("chainwise.lti.services.request-timeout", "1s");
        slow.put("chainwise.grades.lease", "2500ms");
        slow.put("chainwise.grades.batch-size", 5);
        services.stallScores(900);
        try (ApplicationContext node = ApplicationContext.run(slow, "test")) {
            GradePassback.Outcome outcome = node.getBean(GradePassback.class).sendDue();

            assertThat(outcome.sent()).isEqualTo(1);
            assertThat(learners.stream().flatMap(learner -> outbox(learner).stream()).filter(row -> row.getStatus().equals("pending")))
                    .hasSize(2).allSatisfy(row -> {
                        assertThat(row.getClaimedBy()).as("given back, not left under the lease").isNull();
                        assertThat(row.getAttempts()).isZero();
                    });
        } finally {
            services.stallScores(0);
        }
        sendUntilNothingPending();
        assertThat(received("rl-slow")).extracting(ReceivedScore::userId).containsExactlyInAnyOrder("ivy-sub", "jon-sub", "kim-sub");
    }

    @Test
    void aLeaseNoLongerThanTwoRequestsIsRefusedNamingBothSettings() {
        Map<String, Object> tooShort = new HashMap<>(schema);
        tooShort.put("chainwise.lti.services.background", false);
        tooShort.put("chainwise.grades.lease", "20s");
        try (ApplicationContext node = ApplicationContext.run(tooShort, "test")) {
            assertThatThrownBy(() -> node.getBean(GradePassback.class)).hasStackTraceContaining(
                    "chainwise.grades.lease (PT20S) must be longer than twice chainwise.lti.services.request-timeout (PT15S)");
        }
    }

    @Test
    void aPracticeSetWithoutALineItemQueuesNothing() {
        long gus = course.learner(app, "hal-sub");
        long set = course.ungradedPracticeSet(app, "rl-ungraded");

        course.practised(app, gus, set, 1, 1, false);

        assertThat(outbox(gus)).isEmpty();
    }
}
