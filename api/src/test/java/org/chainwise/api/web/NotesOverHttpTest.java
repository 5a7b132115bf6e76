package org.chainwise.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.chainwise.api.HttpSession.Answer;
import org.chainwise.api.service.demo.DemoCourse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Research-room notes over HTTP against PostgreSQL, in the seeded demo course. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesOverHttpTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DemoCourse demoCourse;

    @Inject
    DSLContext dsl;

    private DemoCourse.Seeded demo;
    private HttpSession ana;
    private HttpSession ben;
    private HttpSession teacher;
    private HttpSession otherTeacher;

    @Override
    public Map<String, String> getProperties() {
        return HttpSession.applicationProperties();
    }

    @BeforeAll
    void signIn() {
        demo = demoCourse.seed();
        ana = HttpSession.demo(client, "ana", "learner");
        ben = HttpSession.demo(client, "ben", "learner");
        teacher = HttpSession.demo(client, DemoCourse.INSTRUCTOR, "instructor");
        otherTeacher = HttpSession.signIn(client, "olga", "other-course", "Another course", "instructor");
    }

    private static Map<String, Object> note(String objectKey, String question, String visibility) {
        Map<String, Object> note = new HashMap<>();
        note.put("objectKey", objectKey);
        note.put("question", question);
        note.put("evidence", "I tried sin(x^2) and got 2x cos(x).");
        note.put("resolution", "A picture of where cos is evaluated.");
        note.put("nextAction", "Move the x slider in the demo.");
        note.put("visibility", visibility);
        return note;
    }

    private static long id(Answer answer) {
        return ((Number) answer.json().get("id")).longValue();
    }

    @Test
    void aNoteSavedPrivatelyThenSharedIsSeenByTheInstructorAndNeverByAnotherLearner() {
        Answer saved = ana.post("/api/v1/notes", note("equation:chain-rule", "Why is f' read at g(x)?", "private"));
        assertThat(saved.status()).isEqualTo(201);
        long id = id(saved);
        assertThat(saved.json()).containsEntry("objectKey", "equation:chain-rule")
                .containsEntry("visibility", "private").containsEntry("authorName", "Ana Lima")
                .hasEntrySatisfying("authorId", author -> assertThat(((Number) author).longValue()).isEqualTo(ana.userId()));

        assertThat(teacher.get("/api/v1/notes/" + id).status()).isEqualTo(404);
        assertThat(ids(teacher.get("/api/v1/courses/" + demo.courseId() + "/notes"))).doesNotContain(id);

        Answer shared = ana.put("/api/v1/notes/" + id, note("equation:chain-rule", "Why is f' read at g(x)?", "shared"));
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json()).containsEntry("visibility", "shared");

        assertThat(teacher.get("/api/v1/notes/" + id).json()).containsEntry("question", "Why is f' read at g(x)?");
        assertThat(ids(teacher.get("/api/v1/courses/" + demo.courseId() + "/notes?object=equation:chain-rule")))
                .containsExactly(id);
        assertThat(teacher.get("/api/v1/notes/" + id + "/handoff").json().get("prompt").toString())
                .contains("LaTeX: \\frac{d}{dx} f\\bigl(g(x)\\bigr)", "My question: Why is f' read at g(x)?");
        assertThat(ids(teacher.get("/api/v1/notes"))).doesNotContain(id);

        assertThat(ben.get("/api/v1/notes/" + id).status()).isEqualTo(404);
        assertThat(ben.get("/api/v1/notes/" + id + "/handoff").status()).isEqualTo(404);
        assertThat(ids(ben.get("/api/v1/notes"))).doesNotContain(id);
        assertThat(otherTeacher.get("/api/v1/notes/" + id).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAuthorChangesOrDeletesANoteTheInstructorCanRead() {
        long id = id(ana.post("/api/v1/notes", note("misconception:OUTER_AT_X", "Is this what I do?", "shared")));

        Answer byTeacher = teacher.put("/api/v1/notes/" + id, note("misconception:OUTER_AT_X", "Edited", "shared"));
        assertThat(byTeacher.status()).isEqualTo(403);
        assertThat(byTeacher.error()).containsEntry("code", "not_the_author");
        assertThat(teacher.delete("/api/v1/notes/" + id).status()).isEqualTo(403);
        assertThat(ben.put("/api/v1/notes/" + id, note("misconception:OUTER_AT_X", "Mine now", "shared")).status())
                .isEqualTo(404);
        assertThat(ben.delete("/api/v1/notes/" + id).status()).isEqualTo(404);

        assertThat(ana.delete("/api/v1/notes/" + id).status()).isEqualTo(204);
        assertThat(ana.get("/api/v1/notes/" + id).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/notes/" + id).status()).isEqualTo(404);
    }

    @Test
    void aLearnerListsTheirNotesOnOneObjectAndOnlyTheirs() {
        long mine = id(ben.post("/api/v1/notes", note("witness:torch-autograd", "Why float32?", "private")));
        id(ben.post("/api/v1/notes", note("claim:chain-rule/rates-multiply", "Always?", "private")));

        assertThat(ids(ben.get("/api/v1/notes?object=witness:torch-autograd"))).containsExactly(mine);
        assertThat(ana.get("/api/v1/notes?object=witness:torch-autograd").list()).isEmpty();
    }

    @Test
    void aLearnerMayPointAtTheirOwnItemsAndAttemptsButNotAnotherLearnersOrAnotherCourses() {
        long bensAttempt = dsl.select(ATTEMPT.ID).from(ATTEMPT)
                .where(ATTEMPT.USER_ID.eq(demo.learners().get("ben"))).orderBy(ATTEMPT.ID).limit(1).fetchSingle().value1();
        long bensItem = dsl.select(ITEM_SERVED.ID).from(ITEM_SERVED)
                .where(ITEM_SERVED.USER_ID.eq(demo.learners().get("ben"))).orderBy(ITEM_SERVED.ID).limit(1).fetchSingle().value1();

        Answer own = ben.post("/api/v1/notes", note("attempt:" + bensAttempt, "Why was this wrong?", "shared"));
        assertThat(own.status()).isEqualTo(201);
        assertThat(ben.post("/api/v1/notes", note("item:" + bensItem, "Which is inner?", "private")).status()).isEqualTo(201);
        String prompt = ben.get("/api/v1/notes/" + id(own) + "/handoff").json().get("prompt").toString();
        assertThat(prompt).contains("an answer given to a practice item", "Answer typed: ", "Graded: incorrect",
                "Misconceptions diagnosed: OUTER_AT_X");
        assertThat(teacher.get("/api/v1/notes/" + id(own) + "/handoff").json().get("prompt").toString()).isEqualTo(prompt);

        Answer others = ana.post("/api/v1/notes", note("attempt:" + bensAttempt, "Whose is this?", "private"));
        assertThat(others.status()).isEqualTo(400);
        assertThat(others.error()).containsEntry("field", "objectKey").containsEntry("code", "invalid_object_key");
        assertThat(ana.post("/api/v1/notes", note("item:" + bensItem, "Whose?", "private")).status()).isEqualTo(400);
        assertThat(otherTeacher.post("/api/v1/notes", note("item:" + bensItem, "Whose?", "private")).status())
                .isEqualTo(400);
        assertThat(teacher.post("/api/v1/notes", note("attempt:" + bensAttempt, "Ben again", "private")).status())
                .isEqualTo(201);
    }

    @Test
    void aQuestionBankItemAndADemoStateAreExactObjectsToo() {
        Answer item = ana.post("/api/v1/notes", note("item:outer-sin/d2-c2-k5/3", "Why this stem?", "private"));
        Answer demoState = ana.post("/api/v1/notes", note("demo:graph-sliders?x=1.5&dx=0.1", "Why steeper?", "private"));

        assertThat(item.status()).isEqualTo(201);
        assertThat(ana.get("/api/v1/notes/" + id(item) + "/handoff").json().get("prompt").toString())
                .contains("a question-bank item of the family outer-sin", "Question: ");
        assertThat(demoState.status()).isEqualTo(201);
        assertThat(ana.get("/api/v1/notes/" + id(demoState) + "/handoff").json().get("prompt").toString())
                .contains("Where I set them: x = 1.5, dx = 0.1");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            objectKey  | page:chain-rule                  | invalid_object_key | must start with one of concept, intuition, equation
            objectKey  | equation:no-such-equation        | invalid_object_key | There is no equation:no-such-equation on the chain-rule page
            objectKey  | misconception:CONFUSED           | invalid_object_key | There is no misconception:CONFUSED
            objectKey  | demo:graph-sliders?y=2           | invalid_object_key | has no slider 'y'; its sliders are x, dx, a
            objectKey  | demo:graph-sliders?x=9           | invalid_object_key | goes from -3.0 to 3.0, not 9
            objectKey  | item:999999                      | invalid_object_key | There is no item 999999 of yours
            objectKey  | item:no-such-family/d2-c2-k5/1   | invalid_object_key | has no family 'no-such-family'
            objectKey  | item:outer-sin/d7-c2-k5/1        | invalid_object_key | depth is 2 or 3
            objectKey  | attempt:first                    | invalid_object_key | attempt:<number>
            question   | ''                               | invalid_question   | question is required
            visibility | public                           | invalid_visibility | must be "private" (only you) or "shared"
            evidence   | LONG                             | invalid_evidence   | at most 4000 are kept
            nextAction | LONG                             | invalid_nextAction | at most 4000 are kept
            """)
    void badNoteFieldsAreRefusedWithA400NamingTheField(String field, String value, String code, String message) {
        Map<String, Object> body = note("equation:chain-rule", "A question", "private");
        body.put(field, "LONG".equals(value) ? "x".repeat(4001) : value);

        Answer refused = ana.post("/api/v1/notes", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).containsEntry("field", field).containsEntry("code", code);
        assertThat(refused.error().get("message").toString()).contains(message);
    }

    @Test
    void malformedRequestsAreJson4xxNeverA500() {
        List<Answer> answers = List.of(
                ana.send(HttpRequest.POST("/api/v1/notes", "{not json").contentType(MediaType.APPLICATION_JSON_TYPE)),
                ana.send(HttpRequest.POST("/api/v1/notes", "[1, 2]").contentType(MediaType.APPLICATION_JSON_TYPE)),
                ana.send(HttpRequest.POST("/api/v1/notes", "{\"objectKey\": 5, \"question\": {}}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)),
                ana.get("/api/v1/notes/not-a-number"),
                ana.get("/api/v1/notes/99999999999999999999999"),
                ana.get("/api/v1/notes/-1"),
                ana.get("/api/v1/notes?limit=0"),
                ana.get("/api/v1/notes?limit=many"),
                ana.get("/api/v1/notes?offset=-5"),
                ana.get("/api/v1/notes?object=nothing"));

        for (Answer answer : answers) {
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.error()).containsKeys("code", "message");
        }
        assertThat(HttpSession.exchange(client, HttpRequest.GET("/api/v1/notes")).status()).isEqualTo(401);
    }

    private static List<Long> ids(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return answer.list().stream().map(n -> ((Number) n.get("id")).longValue()).toList();
    }
}
