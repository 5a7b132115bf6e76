package org.chainwise.api.pages;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.ServedItems;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every page test in a real browser stands on: the application on a random port with a fresh
 * schema and development sign-in ({@link HttpSession#applicationProperties()}), the test's own HTTP
 * client and database for setting up a course, one headless Chromium for the class, and
 * {@link #url} for a path of the application. A subclass is a {@code @MicronautTest}; its own
 * {@code @BeforeAll} runs after the browser has started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest implements TestPropertyProvider {

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

    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = HttpSession.applicationProperties();
        // The test's own client sets up the course through the API; on a busy shared machine a first grading is slow.
        properties.put("micronaut.http.client.read-timeout", "120s");
        return properties;
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    /** The absolute URL of {@code path} on the application under test. */
    String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    /** A classroom on this application, for signing people in and answering items through the API. */
    Classroom classroom() {
        return new Classroom(client.toBlocking(), dsl, servedItems);
    }
}
