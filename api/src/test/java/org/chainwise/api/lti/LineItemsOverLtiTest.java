package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.chainwise.migrations.jooq.Tables.GRADE_OUTBOX;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Sessions;
import org.chainwise.api.lti.TestPlatform.AuthRequest;
import org.chainwise.api.lti.TestPlatformServices.LineItem;
import org.chainwise.api.lti.TestPlatformServices.ReceivedScore;
import org.chainwise.api.lti.advantage.GradePassback;
import org.chainwise.api.lti.advantage.LineItemFinder;
import org.chainwise.api.service.PracticeProgress;
import org.chainwise.api.service.ProgressListener;
import org.chainwise.migrations.jooq.tables.records.GradeOutboxRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Grades for launches whose AGS claim names only the course's line items container, against the
 * test platform over real HTTP: the sender finds the link's line item in the container (paged,
 * even when the platform ignores the filter) or creates it, remembers it, and posts the score
 * there; with only the read-only scope and nothing listed it sends nothing and says once what to
 * change; a container that fails or stalls delays the score, never loses it, and never touches a
 * launch; two nodes at once create one line item. Scores are the progress listeners' (as a graded
 * submission calls them), sent by driving the sender round by round.
 */
@MicronautTest
class LineItemsOverLtiTest extends LtiHttpTest {

    private static final Pattern LANDING = Pattern.compile("/(?:practice|teacher)/(\\d+)#session=([A-Za-z0-9_-]{43})");
    private static final List<String> MANAGE = List.of(TestPlatformServices.LINE_ITEM_SCOPE, TestPlatformServices.SCORE_SCOPE);
    private static final List<String> READ_ONLY = List.of(TestPlatformServices.LINE_ITEM_READ_ONLY_SCOPE,
            TestPlatformServices.SCORE_SCOPE);

    private final TestPlatformServices services = TestPlatformServices.on(platform);
    private Map<String, String> properties;

    @Inject
    Sessions sessions;

    @Inject
    DSLContext dsl;

    @Inject
    GradePassback passback;

