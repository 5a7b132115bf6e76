package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.api.lti.TestPlatformServices.member;
import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.GRADE_OUTBOX;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Sessions;
import org.chainwise.api.lti.TestPlatformServices.ReceivedScore;
import org.chainwise.api.service.PracticeService;
import org.chainwise.bank.item.AnswerPart;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole LTI Advantage flow against the test platform, over real HTTP and with the background
 * sender running as in production: a learner launches, practises through the practice API, and
 * the platform's grade book receives the score as it moves; the launch names the membership
 * service, and the roster (three pages) arrives with the students who never launched.
 */
@MicronautTest
class GradesAndRosterOverLtiTest extends LtiHttpTest {

    private static final Pattern LANDING = Pattern.compile("/(?:practice|teacher)/(\\d+)#session=([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatformServices services = TestPlatformServices.on(platform);

    @Inject
    Sessions sessions;

    @Inject
    PracticeService practice;

    @Inject
    DSLContext dsl;

    private final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("chainwise.grades.poll-interval", "100ms");
        properties.put("chainwise.roster.poll-interval", "100ms");
        return properties;
    }

    @BeforeAll
    void offerTheServices() {
        services.trustToolJwks(server.getURI().resolve("/lti/jwks"));
        services.roster(List.of(
                member("tess-sub", "Tess Teacher", "Active", TestPlatform.INSTRUCTOR),
                member("ana-sub", "Ana Lopez", "Active", TestPlatform.LEARNER),
                member("ben-sub", "Ben Okafor", "Active", TestPlatform.LEARNER),
                member("cy-sub", "Cy Young", "Active", TestPlatform.LEARNER),
                member("dee-sub", "Dee Park", "Active", TestPlatform.LEARNER)), 2);
    }

    @AfterAll
    void closeTheClient() {
        api.close();
    }

    private record Landing(long setId, String token) {
    }

    private Landing launch(String linkId, String sub) {
        return launch(linkId, sub, TestPlatform.LEARNER);
    }

    /** Launches; a learner lands on the practice set (its id), an instructor on the course (its id). */
    private Landing launch(String linkId, String sub, String role) {
        return launch(flow.resourceLink(linkId, sub, List.of(role)));
    }

    /**
     * A launch whose AGS claim names the link's line item and grants only the score scope: the tool
     * may post scores but not read the course's line items, so it cannot make a deleted one again.
     */
    private Landing launchScoresOnly(String linkId, String sub, String role) {
        return launch(request -> platform.sign(platform.resourceLink(request, flow.target(), linkId, sub, List.of(role))
                .claim(TestPlatform.AGS, Map.of(
                        "scope", List.of(TestPlatformServices.SCORE_SCOPE),
                        "lineitem", services.lineItemUrl(linkId).toString()))
                .build()));
    }

    private Landing launch(java.util.function.Function<TestPlatform.AuthRequest, String> idToken) {
        Browser.Page page = flow.launch(new Browser(), idToken);
        assertThat(page.status()).as(page.body()).isEqualTo(303);
        Matcher m = LANDING.matcher(page.location().toString());
        assertThat(m.find()).as(page.location().toString()).isTrue();
        return new Landing(Long.parseLong(m.group(1)), m.group(2));
    }

    private Map<String, Object> post(String token, String path, Map<String, Object> body) throws Exception {
        return post(token, path, body, 200);
    }

    private Map<String, Object> post(String token, String path, Map<String, Object> body, int status) throws Exception {
        return call(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token, status);
    }

    private Map<String, Object> get(String token, String path, int status) throws Exception {
        return call(HttpRequest.newBuilder(server.getURI().resolve(path)).GET(), token, status);
    }

