package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.chainwise.api.lti.Browser.Page;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Launches that depend on how a platform is registered: a platform that lets deployments be
 * learned, and a platform whose keyset cannot be fetched.
 */
@MicronautTest
class LaunchRegistrationTest extends LtiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DSLContext dsl;

    @Override
    boolean learnsDeployments() {
        return true;
    }

    @Test
    void aNewDeploymentIsLearnedFromASignedLaunchWhenThePlatformAllowsIt() {
        Page page = flow.launch(new Browser(), request -> platform.sign(platform.resourceLink(request, flow.target(),
                "link-new-deployment", "lou", List.of(TestPlatform.LEARNER))
                .claim(TestPlatform.LTI + "deployment_id", "deployment-learned").build()));

        assertThat(page.status()).as(page.body()).isEqualTo(303);
        assertThat(dsl.fetchCount(LTI_DEPLOYMENT, LTI_DEPLOYMENT.DEPLOYMENT_ID.eq("deployment-learned"))).isEqualTo(1);
    }

    @Test
    void aLaunchFromAPlatformWhoseKeysetIsDownIsRefusedClearlyAndLogged() throws Exception {
        try (TestPlatform down = TestPlatform.start(); RefusalLog log = new RefusalLog()) {
            LtiFlow downFlow = new LtiFlow(down, server.getURI());
            downFlow.register();
            down.jwksDown(true);

            Page page = downFlow.launch(new Browser(), downFlow.resourceLink("link-down", "max",
                    List.of(TestPlatform.LEARNER)));

            assertThat(page.status()).isEqualTo(502);
            JsonNode error = JSON.readTree(page.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("lti_platform_jwks_unavailable");
            assertThat(error.path("message").asText()).contains(down.jwksUrl().toString(), "answered HTTP 503");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("lti_platform_jwks_unavailable"));
        }
    }
}
