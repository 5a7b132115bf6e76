package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.LTI_COURSE_SERVICE;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_SKILL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Role;
import org.chainwise.api.identity.Sessions;
import org.chainwise.api.lti.Browser.Page;
import org.chainwise.api.lti.TestPlatform.AuthRequest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resource-link launches against the test platform over real HTTP: login initiation, the
 * platform's authentication answer, the launch, the landing page with a working session; and
 * every bad launch refused with its 4xx, its code, a message, and a line in the refusal log.
 */
@MicronautTest
class LtiLaunchTest extends LtiHttpTest {

    private static final Pattern LANDING = Pattern.compile("/(practice|teacher)/(\\d+)#session=([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sessions sessions;

    @Inject
    DSLContext dsl;

    private RefusalLog log;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // A rotated platform key is picked up at once in tests; production waits 10 s between refetches.
        properties.put("chainwise.lti.jwks-min-refresh", "0s");
        return properties;
    }

    @BeforeAll
    void captureTheRefusalLog() {
        log = new RefusalLog();
    }

    @AfterAll
    void releaseTheRefusalLog() {
        log.close();
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    private record Landing(String page, long id, String token) {
    }

    private static Landing landing(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(303);
        Matcher m = LANDING.matcher(page.location().toString());
        assertThat(m.find()).as(page.location().toString()).isTrue();
        return new Landing(m.group(1), Long.parseLong(m.group(2)), m.group(3));
    }

    @Test
    void aLearnerLandsInThePracticeSetOfTheLinkWithAWorkingSession() throws Exception {
        Page page = flow.launch(new Browser(), flow.resourceLink("link-learner", "ana", List.of(TestPlatform.LEARNER)));

        Landing landing = landing(page);
        assertThat(landing.page()).isEqualTo("practice");
        assertThat(page.location().toString()).startsWith(server.getURI() + "/practice/");
        Actor actor = sessions.resolve(landing.token()).orElseThrow();
        assertThat(actor.role()).isEqualTo(Role.LEARNER);
        var set = dsl.selectFrom(PRACTICE_SET).where(PRACTICE_SET.ID.eq(landing.id())).fetchSingle();
        assertThat(set.getCourseId()).isEqualTo(actor.courseId());
        assertThat(set.getResourceLinkId()).isEqualTo("link-learner");
        assertThat(set.getTitle()).isEqualTo("Chain rule practice");
        assertThat(dsl.select(PRACTICE_SET_SKILL.SKILL).from(PRACTICE_SET_SKILL)
                .where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(landing.id())).fetch(PRACTICE_SET_SKILL.SKILL))
                .containsExactlyInAnyOrderElementsOf(PracticeSetDefinition.DEFAULT_SKILLS);
        assertThat(dsl.select(LTI_RESOURCE_LINK.LINE_ITEM_URL).from(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(landing.id())).fetchSingle().value1())
                .isEqualTo(platform.base().resolve("/courses/101/lineitems/link-learner").toString());
        var services = dsl.selectFrom(LTI_COURSE_SERVICE).where(LTI_COURSE_SERVICE.COURSE_ID.eq(actor.courseId())).fetchSingle();
        assertThat(services.getMembershipsUrl()).isEqualTo(platform.base().resolve("/courses/101/memberships").toString());
        assertThat(services.getAgsScopes()).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score");

        // The page opened with the token uses it as a Bearer token, as the practice pages do inside an iframe.
        Page me = new Browser().getWithBearer(server.getURI().resolve("/api/v1/me"), landing.token());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("courseId").asLong()).isEqualTo(actor.courseId());
        // The tool asked the platform exactly as OIDC and LTI say (the platform checked; here the record).
        AuthRequest request = platform.authRequests().getLast();
        assertThat(request.parameters()).containsEntry("redirect_uri", server.getURI() + "/lti/launch")
                .containsEntry("login_hint", "login-hint-7").containsEntry("prompt", "none");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void anInstructorLandsOnTheCourseReportAndALaterLearnerLaunchFindsTheSameSet() {
        Landing teacher = landing(flow.launch(new Browser(),
                flow.resourceLink("link-shared", "tom", List.of(TestPlatform.INSTRUCTOR))));
        Actor instructor = sessions.resolve(teacher.token()).orElseThrow();
        assertThat(teacher.page()).isEqualTo("teacher");
        assertThat(teacher.id()).isEqualTo(instructor.courseId());
        assertThat(instructor.role()).isEqualTo(Role.INSTRUCTOR);

        Landing learner = landing(flow.launch(new Browser(),
                flow.resourceLink("link-shared", "bea", List.of("Learner"))));
        Actor student = sessions.resolve(learner.token()).orElseThrow();
        assertThat(student.courseId()).isEqualTo(instructor.courseId());
        assertThat(dsl.fetchCount(PRACTICE_SET, PRACTICE_SET.RESOURCE_LINK_ID.eq("link-shared"))).isEqualTo(1);
        assertThat(dsl.select(COURSE_ROLE.ROLE).from(COURSE_ROLE).where(COURSE_ROLE.USER_ID.eq(student.userId()))
                .fetch(COURSE_ROLE.ROLE)).containsExactly("learner");
    }

