package org.chainwise.api.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the practice routes refuse, and how: another learner's data (404, as if it did not exist, so
 * ids reveal nothing), no session (401), bad input (400 naming the field), a state conflict (409);
 * and the same submission sent twice, one after the other or at once, counted once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeRefusalsTest extends PracticeHttp {

    private Learner ana;
    private Learner ben;
    private Learner stranger;
    private Learner teacher;
    private Learner otherTeacher;
    private long set;
    private long anasItem;

    @BeforeAll
    void twoLearnersOfOneCourseAndOneOfAnother() {
        ana = signIn("ana", "refusals");
        ben = signIn("ben", "refusals");
        stranger = signIn("sam", "elsewhere");
        teacher = signIn("tess", "refusals", "instructor");
        otherTeacher = signIn("otto", "elsewhere", "instructor");
        set = placeSet(ana, List.of(Skill.EVALUATE_AT_INNER), List.of("outer-sin", "outer-cos"), new CompletionRule.ItemCount(50));
        anasItem = id(next(ana, set));
    }

    private void assertRefused(HttpRequest<?> request, int status, String code) {
        HttpClientResponseException refused = refusal(request);
        assertThat(refused.getStatus().getCode()).as(request.getMethodName() + " " + request.getPath()).isEqualTo(status);
        assertThat(errorOf(refused)).as(request.getPath()).containsEntry("code", code).containsKey("message");
    }

    private static Map<String, Object> attempt(String submissionId, Object answers) {
        return Map.of("submissionId", submissionId, "answers", answers);
    }

    @Test
    void aLearnerIsRefusedAnotherLearnersItemAttemptsHintsSolutionAndPreviewAsNotFound() {
        String item = "/api/v1/items/" + anasItem;
        // An instructor reads learners' work through the teacher routes, never by acting on their items.
        for (Learner other : List.of(ben, stranger, teacher, otherTeacher)) {
            assertRefused(HttpRequest.GET(item).bearerAuth(other.token()), 404, "unknown_item");
            assertRefused(HttpRequest.POST(item + "/attempts", attempt(UUID.randomUUID().toString(), Map.of("answer", "0")))
                    .bearerAuth(other.token()), 404, "unknown_item");
            assertRefused(HttpRequest.POST(item + "/hints", Map.of()).bearerAuth(other.token()), 404, "unknown_item");
            assertRefused(HttpRequest.POST(item + "/solution", Map.of()).bearerAuth(other.token()), 404, "unknown_item");
            assertRefused(HttpRequest.POST(item + "/preview", Map.of("answer", "x")).bearerAuth(other.token()), 404, "unknown_item");
        }
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.ITEM_ID.eq(anasItem))).isZero();
    }

    @Test
    void aLearnerOrInstructorOfAnotherCourseCannotReachTheSetOrItsProgress() {
        for (Learner other : List.of(stranger, otherTeacher)) {
            assertRefused(HttpRequest.POST("/api/v1/practice-sets/" + set + "/next", Map.of()).bearerAuth(other.token()),
                    404, "no_practice_set");
            assertRefused(HttpRequest.GET("/api/v1/progress?practiceSet=" + set).bearerAuth(other.token()), 404, "no_practice_set");
        }
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/practice-sets").bearerAuth(stranger.token()),
                io.micronaut.core.type.Argument.listOf(JSON))).isEmpty();
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/practice-sets").bearerAuth(ana.token()),
                io.micronaut.core.type.Argument.listOf(JSON))).extracting(s -> ((Number) s.get("id")).longValue()).contains(set);
    }

    @Test
    void aLearnersProgressIsTheirOwn() {
        Learner cleo = signIn("cleo", "refusals");
        Map<String, Object> item = next(cleo, set);
        submit(cleo, id(item), rightAnswer(cleo, item));

        assertThat(get(cleo, "/api/v1/progress?practiceSet=" + set)).containsEntry("itemsCorrect", 1);
        assertThat(get(ben, "/api/v1/progress?practiceSet=" + set)).containsEntry("itemsCorrect", 0);
    }

    @Test
    void everyPracticeRouteWantsASession() {
        for (HttpRequest<?> request : List.<HttpRequest<?>>of(
                HttpRequest.GET("/api/v1/practice-sets"),
                HttpRequest.POST("/api/v1/practice-sets/" + set + "/next", Map.of()),
                HttpRequest.GET("/api/v1/items/" + anasItem),
                HttpRequest.POST("/api/v1/items/" + anasItem + "/preview", Map.of("answer", "x")),
                HttpRequest.POST("/api/v1/items/" + anasItem + "/attempts", attempt(UUID.randomUUID().toString(), Map.of("answer", "x"))),
                HttpRequest.POST("/api/v1/items/" + anasItem + "/hints", Map.of()),
                HttpRequest.POST("/api/v1/items/" + anasItem + "/solution", Map.of()),
                HttpRequest.GET("/api/v1/progress?practiceSet=" + set),
                HttpRequest.GET("/api/v1/concepts/misconception:OUTER_AT_X"),
                HttpRequest.POST("/api/v1/check", Map.of("function", "sin(x)", "variable", "x", "answer", "cos(x)")))) {
            assertRefused(request, 401, "unauthenticated");
        }
    }

    @Test
    void badSubmissionsAreRefusedNamingTheField() {
        String attempts = "/api/v1/items/" + anasItem + "/attempts";
        assertRefused(HttpRequest.POST(attempts, Map.of("answers", Map.of("answer", "0"))).bearerAuth(ana.token()),
                400, "missing_submissionId");
        assertRefused(HttpRequest.POST(attempts, attempt("not-a-uuid", Map.of("answer", "0"))).bearerAuth(ana.token()),
                400, "invalid_submissionId");
        assertRefused(HttpRequest.POST(attempts, Map.of("submissionId", UUID.randomUUID().toString())).bearerAuth(ana.token()),
                400, "missing_answers");
        Map<String, String> nullPart = new java.util.HashMap<>();
        nullPart.put("answer", null);
        assertRefused(HttpRequest.POST(attempts, attempt(UUID.randomUUID().toString(), nullPart)).bearerAuth(ana.token()),
                400, "missing_answers");
        assertRefused(HttpRequest.POST(attempts, attempt(UUID.randomUUID().toString(), Map.of("answer", "x".repeat(10_240))))
                .bearerAuth(ana.token()), 400, "answer_too_long");
        assertRefused(HttpRequest.POST(attempts, attempt(UUID.randomUUID().toString(), Map.of("f", "sin(u)")))
                .bearerAuth(ana.token()), 400, "unknown_part");
        assertRefused(HttpRequest.POST(attempts, Map.of("submissionId", UUID.randomUUID().toString(), "answers", Map.of("answer", "0"),
                "startedAt", "yesterday")).bearerAuth(ana.token()), 400, "invalid_startedAt");
        assertRefused(HttpRequest.POST(attempts, "{\"submissionId\": ").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(ana.token()), 400, "bad_request");
        assertRefused(HttpRequest.POST("/api/v1/items/999999/attempts", attempt(UUID.randomUUID().toString(), Map.of("answer", "0")))
                .bearerAuth(ana.token()), 404, "unknown_item");
        assertRefused(HttpRequest.POST("/api/v1/items/abc/attempts", attempt(UUID.randomUUID().toString(), Map.of("answer", "0")))
                .bearerAuth(ana.token()), 400, "bad_request");
        assertRefused(HttpRequest.POST("/api/v1/practice-sets/999999/next", Map.of()).bearerAuth(ana.token()), 404, "no_practice_set");
        assertRefused(HttpRequest.GET("/api/v1/progress?practiceSet=abc").bearerAuth(ana.token()), 400, "invalid_practiceSet");
        assertRefused(HttpRequest.GET("/api/v1/concepts/misconception:NOPE").bearerAuth(ana.token()), 404, "unknown_concept");
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.ITEM_ID.eq(anasItem))).isZero();
    }

    @Test
    void anUnreadableAnswerIsRecordedAsInvalidWithItsPositionAndAPreviewRecordsNothing() {
        Learner dan = signIn("dan", "refusals");
        long item = id(next(dan, set));

        Map<String, Object> preview = post(dan, "/api/v1/items/" + item + "/preview", Map.of("answer", "2x cos((x^2)"));
        Map<String, Object> read = post(dan, "/api/v1/items/" + item + "/preview", Map.of("answer", "2x cos(x^2)"));
        int afterPreviews = dsl.fetchCount(ATTEMPT, ATTEMPT.ITEM_ID.eq(item));
        Map<String, Object> invalid = submit(dan, item, Map.of("answer", "2x cos((x^2)"));

        assertThat(preview).containsEntry("valid", false);
        assertThat(read).containsEntry("valid", true);
        assertThat(afterPreviews).isZero();
        assertThat(invalid).containsEntry("verdict", "invalid").containsEntry("solved", false);
        assertThat(invalid.get("error")).isNotNull();
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.ITEM_ID.eq(item).and(ATTEMPT.VERDICT.eq("invalid")))).isEqualTo(1);
        assertThat(id(next(dan, set))).as("an invalid answer leaves the item open").isEqualTo(item);
    }

    @Test
    void anAnswerToASolvedItemIsAConflictButItsOwnRetryIsItsFirstResult() {
        Learner eve = signIn("eve", "refusals");
        Map<String, Object> item = next(eve, set);
        String submission = UUID.randomUUID().toString();
        Map<String, Object> first = submit(eve, id(item), submission, rightAnswer(eve, item));

        Map<String, Object> retry = submit(eve, id(item), submission, rightAnswer(eve, item));
        HttpClientResponseException another = refusal(HttpRequest.POST("/api/v1/items/" + id(item) + "/attempts",
                attempt(UUID.randomUUID().toString(), rightAnswer(eve, item))).bearerAuth(eve.token()));

        assertThat(retry).containsEntry("duplicate", true).containsEntry("attemptId", first.get("attemptId"))
                .containsEntry("verdict", "correct");
        assertThat(another.getStatus().getCode()).isEqualTo(409);
        assertThat(errorOf(another)).containsEntry("code", "already_solved");
    }

    @Test
    void theSameSubmissionTwiceIsCountedOnce() {
        Learner fay = signIn("fay", "refusals");
        long item = id(next(fay, set));
        String submission = UUID.randomUUID().toString();

        Map<String, Object> first = submit(fay, item, submission, Map.of("answer", "0"));
        Map<String, Object> again = submit(fay, item, submission, Map.of("answer", "0"));

        assertThat(first).containsEntry("duplicate", false);
        assertThat(again).containsEntry("duplicate", true).containsEntry("attemptId", first.get("attemptId"))
                .containsEntry("verdict", first.get("verdict")).containsEntry("misconceptions", first.get("misconceptions"));
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.SUBMISSION_ID.eq(UUID.fromString(submission)))).isEqualTo(1);
        assertThat(progressOf(again)).containsEntry("itemsAttempted", 1);
    }

    @Test
    void theSameSubmissionSentConcurrentlyIsRecordedOnce() throws Exception {
        Learner gus = signIn("gus", "refusals");
        Map<String, Object> item = next(gus, set);
        String submission = UUID.randomUUID().toString();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Map<String, Object>>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return submit(gus, id(item), submission, rightAnswer(gus, item));
            }));
        }
        start.countDown();
        List<Map<String, Object>> bodies = results.stream().map(CompletableFuture::join).toList();

        assertThat(bodies).filteredOn(b -> Boolean.FALSE.equals(b.get("duplicate"))).hasSize(1);
        assertThat(bodies).extracting(b -> b.get("attemptId")).containsOnly(bodies.getFirst().get("attemptId"));
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.SUBMISSION_ID.eq(UUID.fromString(submission)))).isEqualTo(1);
        assertThat(dsl.select(PRACTICE_ENROLLMENT.ITEMS_CORRECT).from(PRACTICE_ENROLLMENT)
                .where(PRACTICE_ENROLLMENT.USER_ID.eq(gus.actor().userId())).fetchSingle().value1()).isEqualTo(1);
    }

    @Test
    void aSubmissionIdReusedForAnotherItemIsAConflict() {
        Learner hal = signIn("hal", "refusals");
        long first = id(next(hal, set));
        String submission = UUID.randomUUID().toString();
        submit(hal, first, submission, Map.of("answer", "0"));
        long second = id(next(hal, set));

        assertRefused(HttpRequest.POST("/api/v1/items/" + second + "/attempts", attempt(submission, Map.of("answer", "0")))
                .bearerAuth(hal.token()), 409, "submission_reused");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkIsTheGradeContract() {
        Map<String, Object> graded = post(ana, "/api/v1/check",
                Map.of("id", "c1", "function", "sin(x^2)", "variable", "x", "answer", "cos(x)*2x"));

        assertThat(graded).containsEntry("id", "c1").containsEntry("verdict", "incorrect").containsKeys("interpretedAs", "ms");
        assertThat(((List<Map<String, Object>>) graded.get("misconceptions")).getFirst()).containsEntry("code", "OUTER_AT_X");
        assertThat(post(ana, "/api/v1/check", Map.of("function", "sin(x^2)", "variable", "x", "answer", "2x cos((")))
                .containsEntry("verdict", "invalid").containsKey("error");
        assertRefused(HttpRequest.POST("/api/v1/check", Map.of("function", "sin(x^2)", "variable", "x")).bearerAuth(ana.token()),
                400, "invalid_answer");
        assertRefused(HttpRequest.POST("/api/v1/check", "[1, 2]").contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(ana.token()),
                400, "invalid_request");
    }
}
