package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.chainwise.api.pages.Classroom.Member;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.ServedItems;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The teacher dashboard in a real browser, over a course whose students answered through the API. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeacherDashboardBrowserTest implements TestPropertyProvider {

    private static final String NOTE = "Several students read cos at x: try the u-substitution first?";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DSLContext dsl;

    @Inject
    ServedItems servedItems;

    @Inject
    PracticeSets sets;

    private Browser browser;
    private Member teacher;
    private Member student;
    private final List<String> wrongAnswers = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = HttpSession.applicationProperties();
        // The test's own client sets up the course through the API; on a busy shared machine a first grading is slow.
        properties.put("micronaut.http.client.read-timeout", "120s");
        return properties;
    }

    @BeforeAll
    void setUp() {
        browser = Browser.start();
        Classroom classroom = new Classroom(client.toBlocking(), dsl, servedItems);
        teacher = classroom.signIn("teacher", "Dr. Tess Okafor", "instructor");
        long setId = classroom.placeSineSet(sets, teacher.courseId());
        for (String name : List.of("Ana Lima", "Ben Carter")) {
            student = classroom.signIn(name.substring(0, 3).toLowerCase(), name, "learner");
            long itemId = classroom.next(student, setId);
            String wrong = Classroom.answerOf(classroom.served(student, itemId), Misconception.OUTER_AT_X);
            wrongAnswers.add(wrong);
            classroom.answer(student, itemId, wrong);
            classroom.answer(student, itemId, classroom.served(student, itemId).canonicalAnswer().text());
        }
        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/notes", Map.of("objectKey", "misconception:OUTER_AT_X",
                "question", NOTE, "visibility", "shared")).bearerAuth(student.token()), Map.class);
    }

    @AfterAll
    void tearDown() {
        browser.close();
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void open(Member member) {
        browser.open(url("/teacher/" + teacher.courseId() + "#session=" + member.token()));
    }

    @Test
    void theReportIsChartedAndDrillsDownToTheAnswersBehindAMisconception() throws IOException {
        browser.resize(Browser.DESKTOP);
        open(teacher);
        browser.await(d -> Boolean.TRUE.equals(browser.script("return window.chainwise.reportLoaded")));

        assertThat(browser.driver().findElements(By.cssSelector("#by-skill svg rect[data-code='OUTER_AT_X']"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#by-family svg rect[data-code='OUTER_AT_X']"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#over-time svg polyline[data-code='OUTER_AT_X']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#heat-map tbody tr"))).hasSize(2);
        browser.await(d -> d.findElement(By.id("shared-notes")).getText().contains(NOTE));
        browser.screenshot("teacher-dashboard");

        browser.driver().findElement(By.cssSelector("#by-family .legend button[data-code='OUTER_AT_X']")).click();
        WebElement answers = browser.await(d -> d.findElement(By.id("answers-table")));
        assertThat(answers.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(answers.getText()).contains(wrongAnswers.getFirst(), wrongAnswers.getLast());

        String file = "chainwise-course-" + teacher.courseId() + "-students.csv";
        Files.deleteIfExists(Browser.DOWNLOADS.resolve(file));
        browser.driver().findElement(By.id("csv-students")).click();
        Path csv = browser.await(d -> Browser.downloaded(file));
        assertThat(Files.readString(csv)).startsWith("course_id,user_id,name,subject,skill");
        browser.screenshot("teacher-drill-down");
    }

    @Test
    void readsOnAPhone() {
        browser.resize(Browser.PHONE);
        open(teacher);
        browser.await(d -> Boolean.TRUE.equals(browser.script("return window.chainwise.reportLoaded")));
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(Browser.PHONE.width);
        browser.screenshot("teacher-dashboard-phone");
    }

    @Test
    void aStudentIsToldTheDashboardIsNotForThem() {
        browser.resize(Browser.DESKTOP);
        open(student);
        WebElement status = browser.await(d -> d.findElement(By.cssSelector("#status .status-error")));
        assertThat(status.getText()).isNotBlank();
    }
}
