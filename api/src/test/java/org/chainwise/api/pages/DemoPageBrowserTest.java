package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The computation-graph demo in a real browser: predict first, then the sliders move the edge values. */
@MicronautTest
class DemoPageBrowserTest extends BrowserTest {

    private double edge(String edge) {
        return Double.parseDouble(browser.driver().findElement(By.cssSelector("[data-edge-value='" + edge + "']")).getText());
    }

    private void predictAndReveal(String prediction) {
        WebElement input = browser.driver().findElement(By.id("prediction"));
        input.clear();
        input.sendKeys(prediction, Keys.ENTER);
        browser.await(d -> d.findElement(By.id("prediction-verdict")).isDisplayed());
    }

    @Test
    void theSlidersUnlockAfterAPredictionAndMoveTheEdgeValues() {
        browser.resize(Browser.DESKTOP);
        browser.open(url("/demo"));
        WebElement x = browser.await(d -> d.findElement(By.id("slider-x")));
        browser.await(d -> d.findElement(By.cssSelector("[data-edge-value='x-u']")));

        assertThat(x.isEnabled()).as("the slider waits for a prediction").isFalse();
        assertThat(browser.driver().findElement(By.cssSelector("[data-edge-value='u-y']")).getText()).isEqualTo("?");
        browser.screenshot("demo-predict-first");

        predictAndReveal("-2");

        // x = 1.5, a = 1: u = a x^2, y = sin u; du/dx = 2ax, dy/du = cos(u), and their product is dy/dx.
        assertThat(edge("x-u")).isCloseTo(3.0, within(5e-4));
        assertThat(edge("u-y")).isCloseTo(Math.cos(2.25), within(5e-4));
        assertThat(total()).isCloseTo(3 * Math.cos(2.25), within(5e-4));
        assertThat(x.isEnabled()).isTrue();

        x.sendKeys(Keys.ARROW_RIGHT);
        browser.await(d -> edge("x-u") != 3.0);
        assertThat(edge("x-u")).isCloseTo(3.2, within(5e-4));
        assertThat(edge("u-y")).isCloseTo(Math.cos(1.6 * 1.6), within(5e-4));
        assertThat(total()).isCloseTo(3.2 * Math.cos(1.6 * 1.6), within(5e-4));
        assertThat(browser.script("return window.chainwise.demoState()")).isEqualTo("demo:graph-sliders?x=1.6&dx=0.1&a=1");
        double measured = Double.parseDouble(browser.driver().findElement(By.id("measured-slope")).getText());
        assertThat(measured).as("the slope a nudge of dx = 0.1 measures")
                .isCloseTo((Math.sin(1.7 * 1.7) - Math.sin(1.6 * 1.6)) / 0.1, within(5e-4));
        browser.screenshot("demo-after-slider");
    }

    @Test
    void theDeeperGraphAddsTheProductsOfItsTwoPaths() {
        browser.resize(Browser.PHONE);
        browser.open(url("/demo?graph=two-layer&x=1.5&a=2&b=0.5"));
        browser.await(d -> d.findElement(By.cssSelector("[data-edge-value='w-y']")));
        predictAndReveal("0.5");

        double x = 1.5;
        double a = 2;
        double b = 0.5;
        double w = Math.sin(a * x) * x * x;
        double outer = b * (1 - Math.pow(Math.tanh(b * w), 2));
        double derivative = outer * (a * Math.cos(a * x) * x * x + Math.sin(a * x) * 2 * x);
        List<WebElement> products = browser.driver().findElements(By.cssSelector("[data-path-product]"));
        assertThat(products).hasSize(2);
        double sum = products.stream().mapToDouble(p -> Double.parseDouble(p.getText())).sum();
        assertThat(sum).isCloseTo(derivative, within(2e-3));
        assertThat(total()).isCloseTo(derivative, within(5e-4));
        assertThat(browser.script("return window.chainwise.demoState()")).isEqualTo("demo:graph-two-layer?x=1.5&a=2&b=0.5");

        WebElement slider = browser.driver().findElement(By.id("slider-a"));
        double before = edge("x-u");
        slider.sendKeys(Keys.ARROW_LEFT);
        browser.await(d -> edge("x-u") != before);
        assertThat(edge("x-u")).isCloseTo(1.9 * Math.cos(1.9 * 1.5), within(5e-4));
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(Browser.PHONE.width);
        browser.screenshot("demo-two-layer-phone");
    }

    @Test
    void insideAnLmsFrameAStudentNotesTheDemoStateAndCopiesTheTutorHandOff() {
        Classroom.Member dina = classroom().signIn("dina", "Dina Haddad", "learner");
        browser.resize(Browser.DESKTOP);
        try (LmsPage lms = LmsPage.framing(url("/demo?x=0.5#session=" + dina.token()))) {
            browser.open(lms.url());
            browser.driver().switchTo().frame(LmsPage.FRAME_ID);
            browser.await(d -> d.findElement(By.cssSelector("[data-edge-value='x-u']")));
            predictAndReveal("1");
            browser.driver().findElement(By.id("slider-a")).sendKeys(Keys.ARROW_RIGHT);
            browser.await(d -> "demo:graph-sliders?x=0.5&dx=0.1&a=1.1".equals(browser.script("return window.chainwise.demoState()")));

            browser.driver().findElement(By.id("note-state")).click();
            WebElement question = browser.await(d -> d.findElement(By.id("note-question")));
            assertThat(browser.driver().findElement(By.id("note-target")).getAttribute("value"))
                    .isEqualTo("demo:graph-sliders?x=0.5&dx=0.1&a=1.1");
            question.sendKeys("Why does the slope change sign when a passes 0?");
            browser.driver().findElement(By.id("note-save")).click();
            WebElement note = browser.await(d -> d.findElement(By.cssSelector("#notes-list li[data-note-id]")));
            assertThat(note.getText()).contains("Why does the slope change sign");

            note.findElement(By.cssSelector("button[data-note-id]")).click();
            WebElement prompt = browser.await(d -> {
                WebElement shown = d.findElement(By.cssSelector("#notes-list textarea.handoff"));
                return shown.isDisplayed() && !shown.getAttribute("value").isBlank() ? shown : null;
            });
            assertThat(prompt.getAttribute("value")).contains("Why does the slope change sign");
            browser.driver().switchTo().defaultContent();
            browser.screenshot("demo-note-in-lms-frame");
        }
    }

    private double total() {
        return Double.parseDouble(browser.driver().findElement(By.id("total-value")).getText());
    }
}
