package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chainwise.api.pages.Classroom.Member;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The practice page in a real browser, framed by an LMS page on another origin: a wrong answer
 * named as OUTER_AT_X with its repair, three hints, the right answer; the live preview, measured.
 */
@MicronautTest
class PracticePageBrowserTest extends BrowserTest {

    private Classroom classroom;
    private long setId;

    @BeforeAll
    void setUp() {
        classroom = classroom();
        Member teacher = classroom.signIn("teacher", "Dr. Tess Okafor", "instructor");
        setId = classroom.placeSineSet(sets, teacher.courseId());
    }

    private WebElement byId(String id) {
        return browser.await(d -> d.findElement(By.id(id)));
    }

    private long shownItem() {
        return ((Number) browser.await(d -> browser.script("return window.chainwise.itemId()"))).longValue();
    }

    private String verdict() {
        return browser.await(d -> d.findElement(By.id("feedback-box"))).getAttribute("data-verdict");
    }

    @Test
    void insideAnLmsFrameAWrongAnswerIsNamedThenHintsThenTheRightAnswer() {
        Member ana = classroom.signIn("ana", "Ana Lima", "learner");
        browser.resize(Browser.DESKTOP);
        try (LmsPage lms = LmsPage.framing(url("/practice/" + setId + "#session=" + ana.token()))) {
            browser.open(lms.url());
            browser.driver().switchTo().frame(LmsPage.FRAME_ID);

            assertThat(browser.script("return location.hash")).as("the token leaves the address").isEqualTo("");
            Item item = classroom.served(ana, shownItem());
            assertThat(byId("stem").getText()).isNotBlank();

            WebElement answer = byId("answer-answer");
            answer.sendKeys(Classroom.answerOf(item, Misconception.OUTER_AT_X), Keys.ENTER);
            browser.await(d -> "incorrect".equals(verdict()));
            WebElement named = browser.driver().findElement(By.cssSelector("#feedback-box li[data-code='OUTER_AT_X']"));
            assertThat(named.getText()).contains("OUTER_AT_X");
            named.findElement(By.cssSelector("a.concept-link")).click();
            WebElement repair = byId("concept-box");
            assertThat(repair.getText()).contains("OUTER_AT_X");
            browser.screenshot("practice-outer-at-x-in-frame");

            for (int hint = 1; hint <= 3; hint++) {
                int shown = hint;
                byId("hint").click();
                browser.await(d -> d.findElements(By.cssSelector("#hints li")).size() == shown);
            }
            assertThat(byId("hint").isEnabled()).as("three reveals, then no more").isFalse();

            answer.clear();
            answer.sendKeys(item.canonicalAnswer().text(), Keys.ENTER);
            browser.await(d -> "correct".equals(verdict()));
            assertThat(byId("next").isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#skills li"))).isNotEmpty();
            browser.driver().switchTo().defaultContent();
            browser.screenshot("practice-in-lms-frame");
        }
    }

    @Test
    void thePreviewFollowsEachKeystroke() {
        Member ben = classroom.signIn("ben", "Ben Carter", "learner");
        browser.resize(Browser.DESKTOP);
        browser.open(url("/practice/" + setId + "#session=" + ben.token()));
        Item item = classroom.served(ben, shownItem());
        WebElement answer = byId("answer-answer");
        WebElement preview = byId("answer-answer-preview");

        // A warm-up pass (the server's first parses run cold code), then about 30 measured keystrokes:
        // the right answer typed over and over, one key at a time, each preview awaited.
        String text = item.canonicalAnswer().text();
        typeAwaitingPreviews(answer, preview, text, text.length());
        answer.clear();
        List<Double> timings = typeAwaitingPreviews(answer, preview, text, 30);
        Collections.sort(timings);
        double median = timings.get(timings.size() / 2);
        double p95 = timings.get((int) Math.ceil(timings.size() * 0.95) - 1);
        System.out.printf("practice preview, input event to preview rendered: median %.1f ms, p95 %.1f ms, max %.1f ms over %d keystrokes%n",
                median, p95, timings.getLast(), timings.size());
        assertThat(preview.getText()).as("the preview of the last keystroke").isNotBlank();
        // A loose sanity bound on a shared machine; the figure itself goes to the README.
        assertThat(median).as("median preview latency (ms)").isLessThan(250);
        browser.screenshot("practice-preview");
    }

    /** Types {@code text} (again from the start when it runs out) key by key, {@code keys} times; the latency of each preview. */
    private List<Double> typeAwaitingPreviews(WebElement answer, WebElement preview, String text, int keys) {
        List<Double> timings = new ArrayList<>();
        StringBuilder typed = new StringBuilder();
        for (int i = 0; timings.size() < keys && i < 4 * keys; i++) {
            if (i > 0 && i % text.length() == 0) {
                answer.clear();
                typed.setLength(0);
            }
            char key = text.charAt(i % text.length());
            typed.append(key);
            int before = ((Number) browser.script("return window.chainwise.previewTimings.length")).intValue();
            answer.sendKeys(String.valueOf(key));
            if (typed.toString().isBlank()) {
                continue;
            }
            String expected = typed.toString();
            browser.await(d -> expected.equals(preview.getAttribute("data-preview-for"))
                    && ((Number) browser.script("return window.chainwise.previewTimings.length")).intValue() > before);
            timings.add(((Number) browser.script(
                    "const t = window.chainwise.previewTimings; return t[t.length - 1].ms")).doubleValue());
        }
        return timings;
    }

    @Test
    void aStudentSignsInOnAPhoneAndPractisesByKeyboard() {
        Member chen = classroom.signIn("chen", "Chen Wei", "learner");
        browser.resize(Browser.PHONE);
        browser.open(url("/"));
        byId("dev-sign-in");
        browser.driver().findElement(By.cssSelector("#demo-users button[data-subject='chen']")).click();
        browser.await(d -> d.findElement(By.cssSelector("#practice-sets a[data-set-id='" + setId + "']"))).click();

        Item item = classroom.served(chen, shownItem());
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("id")).as("the answer box has the focus").isEqualTo("answer-answer");
        focused.sendKeys(Classroom.answerOf(item, Misconception.MISSING_INNER), Keys.ENTER);
        browser.await(d -> "incorrect".equals(verdict()));
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(Browser.PHONE.width);
        browser.screenshot("practice-phone");
    }
}
