package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chainwise.api.pages.Classroom.Member;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The teacher dashboard in a real browser, over a course whose students answered through the API. */
@MicronautTest
class TeacherDashboardBrowserTest extends BrowserTest {

    private static final String NOTE = "Several students read cos at x: try the u-substitution first?";

    private Member teacher;
    private Member student;
    private final List<String> wrongAnswers = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Classroom classroom = classroom();
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