    @Test
    void customParametersDefineTheSetOfANewLink() {
        Landing landing = landing(flow.launch(new Browser(), request -> platform.sign(platform.resourceLink(request,
                flow.target(), "link-custom", "cy", List.of(TestPlatform.LEARNER))
                .claim(TestPlatform.LTI + "custom", Map.of("chainwise_skills", "decompose, INNER_FACTOR",
                        "chainwise_completion", "items:12", "chainwise_title", "Warm-up"))
                .build())));

        var set = dsl.selectFrom(PRACTICE_SET).where(PRACTICE_SET.ID.eq(landing.id())).fetchSingle();
        assertThat(set.getTitle()).isEqualTo("Warm-up");
        assertThat(set.getCompletionRule()).isEqualTo("item_count");
        assertThat(set.getRequiredItems()).isEqualTo(12);
        assertThat(dsl.select(PRACTICE_SET_SKILL.SKILL).from(PRACTICE_SET_SKILL)
                .where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(landing.id())).fetch(PRACTICE_SET_SKILL.SKILL))
                .containsExactlyInAnyOrder("DECOMPOSE", "INNER_FACTOR");
    }

    @Test
    void anIssueTimeInsideTheClockSkewAllowanceIsAccepted() {
        Instant ahead = Instant.now().plusSeconds(30);
        landing(flow.launch(new Browser(), request -> platform.sign(platform.resourceLink(request, flow.target(),
                "link-skew", "dee", List.of(TestPlatform.LEARNER))
                .issueTime(Date.from(ahead)).expirationTime(Date.from(ahead.plusSeconds(300))).build())));
    }

    @Test
    void aKeyThePlatformRotatedToIsFetchedOnItsFirstUse() {
        RSAKey rotated = platform.rotateKey("platform-key-2", true);
        int fetches = platform.jwksFetches();

        landing(flow.launch(new Browser(), request -> TestPlatform.sign(rotated, platform.resourceLink(request,
                flow.target(), "link-rotated", "eve", List.of(TestPlatform.LEARNER)).build())));

        assertThat(platform.jwksFetches()).isEqualTo(fetches + 1);
    }

    // Bad launches ------------------------------------------------------------------------------

    /** A claim mutation of an otherwise good launch, and the refusal it must meet. */
    private record Bad(String rule, Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> claims, boolean rogueKey,
            boolean rogueKeyWithPlatformKid, int status, String code, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static Bad claims(String rule, Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> claims, int status,
            String code, String message) {
        return new Bad(rule, claims, false, false, status, code, message);
    }

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                new Bad("bad signature", c -> c, false, true, 401, "lti_bad_signature", "signature does not verify"),
                new Bad("unknown kid", c -> c, true, false, 401, "lti_unknown_kid", "does not publish"),
                claims("wrong iss", c -> c.issuer("https://other-lms.example"), 401, "lti_wrong_issuer",
                        "issued by 'https://other-lms.example'"),
                claims("wrong aud", c -> c.audience("someone-else"), 401, "lti_wrong_audience", "meant for [someone-else]"),
                claims("wrong azp", c -> c.audience(List.of(TestPlatform.CLIENT_ID, "other")).claim("azp", "other"), 401,
                        "lti_wrong_audience", "authorized party (azp) is 'other'"),
                claims("missing nonce", c -> c.claim("nonce", null), 401, "lti_nonce_missing", "carries no nonce"),
                claims("another login's nonce", c -> c.claim("nonce", "n-" + "x".repeat(40)), 401, "lti_nonce_mismatch",
                        "not the one this login sent"),
                claims("expired", c -> c.issueTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(120))),
                        401, "lti_token_expired", "expired at"),
                claims("iat in the future", c -> c.issueTime(Date.from(now.plusSeconds(600)))
                        .expirationTime(Date.from(now.plusSeconds(900))), 401, "lti_token_from_future", "ahead of the tool's clock"),
                claims("missing exp", c -> c.expirationTime(null), 400, "lti_claim_missing", "exp and iat"),
                claims("unknown deployment", c -> c.claim(TestPlatform.LTI + "deployment_id", "deployment-9"), 403,
                        "lti_unknown_deployment", "Deployment 'deployment-9'"),
                claims("wrong version", c -> c.claim(TestPlatform.LTI + "version", "1.1.0"), 400, "lti_wrong_version",
                        "LTI version '1.1.0'"),
                claims("wrong message type", c -> c.claim(TestPlatform.LTI + "message_type", "LtiSubmissionReviewRequest"),
                        400, "lti_wrong_message_type", "'LtiSubmissionReviewRequest'"),
                claims("missing message type", c -> c.claim(TestPlatform.LTI + "message_type", null), 400,
                        "lti_wrong_message_type", "'null'"),
                claims("missing deployment_id", c -> c.claim(TestPlatform.LTI + "deployment_id", null), 400,
                        "lti_claim_missing", "no deployment_id"),
                claims("missing sub", c -> c.subject(null), 400, "lti_claim_missing", "no sub"),
                claims("missing roles", c -> c.claim(TestPlatform.LTI + "roles", null), 400, "lti_claim_missing",
                        "no roles claim"),
                claims("missing resource_link", c -> c.claim(TestPlatform.LTI + "resource_link", null), 400,
                        "lti_claim_missing", "no resource_link.id"),
                claims("missing target_link_uri", c -> c.claim(TestPlatform.LTI + "target_link_uri", null), 400,
                        "lti_claim_missing", "no target_link_uri"),
                claims("target_link_uri not ours", c -> c.claim(TestPlatform.LTI + "target_link_uri",
                        "https://evil.example/lti/launch"), 400, "lti_target_not_ours", "is not a Chainwise URL"),
                claims("unknown custom skill", c -> c.claim(TestPlatform.LTI + "custom", Map.of("chainwise_skills", "FLYING")),
                        400, "lti_custom_invalid", "unknown skills [FLYING]"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadIdTokenIsRefusedWithItsRuleAndLogged(Bad bad) throws Exception {
        Function<AuthRequest, String> idToken = request -> {
            JWTClaimsSet claims = bad.claims().apply(platform.resourceLink(request, flow.target(),
                    "link-bad", "mallory", List.of(TestPlatform.LEARNER))).build();
            if (bad.rogueKey()) {
                return TestPlatform.sign(platform.rogueKey(), claims);
            }
            if (bad.rogueKeyWithPlatformKid()) {
                return TestPlatform.sign(new RSAKey.Builder(platform.rogueKey())
                        .keyID(platform.signingKey().getKeyID()).build(), claims);
            }
            return platform.sign(claims);
        };

        Page page = flow.launch(new Browser(), idToken);

        assertRefused(page, bad.status(), bad.code(), bad.message());
    }

    @Test
    void aReplayedLaunchIsRefusedByItsNonce() throws Exception {
        Browser browser = new Browser();
        Browser.Form form = flow.platformAnswer(browser, "link-replay", "fay");
        landing(browser.submit(form));

        assertRefused(browser.submit(form), 401, "lti_nonce_replayed", "nonce was used by an earlier launch");
    }

    /** The platform's form post tampered with: a field dropped ({@code <absent>}) or replaced. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            state    | <absent>                          | 400 | lti_state_missing   | carries no state
            state    | forged-state-zzzzzzzzzzzzzzzzzzzz | 400 | lti_state_unknown   | unknown or expired
            id_token | <absent>                          | 400 | lti_token_missing   | no id_token
            id_token | not.a.jwt                         | 400 | lti_token_malformed | not a signed JWT
            """)
    void aTamperedLaunchPostIsRefusedWithItsRuleAndLogged(String field, String value, int status, String code,
            String message) throws Exception {
        Browser browser = new Browser();
        Browser.Form form = flow.platformAnswer(browser, "link-x", "gus");

        Page page = browser.submit("<absent>".equals(value) ? form.without(field) : form.with(field, value));

        assertRefused(page, status, code, message);
    }

    @Test
    void aLaunchCompletedInAnotherBrowserThanTheLoginIsRefused() throws Exception {
        Browser victim = new Browser();
        Browser.Form form = flow.platformAnswer(victim, "link-x", "hal");

        assertRefused(new Browser().submit(form), 401, "lti_state_not_bound", "did not bring back the state cookie");
    }

    // Bad login initiations ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            iss               | https://unknown-lms.example | 400 | lti_unknown_platform   | No platform is registered with issuer 'https://unknown-lms.example'
            iss               | http://localhost/chainwise-local | 400 | lti_unknown_platform | Chainwise's own local platform
            client_id         | another-client              | 400 | lti_unknown_platform   | and client id 'another-client'
            target_link_uri   | https://evil.example/       | 400 | lti_target_not_ours    | is not a Chainwise URL
            lti_deployment_id | deployment-404              | 403 | lti_unknown_deployment | Deployment 'deployment-404'
            login_hint        | ''                          | 400 | lti_login_invalid      | no login_hint
            iss               | ''                          | 400 | lti_login_invalid      | no iss
            """)
    void aBadLoginInitiationIsRefusedWithItsRuleAndLogged(String parameter, String value, int status, String code,
            String message) throws Exception {
        Page page = flow.initiate(new Browser(), "hint", Map.of(parameter, value));

        assertRefused(page, status, code, message);
    }

    @Test
    void aLoginByPostWorksLikeAGet() {
        Browser browser = new Browser();
        String hint = platform.message(flow.resourceLink("link-post", "jo", List.of(TestPlatform.LEARNER)));
        Page redirect = browser.post(flow.tool("/lti/login"), platform.loginInitiation(flow.target(), hint, "login-hint-7"));

        landing(browser.submit(flow.authenticate(browser, redirect)));
    }

    @Test
    void theStateCookieIsMadeForACrossSiteIframe() {
        Page redirect = flow.initiate(new Browser(), platform.message(
                flow.resourceLink("link-y", "kim", List.of(TestPlatform.LEARNER))), Map.of());

        String cookie = redirect.headers("Set-Cookie").stream().filter(c -> c.startsWith("lti_state_")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=None", "Partitioned", "Path=/lti");
    }

    private void assertRefused(Page page, int status, String code, String message) throws Exception {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(page.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).contains(message);
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN LTI request refused")
                .contains(code).contains(message));
    }
}
