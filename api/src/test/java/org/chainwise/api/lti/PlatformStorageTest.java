package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.lti.Browser.Page;
import org.junit.jupiter.api.Test;

/**
 * A launch in a browser that blocks third-party cookies, from a platform that offers the LTI
 * client-side storage (lti_storage_target): the state goes into the platform's storage at the
 * login and is read back at the launch. The test plays the platform's storage frame: it carries
 * out the lti.put_data and lti.get_data messages the tool's pages ask for.
 */
@MicronautTest
class PlatformStorageTest extends LtiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG = Pattern.compile(
            "<script type=\"application/json\" id=\"lti-storage\">(.*?)</script>", Pattern.DOTALL);

    private final Map<String, String> storage = new ConcurrentHashMap<>();

    private static JsonNode storageRequest(Page page) throws Exception {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher config = CONFIG.matcher(page.body());
        assertThat(config.find()).as(page.body()).isTrue();
        return JSON.readTree(config.group(1));
    }

    /** The login page, after its lti.put_data messages are stored in the platform frame. */
    private Page loginStoringState(Browser browser) throws Exception {
        Page login = flow.initiate(browser, platform.message(flow.resourceLink("link-storage", "noa",
                List.of(TestPlatform.LEARNER))), Map.of("lti_storage_target", "_parent"));
        JsonNode put = storageRequest(login);
        assertThat(put.path("target").asText()).isEqualTo("_parent");
        assertThat(put.path("origin").asText()).isEqualTo(platform.issuer());
        put.path("put").forEach(p -> storage.put(p.path("key").asText(), p.path("value").asText()));
        return login;
    }

    @Test
    void theStateIsCheckedInThePlatformStorageWhenTheCookieIsBlocked() throws Exception {
        Browser browser = new Browser().blockCookies();
        Page login = loginStoringState(browser);
        String state = login.form().fields().get("state");
        assertThat(storage).containsEntry("state_" + state, state);

        Page platformAnswer = browser.submit(login.form());
        Page check = browser.submit(platformAnswer.form());
        JsonNode get = storageRequest(check);
        assertThat(get.path("key").asText()).isEqualTo("state_" + state);

        Page landed = browser.submit(check.form().with("lti_storage_state", storage.get(get.path("key").asText())));

        assertThat(landed.status()).as(landed.body()).isEqualTo(303);
        assertThat(landed.location().toString()).contains("/practice/").contains("#session=");
    }

    @Test
    void aStateMissingFromBothCookieAndStorageIsRefused() throws Exception {
        Browser browser = new Browser().blockCookies();
        Page login = loginStoringState(browser);
        Page check = browser.submit(browser.submit(login.form()).form());
        storageRequest(check);

        Page refused = browser.submit(check.form().with("lti_storage_error", "platform storage holds no state"));

        assertThat(refused.status()).isEqualTo(401);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("lti_state_not_bound");
        assertThat(error.path("message").asText()).contains("platform storage holds no state");
    }

    @Test
    void aStorageAnswerWithAnotherStateIsRefused() throws Exception {
        Browser browser = new Browser().blockCookies();
        Page check = browser.submit(browser.submit(loginStoringState(browser).form()).form());
        storageRequest(check);

        Page refused = browser.submit(check.form().with("lti_storage_state", "someone-elses-state"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asText()).isEqualTo("lti_state_not_bound");
    }
}
