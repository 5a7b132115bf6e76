package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.chainwise.api.lti.Browser.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The LTI admin API over HTTP: the admin token, registration, the values for the LMS, key rotation. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtiAdminTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.freshSchemaProperties();
        properties.put("chainwise.admin-token", LtiFlow.ADMIN_TOKEN);
        properties.put("chainwise.public-url", "https://chainwise.school.example/");
        return properties;
    }

    private Page post(String path, Map<String, String> headers, Map<String, Object> body) {
        return new Browser().post(server.getURI().resolve(path), headers, LtiFlow.adminJson(body));
    }

    private static Map<String, Object> registration(String issuer) {
        return Map.of("issuer", issuer, "clientId", "client-1",
                "authLoginUrl", "https://lms.example/auth", "authTokenUrl", "https://lms.example/token",
                "jwksUrl", "https://lms.example/jwks", "deploymentIds", List.of("d-1"));
    }

    @Test
    void everyCallNeedsTheAdminToken() throws Exception {
        Page none = post("/api/v1/admin/lti/platforms", Map.of(), registration("https://lms-a.example"));
        Page wrong = post("/api/v1/admin/lti/platforms", Map.of("Authorization", "Bearer nope"),
                registration("https://lms-a.example"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").path("message").asText())
                .contains("CHAINWISE_ADMIN_TOKEN");
    }

    @Test
    void aPlatformIsRegisteredUpdatedAndGivenMoreDeployments() throws Exception {
        Page created = post("/api/v1/admin/lti/platforms", LtiFlow.admin(), registration("https://lms-b.example"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode platform = JSON.readTree(created.body());
        assertThat(platform.path("deploymentIds").toString()).isEqualTo("[\"d-1\"]");

        Page again = post("/api/v1/admin/lti/platforms", LtiFlow.admin(), registration("https://lms-b.example"));
        assertThat(JSON.readTree(again.body()).path("id").asLong()).isEqualTo(platform.path("id").asLong());
        Page added = post("/api/v1/admin/lti/platforms/" + platform.path("id").asLong() + "/deployments",
                LtiFlow.admin(), Map.of("deploymentId", "d-2"));
        assertThat(JSON.readTree(added.body()).path("deploymentIds").toString()).isEqualTo("[\"d-1\",\"d-2\"]");
    }

    @Test
    void aRegistrationWithABadUrlNamesTheField() throws Exception {
        Map<String, Object> bad = new java.util.HashMap<>(registration("https://lms-c.example"));
        bad.put("jwksUrl", "ftp://lms.example/jwks");

        Page page = post("/api/v1/admin/lti/platforms", LtiFlow.admin(), bad);

        assertThat(page.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(page.body()).path("error");
        assertThat(error.path("field").asText()).isEqualTo("jwksUrl");
        assertThat(error.path("message").asText()).contains("absolute http(s) URL");
    }

    @Test
    void theConfigurationValuesAreBuiltOnThePublicUrl() throws Exception {
        Page page = new Browser().getWithBearer(server.getURI().resolve("/api/v1/admin/lti/configuration"),
                LtiFlow.ADMIN_TOKEN);

        JsonNode config = JSON.readTree(page.body());
        assertThat(config.path("loginInitiationUrl").asText()).isEqualTo("https://chainwise.school.example/lti/login");
        assertThat(config.path("redirectUrl").asText()).isEqualTo("https://chainwise.school.example/lti/launch");
        assertThat(config.path("jwksUrl").asText()).isEqualTo("https://chainwise.school.example/.well-known/jwks.json");
        assertThat(config.path("scopes").toString()).contains("lti-ags/scope/score", "contextmembership.readonly");
    }

    @Test
    void aRotationThroughTheApiKeepsTheOldKeyPublished() throws Exception {
        String before = new Browser().getWithBearer(server.getURI().resolve("/api/v1/admin/lti/keys"),
                LtiFlow.ADMIN_TOKEN).body();
        String oldKid = JSON.readTree(before).get(0).path("kid").asText();

        Page rotated = post("/api/v1/admin/lti/keys/rotate", LtiFlow.admin(), Map.of("overlapHours", 48));

        JsonNode rotation = JSON.readTree(rotated.body());
        assertThat(rotation.path("retiredKid").asText()).isEqualTo(oldKid);
        JsonNode keys = JSON.readTree(new Browser().get(server.getURI().resolve("/lti/jwks")).body()).path("keys");
        assertThat(keys.findValuesAsText("kid")).containsExactly(rotation.path("currentKid").asText(), oldKid);
    }
}
