package org.chainwise.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chainwise.api.HttpSession;
import org.chainwise.api.HttpSession.Answer;
import org.chainwise.api.service.demo.DemoCourse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The teachers' api over HTTP against PostgreSQL: what an instructor of the demo course sees, and who is refused. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachersOverHttpTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DemoCourse demoCourse;

    private DemoCourse.Seeded demo;
    private HttpSession teacher;
    private HttpSession learner;
    private HttpSession otherTeacher;

    @Override
    public Map<String, String> getProperties() {
        return HttpSession.applicationProperties();
    }

    @BeforeAll
    void signIn() {
        demo = demoCourse.seed();
        teacher = HttpSession.demo(client, DemoCourse.INSTRUCTOR, "instructor");
        learner = HttpSession.demo(client, "ana", "learner");
        otherTeacher = HttpSession.signIn(client, "olga", "other-course", "Another course", "instructor");
    }

    private static Map<String, Object> practiceSet(String title, List<String> skills, List<String> families,
            Map<String, Object> completion) {
        Map<String, Object> set = new HashMap<>();
        set.put("title", title);
        set.put("skills", skills);
        set.put("families", families);
        set.put("completion", completion);
        return set;
    }

    private static Map<String, Object> validSet() {
        return practiceSet("Sines only", List.of("OUTER_DERIVATIVE", "INNER_FACTOR"), List.of("outer-sin"),
                Map.of("rule", "item_count", "items", 20));
    }

    /** Every teachers' endpoint, as a request for the given course. */
    static List<Object[]> endpoints() {
        List<Function<Long, MutableHttpRequest<?>>> requests = List.of(
                course -> HttpRequest.GET("/api/v1/courses/" + course + "/practice-sets"),
                course -> HttpRequest.POST("/api/v1/courses/" + course + "/practice-sets", validSet()),
                course -> HttpRequest.PUT("/api/v1/courses/" + course + "/practice-sets/1", validSet()),
                course -> HttpRequest.GET("/api/v1/courses/" + course + "/students"),
                course -> HttpRequest.GET("/api/v1/courses/" + course + "/notes"));
        List<String> names = List.of("list practice sets", "create a practice set", "change a practice set",
                "list students", "list shared notes");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            rows.add(new Object[] {names.get(i), requests.get(i)});
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aLearnerAndAnotherCoursesInstructorAreRefusedAndNoSessionIs401(String name,
            Function<Long, MutableHttpRequest<?>> request) {
        Answer byLearner = learner.send(request.apply(demo.courseId()));
        Answer byOtherInstructorHere = otherTeacher.send(request.apply(demo.courseId()));
        Answer anonymous = HttpSession.exchange(client, request.apply(demo.courseId()));

        assertThat(byLearner.status()).isEqualTo(403);
        assertThat(byLearner.error()).containsEntry("code", "instructors_only");
        assertThat(byOtherInstructorHere.status()).isEqualTo(403);
        assertThat(byOtherInstructorHere.error()).containsEntry("code", "other_course");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anInstructorOfTheCourseIsAnswered(String name, Function<Long, MutableHttpRequest<?>> request) {
        MutableHttpRequest<?> sent = request.apply(demo.courseId());
        if (sent.getPath().endsWith("/practice-sets/1")) {
            Answer created = teacher.post("/api/v1/courses/" + demo.courseId() + "/practice-sets", validSet());
            sent = HttpRequest.PUT("/api/v1/courses/" + demo.courseId() + "/practice-sets/" + created.json().get("id"),
                    validSet());
        }
        assertThat(teacher.send(sent).status()).isBetween(200, 201);
    }

    @Test
    void theInstructorListsCreatesAndChangesPracticeSets() {
        String base = "/api/v1/courses/" + demo.courseId() + "/practice-sets";
        assertThat(teacher.get(base).list()).extracting(s -> s.get("title"))
                .startsWith("Chain rule basics", "Three-layer chains");

        Answer created = teacher.post(base, practiceSet("Exponentials", List.of("OUTER_DERIVATIVE"), List.of("outer-exp"),
                Map.of("rule", "mastery", "threshold", 0.9)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("title", "Exponentials")
                .containsEntry("skills", List.of("OUTER_DERIVATIVE")).containsEntry("families", List.of("outer-exp"))
                .containsEntry("completion", Map.of("rule", "mastery", "threshold", 0.9));
        long id = ((Number) created.json().get("id")).longValue();

        Answer changed = teacher.put(base + "/" + id, practiceSet("Exponentials, 12 items",
                List.of("OUTER_DERIVATIVE", "INNER_FACTOR"), List.of(), Map.of("rule", "item_count", "items", 12)));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("skills", List.of("OUTER_DERIVATIVE", "INNER_FACTOR"))
                .containsEntry("families", List.of()).containsEntry("completion", Map.of("rule", "item_count", "items", 12));
        assertThat(teacher.get(base).list()).filteredOn(s -> ((Number) s.get("id")).longValue() == id)
                .extracting(s -> s.get("title")).containsExactly("Exponentials, 12 items");

        assertThat(teacher.put(base + "/987654", validSet()).status()).isEqualTo(404);
        long otherCourseSet = ((Number) otherTeacher.post("/api/v1/courses/" + otherTeacher.courseId() + "/practice-sets",
                validSet()).json().get("id")).longValue();
        assertThat(teacher.put(base + "/" + otherCourseSet, validSet()).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title      | ''                        | title is required
            skills     | []                        | at least one skill
            skills     | [FLUENCY]                 | 'FLUENCY' is not a skill; the skills are DECOMPOSE, OUTER_DERIVATIVE
            families   | [outer-sinh]              | 'outer-sinh' is not a family of the question bank
            families   | [jacobian-2x2]            | not a family
            completion | {"rule":"forever"}        | completion.rule must be "mastery" or "item_count"
            completion | {"rule":"mastery"}        | threshold
            completion | {"rule":"mastery","threshold":1.5} | t in (0, 1]
            completion | {"rule":"item_count","items":0}    | n from 1 to 1000
            completion | null                      | completion is required
            """)
    void badPracticeSetFieldsAreRefusedWithA400NamingTheField(String field, String json, String message) {
        Map<String, Object> body = validSet();
        body.put(field, switch (json) {
            case "" -> "";
            case "null" -> null;
            case "[]" -> List.of();
            default -> json.startsWith("[") ? List.of(json.substring(1, json.length() - 1)) : parse(json);
        });

        Answer refused = teacher.post("/api/v1/courses/" + demo.courseId() + "/practice-sets", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).containsEntry("field", field);
        assertThat(refused.error().get("message").toString()).contains(message);
    }

    @Test
    void aFamilyThatTrainsNoneOfTheSkillsIsRefused() {
        Answer refused = teacher.post("/api/v1/courses/" + demo.courseId() + "/practice-sets",
                practiceSet("Graphs", List.of("GRAPH_PATHS"), List.of("outer-sin"), Map.of("rule", "item_count", "items", 5)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).containsEntry("field", "families");
        assertThat(refused.error().get("message").toString()).contains("none of the set's skills [GRAPH_PATHS]");
    }

    @Test
    void studentsListsEveryLearnerStartedOrNotWithMasteryAndHeldMisconceptionsAPageAtATime() {
        String base = "/api/v1/courses/" + demo.courseId() + "/students";
        Answer all = teacher.get(base);
        assertThat(all.json()).containsEntry("total", 6).containsEntry("limit", 100).containsEntry("offset", 0);
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object s : (List<?>) all.json().get("students")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> student = (Map<String, Object>) s;
            byName.put((String) student.get("name"), student);
        }
        assertThat(byName).containsOnlyKeys("Ana Lima", "Ben Carter", "Chen Wei", "Dina Haddad", "Emil Novak", "Farah Ahmed");

        assertThat(byName.get("Farah Ahmed")).containsEntry("started", false).containsEntry("answers", 0)
                .containsEntry("skills", List.of()).containsEntry("misconceptions", List.of());
        // The engine may name a second misconception beside the one scripted, and both then rise.
        assertThat(codes(byName.get("Ben Carter"))).contains("OUTER_AT_X");
        assertThat(codes(byName.get("Chen Wei"))).contains("MISSING_INNER");
        assertThat(codes(byName.get("Ana Lima"))).isEmpty();
        assertThat(byName.get("Ben Carter")).containsEntry("started", true).containsEntry("answers", 8)
                .containsEntry("correct", 4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> anasSkills = (List<Map<String, Object>>) byName.get("Ana Lima").get("skills");
        assertThat(anasSkills).extracting(s -> s.get("skill"))
                .contains("OUTER_DERIVATIVE", "EVALUATE_AT_INNER", "INNER_FACTOR", "MULTI_LAYER");
        assertThat(anasSkills).allSatisfy(s -> assertThat(((Number) s.get("pMastery")).doubleValue()).isBetween(0.0, 1.0));

        Answer page = teacher.get(base + "?limit=2&offset=2");
        assertThat(page.json()).containsEntry("total", 6).containsEntry("limit", 2).containsEntry("offset", 2);
        assertThat((List<?>) page.json().get("students")).hasSize(2);
        assertThat(teacher.get(base + "?limit=0").error()).containsEntry("field", "limit");
        assertThat(teacher.get(base + "?limit=501").status()).isEqualTo(400);
        assertThat(teacher.get(base + "?offset=-1").error()).containsEntry("field", "offset");
    }

    @Test
    void sharedNotesOfTheCourseAreListedForItsInstructorAndPrivateOnesAreNot() {
        Answer notes = teacher.get("/api/v1/courses/" + demo.courseId() + "/notes");

        assertThat(notes.list()).extracting(n -> n.get("authorName")).containsExactlyInAnyOrder("Ben Carter", "Chen Wei");
        assertThat(notes.list()).allSatisfy(n -> assertThat(n).containsEntry("visibility", "shared"));
        assertThat(teacher.get("/api/v1/courses/" + demo.courseId() + "/notes?object=misconception:OUTER_AT_X").list())
                .extracting(n -> n.get("authorName")).containsExactly("Ben Carter");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<String, Object> student) {
        return ((List<Map<String, Object>>) student.get("misconceptions")).stream().map(m -> m.get("code")).toList();
    }

    private static Map<String, Object> parse(String json) {
        Map<String, Object> map = new HashMap<>();
        for (String pair : json.substring(1, json.length() - 1).split(",")) {
            String[] kv = pair.split(":");
            String key = kv[0].replace("\"", "");
            String value = kv[1];
            map.put(key, value.startsWith("\"") ? value.replace("\"", "")
                    : value.contains(".") ? (Object) Double.valueOf(value) : Integer.valueOf(value));
        }
        return map;
    }
}
