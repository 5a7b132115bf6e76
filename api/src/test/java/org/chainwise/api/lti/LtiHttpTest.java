package org.chainwise.api.lti;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every LTI test over HTTP starts from: the application on a fresh schema with an admin
 * token, a test platform, and that platform registered with the application through the admin API.
 * Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LtiHttpTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    final TestPlatform platform = TestPlatform.start();
    LtiFlow flow;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.freshSchemaProperties();
        properties.put("chainwise.admin-token", LtiFlow.ADMIN_TOKEN);
        return properties;
    }

    @BeforeAll
    void registerThePlatform() {
        flow = new LtiFlow(platform, server.getURI());
        flow.register(learnsDeployments());
    }

    /** Whether the test platform is registered so that its new deployments are learned from launches. */
    boolean learnsDeployments() {
        return false;
    }

    @AfterAll
    void stopThePlatform() {
        platform.close();
    }
}