    /**
     * An API call with the session as Bearer token. The timeout is generous: the first item of a
     * fresh JVM pays for the CAS's start-up, which on a loaded machine takes tens of seconds.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> call(HttpRequest.Builder request, String token, int status) throws Exception {
        HttpResponse<String> response = api.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.build().uri() + ": " + response.body()).isEqualTo(status);
        return JSON.readValue(response.body(), Map.class);
    }

    /** Answers the next item of the set, right or (with a made-up expression) wrong; returns the submission's progress. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> answerNext(Landing landing, boolean right) throws Exception {
        Map<String, Object> item = (Map<String, Object>) post(landing.token(),
                "/api/v1/practice-sets/" + landing.setId() + "/next", Map.of()).get("item");
        long itemId = ((Number) item.get("id")).longValue();
        Actor actor = sessions.resolve(landing.token()).orElseThrow();
        Map<String, String> answers = new HashMap<>();
        for (AnswerPart part : practice.item(actor, itemId).item().answer()) {
            answers.put(part.name(), right ? part.value().text() : "12345");
        }
        Map<String, Object> result = post(landing.token(), "/api/v1/items/" + itemId + "/attempts",
                Map.of("submissionId", UUID.randomUUID().toString(), "answers", answers));
        return (Map<String, Object>) result.get("progress");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private List<ReceivedScore> scoresOf(String lineItem, String sub) {
        return services.scores().stream().filter(s -> s.lineItem().equals(lineItem) && s.userId().equals(sub)).toList();
    }

    @Test
    void aLearnersPracticeReachesThePlatformsGradeBookAsItProgresses() throws Exception {
        Landing ana = launch("link-graded", "ana-sub");

        answerNext(ana, true);
        await("the first score reaches the platform", () -> !scoresOf("link-graded", "ana-sub").isEmpty());
        answerNext(ana, false);
        answerNext(ana, true);
        long anaId = sessions.resolve(ana.token()).orElseThrow().userId();
        await("the score after the last answer reaches the platform", () -> {
            var newest = dsl.selectFrom(GRADE_OUTBOX).where(GRADE_OUTBOX.USER_ID.eq(anaId))
                    .orderBy(GRADE_OUTBOX.SCORE_TIMESTAMP.desc()).limit(1).fetchOne();
            List<ReceivedScore> received = scoresOf("link-graded", "ana-sub");
            return newest != null && newest.getStatus().equals("sent")
                    && received.getLast().timestamp().equals(newest.getScoreTimestamp().toInstant())
                    && received.getLast().scoreGiven() == newest.getScoreGiven();
        });

        List<ReceivedScore> scores = scoresOf("link-graded", "ana-sub");
        assertThat(scores.getFirst().activityProgress()).isEqualTo("Started");
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.scoreMaximum()).isPositive();
            assertThat(score.scoreGiven()).isBetween(0.0, score.scoreMaximum());
        });
        assertThat(scores).extracting(ReceivedScore::timestamp).isSorted();
        assertThat(services.refusals()).noneMatch(r -> r.contains("invalid_client") || r.contains("invalid_scope"));
    }

    @Test
    void theLaunchBringsTheRosterWithStudentsWhoNeverLaunched() throws Exception {
        launch("link-roster", "ben-sub");

        await("the roster arrives", () -> dsl.fetchCount(COURSE_ROLE) >= 5);

        Map<String, List<String>> roles = dsl.select(APP_USER.SUBJECT, COURSE_ROLE.ROLE).from(COURSE_ROLE)
                .join(APP_USER).on(APP_USER.ID.eq(COURSE_ROLE.USER_ID))
                .fetchGroups(r -> r.value1(), r -> r.value2());
        assertThat(roles).containsEntry("cy-sub", List.of("learner")).containsEntry("dee-sub", List.of("learner"))
                .containsEntry("tess-sub", List.of("instructor")).containsEntry("ben-sub", List.of("learner"));
        assertThat(services.membershipPagesServed()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTeacherSeesAScoreThePlatformRefusedAndSendsItAgainOnceTheColumnIsBack() throws Exception {
        services.deleteLineItem("link-refused");
        Landing cy = launchScoresOnly("link-refused", "cy-sub", TestPlatform.LEARNER);
        Landing teacher = launchScoresOnly("link-refused", "tess-sub", TestPlatform.INSTRUCTOR);
        String syncPath = "/api/v1/courses/" + teacher.setId() + "/lms-sync";
        answerNext(cy, true);

        await("the refusal reaches the teacher's view", () -> {
            try {
                return ((Number) ((Map<String, Object>) get(teacher.token(), syncPath, 200).get("grades")).get("failed")).intValue() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Object> status = get(teacher.token(), syncPath, 200);
        Map<String, Object> failure = ((List<Map<String, Object>>) ((Map<String, Object>) status.get("grades")).get("failures")).getFirst();
        assertThat(failure.get("name")).isEqualTo("User cy-sub");
        assertThat((String) failure.get("reason")).contains("HTTP 404").contains("deleted");
        assertThat((Map<String, Object>) status.get("roster")).containsEntry("available", true);
        assertThat(get(cy.token(), syncPath, 403)).containsKey("error");

        services.restoreLineItem("link-refused");
        Map<String, Object> retried = post(teacher.token(), syncPath + "/retry", Map.of());
        assertThat(retried).containsEntry("requeued", 1);
        await("the score arrives once the column is back", () -> !scoresOf("link-refused", "cy-sub").isEmpty());
        assertThat(post(teacher.token(), syncPath + "/roster", Map.of(), 202)).containsKey("grades");
    }
}
