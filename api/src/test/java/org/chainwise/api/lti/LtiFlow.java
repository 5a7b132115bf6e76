package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chainwise.api.lti.Browser.Page;
import org.chainwise.api.lti.TestPlatform.AuthRequest;

/**
 * The LTI flow between the test platform, a browser and the tool over real HTTP: the platform
 * starts the third-party login in the browser, the tool redirects it to the platform's
 * authentication endpoint, the platform posts the id_token back to the tool.
 */
final class LtiFlow {

    static final String ADMIN_TOKEN = "test-admin-token";

    private final TestPlatform platform;
    private final URI tool;

    LtiFlow(TestPlatform platform, URI tool) {
        this.platform = platform;
        this.tool = tool;
        platform.registerToolRedirect(tool.resolve("/lti/launch"));
    }

    URI tool(String path) {
        return tool.resolve(path);
    }

    URI target() {
        return tool("/lti/launch");
    }

    /** Registers the test platform with the tool through the admin API, with its one deployment. */
    void register() {
        register(false);
    }

    /** Registers the test platform with its one deployment; with {@code learnDeployments}, later ones are learned from launches. */
    void register(boolean learnDeployments) {
        Page page = new Browser().post(tool("/api/v1/admin/lti/platforms"), admin(), adminJson(Map.of(
                "issuer", platform.issuer(),
                "clientId", TestPlatform.CLIENT_ID,
                "authLoginUrl", platform.authUrl().toString(),
                "authTokenUrl", platform.tokenUrl().toString(),
                "jwksUrl", platform.jwksUrl().toString(),
                "deploymentIds", List.of(TestPlatform.DEPLOYMENT_ID),
                "learnDeployments", learnDeployments)));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
    }

    static Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    static String adminJson(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The login initiation for the message, as a GET in the browser; returns the tool's answer. */
    Page initiate(Browser browser, String messageHint, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>(platform.loginInitiation(target(), messageHint, "login-hint-7"));
        parameters.putAll(extra);
        return browser.get(URI.create(tool("/lti/login") + "?" + Browser.encode(parameters)));
    }

    /** The platform's answer to the tool's authentication request: the auto-posting form with id_token and state. */
    Browser.Form authenticate(Browser browser, Page toolRedirect) {
        assertThat(toolRedirect.status()).as(toolRedirect.body()).isEqualTo(302);
        Page platformPage = browser.get(toolRedirect.location());
        assertThat(platformPage.status()).as(platformPage.body()).isEqualTo(200);
        return platformPage.form();
    }

    /** The platform's answer to a learner's launch of {@code linkId} as {@code sub}, not yet submitted to the tool. */
    Browser.Form platformAnswer(Browser browser, String linkId, String sub) {
        return authenticate(browser, initiate(browser, platform.message(
                resourceLink(linkId, sub, List.of(TestPlatform.LEARNER))), Map.of()));
    }

    /** The whole flow for the message the platform makes from the tool's authentication request; returns the tool's answer to the launch. */
    Page launch(Browser browser, Function<AuthRequest, String> idToken) {
        return browser.submit(authenticate(browser, initiate(browser, platform.message(idToken), Map.of())));
    }

    /** A good resource-link launch of {@code sub} with {@code roles} on link {@code linkId}. */
    Function<AuthRequest, String> resourceLink(String linkId, String sub, List<String> roles) {
        return request -> platform.sign(platform.resourceLink(request, target(), linkId, sub, roles).build());
    }
}
