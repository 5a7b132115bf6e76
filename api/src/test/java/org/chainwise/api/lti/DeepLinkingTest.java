package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_SKILL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.lti.Browser.Page;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Deep Linking 2.0 against the test platform: an instructor's deep-linking launch opens the
 * picker, the choice comes back to the platform as an ltiResourceLink with a line item in a JWT
 * the platform verifies against the tool's JWKS over HTTP, and launching the placed link makes
 * the practice set the instructor chose.
 */
@MicronautTest
class DeepLinkingTest extends LtiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_TOKEN = Pattern.compile("name=\"request\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    DSLContext dsl;


    private Page picker(Browser browser, List<String> roles) {
        return flow.launch(browser, request -> platform.sign(platform.deepLinking(request, flow.tool("/lti/deep-link"),
                "tom").claim(TestPlatform.LTI + "roles", roles).build()));
    }

    private static String requestToken(Page picker) {
        assertThat(picker.status()).as(picker.body()).isEqualTo(200);
        Matcher token = REQUEST_TOKEN.matcher(picker.body());
        assertThat(token.find()).as(picker.body()).isTrue();
        return token.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChosenSetReturnsToThePlatformAsASignedResourceLinkWithALineItem() throws Exception {
        Browser browser = new Browser();
        Page picker = picker(browser, List.of(TestPlatform.INSTRUCTOR));
        assertThat(picker.body()).contains("Add a Chainwise practice set", "Calculus I", "value=\"JACOBIAN\"");

        // Checkboxes arrive as repeated fields, as a browser sends them.
        Page back = browser.postEncoded(flow.tool("/lti/deep-link/response"), "request=" + requestToken(picker)
                + "&title=Chain+rule%3A+inner+factor&skills=DECOMPOSE&skills=INNER_FACTOR&completion=items%3A10");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Browser.Form toPlatform = back.form();
        assertThat(toPlatform.action()).isEqualTo(platform.deepLinkReturnUrl());
        assertThat(browser.submit(toPlatform).status()).isEqualTo(200);

        String jwt = platform.deepLinkResponses().getLast();
        assertThat(jwt).isEqualTo(toPlatform.fields().get("JWT"));
        JWTClaimsSet claims = TestPlatform.verifyToolJwt(jwt, flow.tool("/.well-known/jwks.json"));
        assertThat(claims.getIssuer()).isEqualTo(TestPlatform.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(platform.issuer());
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getStringClaim("nonce")).isNotBlank();
        assertThat(claims.getClaim(TestPlatform.LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getClaim(TestPlatform.LTI + "version")).isEqualTo("1.3.0");
        assertThat(claims.getClaim(TestPlatform.LTI + "deployment_id")).isEqualTo(TestPlatform.DEPLOYMENT_ID);
        assertThat(claims.getClaim(TestPlatform.DL + "data")).isEqualTo("platform-opaque-data-42");
        List<Object> items = (List<Object>) claims.getClaim(TestPlatform.DL + "content_items");
        assertThat(items).hasSize(1);
        JsonNode item = JSON.valueToTree(items.getFirst());
        assertThat(item.path("type").asText()).isEqualTo("ltiResourceLink");
        assertThat(item.path("title").asText()).isEqualTo("Chain rule: inner factor");
        assertThat(item.path("url").asText()).isEqualTo(flow.target().toString());
        assertThat(item.path("custom").path("chainwise_skills").asText()).isEqualTo("DECOMPOSE,INNER_FACTOR");
        assertThat(item.path("custom").path("chainwise_completion").asText()).isEqualTo("items:10");
        assertThat(item.path("lineItem").path("scoreMaximum").asDouble()).isEqualTo(100.0);
        assertThat(item.path("lineItem").path("label").asText()).isEqualTo("Chain rule: inner factor");
        assertThat(item.path("lineItem").path("resourceId").asText()).startsWith("chainwise:");

        // The platform makes the link with the item's custom parameters and line item; a learner launches it.
        Map<String, String> custom = JSON.convertValue(item.path("custom"), Map.class);
        Page landing = flow.launch(new Browser(), request -> platform.sign(platform.resourceLink(request,
                        flow.target(), "placed-link-1", "ana", List.of(TestPlatform.LEARNER))
                .claim(TestPlatform.LTI + "custom", custom).build()));
        assertThat(landing.status()).as(landing.body()).isEqualTo(303);
        long setId = Long.parseLong(landing.location().getPath().replace("/practice/", ""));
        var set = dsl.selectFrom(PRACTICE_SET).where(PRACTICE_SET.ID.eq(setId)).fetchSingle();
        assertThat(set.getTitle()).isEqualTo("Chain rule: inner factor");
        assertThat(set.getRequiredItems()).isEqualTo(10);
        assertThat(dsl.select(PRACTICE_SET_SKILL.SKILL).from(PRACTICE_SET_SKILL)
                .where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(setId)).fetch(PRACTICE_SET_SKILL.SKILL))
                .containsExactlyInAnyOrder("DECOMPOSE", "INNER_FACTOR");
        assertThat(dsl.select(LTI_RESOURCE_LINK.LINE_ITEM_URL).from(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(setId)).fetchSingle().value1())
                .isEqualTo(platform.base().resolve("/courses/101/lineitems/placed-link-1").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSetOfTheCourseCanBePlacedAgainWithItsDefinition() throws Exception {
        Page launched = flow.launch(new Browser(), request -> platform.sign(platform.resourceLink(request, flow.target(),
                "link-existing", "tom", List.of(TestPlatform.INSTRUCTOR))
                .claim(TestPlatform.LTI + "custom", Map.of("chainwise_skills", "MULTI_LAYER",
                        "chainwise_title", "Nested chains", "chainwise_completion", "mastery:0.9")).build()));
        assertThat(launched.status()).as(launched.body()).isEqualTo(303);
        long setId = dsl.select(PRACTICE_SET.ID).from(PRACTICE_SET)
                .where(PRACTICE_SET.RESOURCE_LINK_ID.eq("link-existing")).fetchSingle().value1();
        Browser browser = new Browser();
        Page picker = picker(browser, List.of(TestPlatform.INSTRUCTOR));
        assertThat(picker.body()).contains("<option value=\"" + setId + "\">Nested chains (multi layer)</option>");

        Page back = browser.post(flow.tool("/lti/deep-link/response"),
                Map.of("request", requestToken(picker), "existing", String.valueOf(setId)));

        JWTClaimsSet claims = TestPlatform.verifyToolJwt(back.form().fields().get("JWT"), flow.tool("/lti/jwks"));
        JsonNode item = JSON.valueToTree(((List<Object>) claims.getClaim(TestPlatform.DL + "content_items")).getFirst());
        assertThat(item.path("title").asText()).isEqualTo("Nested chains");
        assertThat(item.path("custom").path("chainwise_skills").asText()).isEqualTo("MULTI_LAYER");
        assertThat(item.path("custom").path("chainwise_completion").asText()).isEqualTo("mastery:0.9");
    }

    @Test
    void aPickerFormIsAnsweredOnce() throws Exception {
        Browser browser = new Browser();
        String token = requestToken(picker(browser, List.of(TestPlatform.INSTRUCTOR)));
        Map<String, String> choice = Map.of("request", token, "title", "Once", "skills", "DECOMPOSE",
                "completion", "mastery:0.9");
        assertThat(browser.post(flow.tool("/lti/deep-link/response"), choice).status()).isEqualTo(200);

        Page again = browser.post(flow.tool("/lti/deep-link/response"), choice);

        assertThat(again.status()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("error").path("code").asText()).isEqualTo("lti_deep_link_unknown");
    }

    @Test
    void aChoiceWithoutSkillsIsRefused() throws Exception {
        Browser browser = new Browser();
        String token = requestToken(picker(browser, List.of(TestPlatform.INSTRUCTOR)));

        Page page = browser.post(flow.tool("/lti/deep-link/response"), Map.of("request", token, "title", "None"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(JSON.readTree(page.body()).path("error").path("message").asText()).contains("at least one skill");
    }

    @Test
    void aLearnerCannotDeepLink() throws Exception {
        Page page = picker(new Browser(), List.of(TestPlatform.LEARNER));

        assertThat(page.status()).isEqualTo(403);
        assertThat(JSON.readTree(page.body()).path("error").path("code").asText()).isEqualTo("lti_deep_linking_forbidden");
    }

    @Test
    void aDeepLinkingRequestWithoutItsSettingsIsRefused() throws Exception {
        Page page = flow.launch(new Browser(), request -> platform.sign(platform.deepLinking(request,
                flow.tool("/lti/deep-link"), "tom").claim(TestPlatform.DL + "deep_linking_settings", null).build()));

        assertThat(page.status()).isEqualTo(400);
        assertThat(JSON.readTree(page.body()).path("error").path("message").asText()).contains("deep_link_return_url");
    }
}
