package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through chromedriver, both Debian's: {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} are named explicitly so Selenium Manager never looks for (or
 * downloads) a browser. Missing, the test fails with the command that installs them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
    /** A phone in portrait, the narrowest width the pages are laid out for. */
    static final Dimension PHONE = new Dimension(360, 780);
    static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run installs them when missing).");
        }
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver);
    }

    /** The file the browser downloaded under that name, or null while it has not (yet). */
    static Path downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Loads {@code url} as a new page, even where only its fragment differs from the current address. */
    void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits up to 30 s (a shared 2-core machine) for the condition to hold, returning its value. */
    <T> T await(Function<WebDriver, T> condition) {
        // A page that re-renders may replace an element between finding and reading it: look again.
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves the whole page as target/screenshots/{name}.png, a test artefact: the window grows to the page for it. */
    Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.manage().window().setSize(new Dimension(size.width, Math.min(Math.max(height.intValue() + 120, size.height), 5000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