    @Inject
    ApplicationContext app;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = super.getProperties();
            // The tests drive the sender; a stalled container must time out quickly.
            properties.put("chainwise.lti.services.background", "false");
            properties.put("chainwise.lti.services.request-timeout", "1s");
            properties.put("chainwise.grades.retry-base-delay", "10ms");
            properties.put("chainwise.grades.retry-max-delay", "40ms");
            // One score a batch, two batches a round: two nodes interleave, a stalled container costs little.
            properties.put("chainwise.grades.batch-size", "1");
            properties.put("chainwise.grades.max-rounds", "2");
        }
        return properties;
    }

    @BeforeAll
    void offerTheServices() {
        services.trustToolJwks(server.getURI().resolve("/lti/jwks"));
    }

    /** Where a launch landed: the practice set (learners) or course (instructors) and the session's actor. */
    private record Landing(long landedOn, Actor actor, String token) {

        long setId() {
            return landedOn;
        }

        long userId() {
            return actor.userId();
        }
    }

    /** A learner's launch of {@code linkId} whose AGS claim names the container and {@code scopes} but no line item. */
    private Landing launchWithoutLineItem(String linkId, String sub, List<String> scopes) {
        return launchWithoutLineItem(linkId, sub, scopes, TestPlatform.LEARNER);
    }

    private Landing launchWithoutLineItem(String linkId, String sub, List<String> scopes, String role) {
        return launch(request -> platform.sign(platform.resourceLink(request, flow.target(), linkId, sub, List.of(role))
                .claim(TestPlatform.AGS, Map.of(
                        "scope", scopes,
                        "lineitems", platform.base().resolve("/courses/101/lineitems").toString()))
                .build()));
    }

    private Landing launch(Function<AuthRequest, String> idToken) {
        Browser.Page page = flow.launch(new Browser(), idToken);
        assertThat(page.status()).as(page.body()).isEqualTo(303);
        Matcher m = LANDING.matcher(page.location().toString());
        assertThat(m.find()).as(page.location().toString()).isTrue();
        return new Landing(Long.parseLong(m.group(1)), sessions.resolve(m.group(2)).orElseThrow(), m.group(2));
    }

    /** What a graded submission does: every progress listener in one transaction; {@code correct} of 4. */
    private void practised(Landing landing, int attempted, int correct) {
        PracticeProgress progress = new PracticeProgress(landing.actor().courseId(), landing.userId(), landing.setId(),
                attempted, correct, correct, 4, false);
        var listeners = app.getBeansOfType(ProgressListener.class);
        dsl.transaction(cfg -> listeners.forEach(l -> l.progressed(cfg.dsl(), List.of(progress))));
    }

    private List<GradeOutboxRecord> outbox(Landing landing) {
        return dsl.selectFrom(GRADE_OUTBOX).where(GRADE_OUTBOX.USER_ID.eq(landing.userId()),
                GRADE_OUTBOX.PRACTICE_SET_ID.eq(landing.setId())).orderBy(GRADE_OUTBOX.ID).fetch();
    }

    private int pending() {
        return dsl.fetchCount(GRADE_OUTBOX, GRADE_OUTBOX.STATUS.eq("pending"));
    }

    /** Runs the sender until nothing is pending; bounded, with a pause for the (test-short) backoff. */
    private void sendUntilNothingPending(GradePassback sender) throws InterruptedException {
        for (int round = 0; round < 200 && pending() > 0; round++) {
            sender.sendDue();
            Thread.sleep(20);
        }
        assertThat(pending()).as("scores still pending").isZero();
    }

    private String savedLineItem(long setId) {
        return dsl.select(LTI_RESOURCE_LINK.LINE_ITEM_URL).from(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(setId)).fetchOne(LTI_RESOURCE_LINK.LINE_ITEM_URL);
    }

    private List<ReceivedScore> received(String lineItemName) {
        return services.scores().stream().filter(s -> s.lineItem().equals(lineItemName)).toList();
    }

    private List<LineItem> createdFor(String linkId) {
        return services.createdLineItems().stream().filter(i -> linkId.equals(i.resourceLinkId())).toList();
    }

    @Test
    void onlyTheContainerNamedTheLineItemIsCreatedOnceAndTheScoresPostedToIt() throws InterruptedException {
        int containerBefore = services.containerRequests();
        Landing ana = launchWithoutLineItem("li-new", "ana-sub", MANAGE);
        assertThat(services.containerRequests()).as("the launch calls no service").isEqualTo(containerBefore);

        practised(ana, 1, 1);
        assertThat(outbox(ana)).singleElement().satisfies(row -> assertThat(row.getLineItemUrl()).isNull());
        sendUntilNothingPending(passback);

        String title = dsl.select(PRACTICE_SET.TITLE).from(PRACTICE_SET).where(PRACTICE_SET.ID.eq(ana.setId()))
                .fetchOne(PRACTICE_SET.TITLE);
        assertThat(createdFor("li-new")).singleElement().satisfies(item -> {
            assertThat(item.label()).isEqualTo(title);
            assertThat(item.scoreMaximum()).isEqualTo(4.0);
            assertThat(item.tag()).isEqualTo("chainwise");
        });
        LineItem made = createdFor("li-new").getFirst();
        assertThat(savedLineItem(ana.setId())).isEqualTo(made.id());
        assertThat(received(made.name())).singleElement().satisfies(score -> {
            assertThat(score.userId()).isEqualTo("ana-sub");
            assertThat(score.scoreGiven()).isEqualTo(1.0);
        });

        int containerAfterFirst = services.containerRequests();
        Landing ben = launchWithoutLineItem("li-new", "ben-sub", MANAGE);
        practised(ben, 1, 0);
        practised(ana, 2, 2);
        sendUntilNothingPending(passback);

        assertThat(services.containerRequests()).as("the line item is remembered").isEqualTo(containerAfterFirst);
        assertThat(outbox(ben)).singleElement().satisfies(row -> assertThat(row.getLineItemUrl()).isEqualTo(made.id()));
        assertThat(received(made.name())).extracting(ReceivedScore::userId, ReceivedScore::scoreGiven)
                .containsExactlyInAnyOrder(tuple("ana-sub", 1.0),
                        tuple("ben-sub", 0.0), tuple("ana-sub", 2.0));
        assertThat(createdFor("li-new")).hasSize(1);
        assertThat(services.refusals()).noneMatch(r -> r.contains("invalid_scope") || r.contains("li-new"));
    }

    @Test
    void aLineItemTheTeacherDeletedIsMadeAgainAndTheScoresGoThere() throws InterruptedException {
        Landing dee = launchWithoutLineItem("li-deleted", "dee-sub", MANAGE);
        practised(dee, 1, 1);
        sendUntilNothingPending(passback);
        LineItem first = createdFor("li-deleted").getFirst();
        assertThat(savedLineItem(dee.setId())).isEqualTo(first.id());

        services.deleteLineItem(first.name());
        practised(dee, 2, 2);
        assertThat(outbox(dee)).last().satisfies(row -> assertThat(row.getLineItemUrl()).isEqualTo(first.id()));
        sendUntilNothingPending(passback);

        assertThat(createdFor("li-deleted")).hasSize(2);
        LineItem again = createdFor("li-deleted").get(1);
        assertThat(savedLineItem(dee.setId())).isEqualTo(again.id());
        assertThat(received(again.name())).singleElement().satisfies(score -> assertThat(score.scoreGiven()).isEqualTo(2.0));
        assertThat(outbox(dee)).extracting(GradeOutboxRecord::getStatus).containsOnly("sent");
        assertThat(services.refusals()).anyMatch(r -> r.contains(first.name() + " was deleted"));
    }

    @Test
    void aLineItemTheContainerListsForTheLinkOnItsSecondPageIsUsedAndNoneCreated() throws InterruptedException {
        services.listLineItem("other-1", "Quiz 1", "other-link", null);
        services.listLineItem("other-2", "Quiz 2", null, null);
        services.listLineItem("teachers-column", "Chain rule (teacher's column)", "li-existing", null);
        services.ignoreLineItemFilter(true);
        services.lineItemPageSize(2);
        try {
            Landing cy = launchWithoutLineItem("li-existing", "cy-sub", MANAGE);
            practised(cy, 1, 1);
            sendUntilNothingPending(passback);

            assertThat(createdFor("li-existing")).isEmpty();
            assertThat(savedLineItem(cy.setId())).endsWith("/courses/101/lineitems/teachers-column");
            assertThat(received("teachers-column")).singleElement()
                    .satisfies(score -> assertThat(score.userId()).isEqualTo("cy-sub"));
            assertThat(received("other-1")).isEmpty();
        } finally {
            services.ignoreLineItemFilter(false);
        }
    }

    @Test
    void withOnlyTheReadOnlyScopeAndNothingListedNoGradeIsSentAndTheLogSaysOnceWhatToChange() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(LineItemFinder.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Landing dee = launchWithoutLineItem("li-readonly", "dee-sub", READ_ONLY);
            Landing eve = launchWithoutLineItem("li-readonly", "eve-sub", READ_ONLY);
            practised(dee, 1, 1);
            practised(eve, 1, 1);
            sendUntilNothingPending(passback);
            practised(dee, 2, 2);
            sendUntilNothingPending(passback);

            assertThat(services.scores()).noneMatch(s -> s.userId().equals("dee-sub") || s.userId().equals("eve-sub"));
            assertThat(createdFor("li-readonly")).isEmpty();
            List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(warnings).singleElement().satisfies(line -> assertThat(line)
                    .contains("li-readonly").contains("lineitem.readonly")
                    .contains("grant the tool the AGS scope https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"));
            assertThat(outbox(dee)).as("the scores before the problem was known are given up with it; later ones not queued")
                    .singleElement().satisfies(row -> {
                        assertThat(row.getStatus()).isEqualTo("failed");
                        assertThat(row.getLastError()).contains("lineitem.readonly");
                    });
        } finally {
            logger.detachAppender(log);
            log.stop();
        }

        Landing teacher = launchWithoutLineItem("li-readonly", "tess-sub", READ_ONLY, TestPlatform.INSTRUCTOR);
        Map<?, ?> status = lmsSync(teacher);
        Map<?, ?> grades = (Map<?, ?>) status.get("grades");
        assertThat((List<?>) grades.get("missingLineItems")).singleElement()
                .satisfies(m -> assertThat(((Map<?, ?>) m).get("problem").toString()).contains("lineitem.readonly"));
    }

    @Test
    void aContainerAnswering500OrStallingDelaysTheScoreWithoutLosingItOrFailingALaunch() throws InterruptedException {
        services.failNextContainerRequests(1_000_000);
        Landing fay = launchWithoutLineItem("li-down", "fay-sub", MANAGE);
        practised(fay, 1, 1);
        passback.sendDue();
        assertThat(outbox(fay)).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("pending");
            assertThat(row.getLastError()).contains("HTTP 500");
        });

        services.failNextContainerRequests(0);
        services.stallContainer(3000);
        try {
            Landing gus = launchWithoutLineItem("li-down", "gus-sub", MANAGE);
            practised(gus, 1, 0);
            for (int round = 0; round < 5 && outbox(gus).getFirst().getLastError() == null; round++) {
                passback.sendDue();
            }
            assertThat(outbox(gus)).singleElement().satisfies(row -> {
                assertThat(row.getStatus()).isEqualTo("pending");
                assertThat(row.getLastError()).contains("did not answer within 1 s");
            });
        } finally {
            services.stallContainer(0);
        }
        assertThat(createdFor("li-down")).isEmpty();

        sendUntilNothingPending(passback);
        assertThat(createdFor("li-down")).hasSize(1);
        String name = createdFor("li-down").getFirst().name();
        assertThat(received(name)).extracting(ReceivedScore::userId).containsExactlyInAnyOrder("fay-sub", "gus-sub");
    }

    @Test
    void twoNodesSendingTheFirstScoresOfALinkAtOnceCreateOneLineItem() throws Exception {
        Landing hal = launchWithoutLineItem("li-race", "hal-sub", MANAGE);
        Landing ivy = launchWithoutLineItem("li-race", "ivy-sub", MANAGE);
        practised(hal, 1, 1);
        practised(ivy, 1, 1);
        // Slow answers keep the first node's lookup in flight while the second tries.
        services.stallContainer(300);
        Map<String, Object> otherProperties = new HashMap<>(properties);
        otherProperties.put("micronaut.server.port", -1);
        try (ApplicationContext other = ApplicationContext.run(EmbeddedServer.class, otherProperties, "test")
                .getApplicationContext();
             var threads = Executors.newFixedThreadPool(2)) {
            GradePassback otherSender = other.getBean(GradePassback.class);
            for (int round = 0; round < 100 && pending() > 0; round++) {
                Future<GradePassback.Outcome> first = threads.submit(passback::sendDue);
                Future<GradePassback.Outcome> second = threads.submit(otherSender::sendDue);
                first.get();
                second.get();
                Thread.sleep(20);
            }
        } finally {
            services.stallContainer(0);
        }
        assertThat(pending()).isZero();

        assertThat(createdFor("li-race")).hasSize(1);
        String name = createdFor("li-race").getFirst().name();
        assertThat(received(name)).extracting(ReceivedScore::userId).containsExactlyInAnyOrder("hal-sub", "ivy-sub");
    }

    /** The teacher's LMS sync view of the course, over HTTP. */
    private Map<?, ?> lmsSync(Landing teacher) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            server.getURI().resolve("/api/v1/courses/" + teacher.landedOn() + "/lms-sync"))
                    .header("Authorization", "Bearer " + teacher.token()).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new ObjectMapper().readValue(response.body(), Map.class);
        }
    }
}
