package org.chainwise.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chainwise.api.TestDatabase;
import org.chainwise.api.identity.Role;
import org.chainwise.api.identity.Sessions;
import org.chainwise.migrations.CourseFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The report routes over HTTP: the course's instructor reads them; learners and other courses' instructors may not. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTest implements TestPropertyProvider {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DSLContext dsl;

    @Inject
    Sessions sessions;

    private long courseId;
    private String instructor;
    private String learner;
    private String otherInstructor;
    private long[] attempts;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @BeforeAll
    void course() {
        CourseFixture course = new CourseFixture(dsl, "calc-1");
        courseId = course.courseId();
        long ana = enrol(course, "ana", "learner");
        long tess = enrol(course, "tess", "instructor");
        long item = course.item(ana);
        attempts = new long[] {
            course.attempt(ana, item, UUID.randomUUID(), "incorrect", "OUTER_AT_X"),
            course.attempt(ana, item, UUID.randomUUID(), "incorrect", "OUTER_AT_X", "MISSING_INNER"),
            course.attempt(ana, item, UUID.randomUUID(), "incorrect", "OUTER_AT_X"),
            course.attempt(ana, item, UUID.randomUUID(), "correct")};
        CourseFixture other = new CourseFixture(dsl, "calc-2");
        long otto = enrol(other, "otto", "instructor");
        instructor = sessions.open(tess, courseId, Role.INSTRUCTOR);
        learner = sessions.open(ana, courseId, Role.LEARNER);
        otherInstructor = sessions.open(otto, other.courseId(), Role.INSTRUCTOR);
    }

    private long enrol(CourseFixture course, String subject, String role) {
        long userId = course.student(subject);
        dsl.insertInto(COURSE_ROLE).set(COURSE_ROLE.COURSE_ID, course.courseId()).set(COURSE_ROLE.USER_ID, userId)
                .set(COURSE_ROLE.ROLE, role).execute();
        return userId;
    }

    private String base() {
        return "/api/v1/courses/" + courseId;
    }

    private List<String> routes() {
        return List.of(base() + "/report", base() + "/report.csv", base() + "/report.csv?rows=attempts",
                base() + "/report.html", base() + "/misconceptions/OUTER_AT_X/answers");
    }

    @Test
    void theInstructorGetsTheJsonReport() {
        HttpResponse<Map<String, Object>> response = client.toBlocking()
                .exchange(HttpRequest.GET(base() + "/report").bearerAuth(instructor), JSON);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).get().asString().startsWith("application/json");
        Map<String, Object> body = response.body();
        assertThat(body).containsEntry("courseId", (int) courseId).containsKeys("misconceptions", "students", "families", "weeks");
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) body.get("totals");
        assertThat(totals).containsEntry("students", 1).containsEntry("attempts", 4);
        assertThat(response.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-store");
    }

    @Test
    void theInstructorGetsBothCsvTablesAndTheHtmlPage() {
        // A browser's download asks for exactly the type the route declares.
        HttpResponse<byte[]> students = client.toBlocking().exchange(HttpRequest.GET(base() + "/report.csv")
                .accept("text/csv").bearerAuth(instructor), byte[].class);
        HttpResponse<byte[]> rows = client.toBlocking()
                .exchange(HttpRequest.GET(base() + "/report.csv?rows=attempts").bearerAuth(instructor), byte[].class);
        HttpResponse<byte[]> html = client.toBlocking().exchange(HttpRequest.GET(base() + "/report.html")
                .accept(MediaType.TEXT_HTML_TYPE).bearerAuth(instructor), byte[].class);

        assertThat(new String(students.body(), StandardCharsets.UTF_8)).startsWith("course_id,user_id,name,subject,skill,");
        assertThat(students.getContentType()).get().asString().startsWith("text/csv");
        assertThat(students.header(HttpHeaders.CONTENT_DISPOSITION)).contains("course-" + courseId + "-students.csv");
        assertThat(new String(rows.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(5);
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("OUTER_AT_X");
        assertThat(html.getContentType()).get().asString().startsWith("text/html");
    }

    @Test
    void theDrillDownPagesThroughTheAnswersBehindACode() {
        Map<String, Object> first = client.toBlocking().retrieve(
                HttpRequest.GET(base() + "/misconceptions/OUTER_AT_X/answers?limit=2").bearerAuth(instructor), JSON);
        assertThat(first).containsEntry("code", "OUTER_AT_X").containsEntry("nextBefore", (int) attempts[1]);
        assertThat(attemptIds(first)).containsExactly((int) attempts[2], (int) attempts[1]);

        Map<String, Object> second = client.toBlocking().retrieve(HttpRequest.GET(base()
                + "/misconceptions/OUTER_AT_X/answers?limit=2&before=" + attempts[1]).bearerAuth(instructor), JSON);
        assertThat(attemptIds(second)).containsExactly((int) attempts[0]);
        assertThat(second.get("nextBefore")).isNull();
    }

    @Test
    void anUnknownCodeABadLimitAndBadRowsAre400NamingTheField() {
        assertRefused(base() + "/misconceptions/NOT_A_CODE/answers", instructor, 400, "unknown_misconception", "code");
        assertRefused(base() + "/misconceptions/outer_at_x/answers", instructor, 400, "unknown_misconception", "code");
        assertRefused(base() + "/misconceptions/OUTER_AT_X/answers?limit=0", instructor, 400, "bad_limit", "limit");
        assertRefused(base() + "/misconceptions/OUTER_AT_X/answers?limit=201", instructor, 400, "bad_limit", "limit");
        assertRefused(base() + "/report.csv?rows=items", instructor, 400, "bad_rows", "rows");
    }

    @Test
    void aLearnerIsRefusedEveryRoute() {
        for (String route : routes()) {
            assertRefused(route, learner, 403, "instructors_only", null);
        }
    }

    @Test
    void anotherCoursesInstructorIsRefusedEveryRoute() {
        for (String route : routes()) {
            assertRefused(route, otherInstructor, 403, "other_course", null);
        }
    }

    @Test
    void withoutASessionEveryRouteIs401() {
        for (String route : routes()) {
            assertRefused(route, null, 401, "unauthenticated", null);
        }
    }

    private static List<Object> attemptIds(Map<String, Object> page) {
        return ((List<?>) page.get("answers")).stream().map(answer -> ((Map<?, ?>) answer).get("attemptId")).map(Object.class::cast)
                .toList();
    }

    private void assertRefused(String route, String token, int status, String code, String field) {
        HttpRequest<?> request = token == null ? HttpRequest.GET(route) : HttpRequest.GET(route).bearerAuth(token);
        try {
            client.toBlocking().exchange(request, JSON);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(route).isEqualTo(status);
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) e.getResponse().getBody(JSON).orElseThrow().get("error");
            assertThat(error).as(route).containsEntry("code", code);
            if (field != null) {
                assertThat(error).as(route).containsEntry("field", field);
            }
            return;
        }
        throw new AssertionError("expected " + status + " for " + route);
    }
}
