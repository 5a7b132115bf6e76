package org.chainwise.api.lti;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.chainwise.api.identity.Role;
import org.chainwise.api.identity.Sessions;
import org.chainwise.api.lti.LtiMessage.DeepLinkingRequest;
import org.chainwise.api.lti.LtiMessage.Header;
import org.chainwise.api.lti.LtiMessage.ResourceLinkLaunch;
import org.chainwise.api.store.DeepLinkRequestStore;
import org.chainwise.api.store.DeepLinkRequestStore.PendingDeepLink;
import org.chainwise.api.store.LaunchStateStore;
import org.chainwise.api.store.LaunchStateStore.LaunchState;
import org.chainwise.api.store.LtiPlatformStore;
import org.chainwise.api.store.People;
import org.chainwise.api.store.ResourceLinkStore;
import org.jooq.DSLContext;

/**
 * The launch (the platform's form post of id_token and state to the redirect URI): ties the
 * state to this browser (the state cookie, or the platform's client-side storage), verifies the
 * id_token, refuses a nonce seen before and an unknown deployment, then records the user, the
 * course, the role and the resource link's practice set, and opens a session. Nothing is recorded
 * for a refused launch.
 */
@Singleton
public class LaunchService {

    /** How long an instructor may take to choose in the deep-linking picker. */
    static final Duration DEEP_LINK_LIFETIME = Duration.ofMinutes(30);

    private final DSLContext dsl;
    private final LaunchStateStore states;
    private final LtiPlatformStore platforms;
    private final People people;
    private final ResourceLinkStore links;
    private final DeepLinkRequestStore deepLinks;
    private final IdTokenVerifier verifier;
    private final Sessions sessions;
    private final ToolUrls urls;

    LaunchService(DSLContext dsl, LaunchStateStore states, LtiPlatformStore platforms, People people,
            ResourceLinkStore links, DeepLinkRequestStore deepLinks, IdTokenVerifier verifier, Sessions sessions,
            ToolUrls urls) {
        this.dsl = dsl;
        this.states = states;
        this.platforms = platforms;
        this.people = people;
        this.links = links;
        this.deepLinks = deepLinks;
        this.verifier = verifier;
        this.sessions = sessions;
        this.urls = urls;
    }

    /** The form post of a launch, with how this browser proved the state: the cookie's value and the storage check's. */
    public record LaunchPost(String idToken, String state, String stateCookie, String storageState, String storageError) {
    }

    /** What the launch leads to. */
    public sealed interface Outcome {
        /** The state must first be checked in the platform's storage: the browser runs the check and posts again. */
        record CheckPlatformStorage(String state, String storageTarget, String platformOrigin, String idToken)
                implements Outcome {
        }

        /** A session opened: send the browser to {@code location} (its fragment carries the session token). */
        record Landed(URI location, String sessionToken, Role role, long courseId, long userId, Long practiceSetId)
                implements Outcome {
        }

        /** A deep-linking request: show the picker, whose form carries {@code formToken}. */
        record PickPracticeSet(String formToken, String courseTitle, List<ResourceLinkStore.PlacedSet> placed)
                implements Outcome {
        }
    }

    public Outcome launch(LaunchPost post, URI toolBase) {
        if (post.state() == null || post.state().isBlank()) {
            throw LaunchRefused.badRequest("lti_state_missing", "The launch carries no state: it must be the answer to"
                    + " a login that Chainwise started (" + urls.login(toolBase) + ").");
        }
        if (post.idToken() == null || post.idToken().isBlank()) {
            throw LaunchRefused.badRequest("lti_token_missing", "The launch carries no id_token.");
        }
        LaunchState login = dsl.transactionResult(cfg -> states.findLive(cfg.dsl(), post.state())).orElseThrow(() ->
                LaunchRefused.badRequest("lti_state_unknown", "The launch's state is unknown or expired (a login lasts "
                        + LoginService.LOGIN_LIFETIME.toMinutes() + " minutes): start again from the course."));
        Platform platform = dsl.transactionResult(cfg -> platforms.byId(cfg.dsl(), login.platformId())).orElseThrow();
        if (!post.state().equals(post.stateCookie())) {
            if (login.storageTarget() == null) {
                throw LaunchRefused.untrusted("lti_state_not_bound", "This browser did not bring back the state cookie"
                        + " set at the login (third-party cookies are probably blocked in the LMS frame) and the"
                        + " platform offers no LTI storage to check the state in. Open Chainwise in a new window,"
                        + " or allow its cookies.");
            }
            if (post.storageState() == null && post.storageError() == null) {
                return new Outcome.CheckPlatformStorage(post.state(), login.storageTarget(),
                        origin(platform.authLoginUrl()), post.idToken());
            }
            if (!post.state().equals(post.storageState())) {
                throw LaunchRefused.untrusted("lti_state_not_bound", "The state is neither in this browser's cookie"
                        + " nor in the platform's LTI storage (" + (post.storageError() == null
                        ? "the storage holds another value" : post.storageError()) + "): the launch was not started"
                        + " in this browser.");
            }
        }
        LtiMessage message = verifier.verify(post.idToken(), platform, login.nonce(), toolBase);
        // Kept as long as the token could pass the expiry check, and never shorter than a login lasts.
        Instant keepUntil = message.header().expiresAt().plus(IdTokenVerifier.CLOCK_SKEW);
        Instant loginEnd = Instant.now().plus(LoginService.LOGIN_LIFETIME);
        OffsetDateTime nonceKeptUntil = (keepUntil.isAfter(loginEnd) ? keepUntil : loginEnd).atOffset(ZoneOffset.UTC);
        return switch (message) {
            case ResourceLinkLaunch launch -> land(launch, login, nonceKeptUntil, toolBase);
            case DeepLinkingRequest request -> pick(request, login, nonceKeptUntil);
        };
    }

    private Outcome land(ResourceLinkLaunch launch, LaunchState login, OffsetDateTime nonceKeptUntil, URI toolBase) {
        Header header = launch.header();
        PracticeSetDefinition definition = PracticeSetDefinition.fromCustom(header.custom(), launch.resourceLink().title());
        Role role = Role.fromLtiRoles(header.roles());
        Landing landing = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Member member = member(tx, header, login, nonceKeptUntil, role);
            List<String> unknown = links.unknownSkills(tx, definition.skills());
            if (!unknown.isEmpty()) {
                throw LaunchRefused.badRequest("lti_custom_invalid", "The custom parameter "
                        + PracticeSetDefinition.SKILLS + " names unknown skills " + unknown + ".");
            }
            String linkId = launch.resourceLink().id();
            long setId = links.practiceSetFor(tx, member.courseId(), linkId, definition);
            links.saveResourceLink(tx, setId, member.courseId(), linkId, launch.resourceLink().title(),
                    launch.ags().map(LtiMessage.AgsEndpoint::lineItem).orElse(null));
            if (launch.ags().isPresent() || launch.nrps().isPresent()) {
                links.saveCourseServices(tx, member.courseId(),
                        launch.ags().map(LtiMessage.AgsEndpoint::lineItems).orElse(null),
                        launch.ags().map(LtiMessage.AgsEndpoint::scopes).orElse(List.of()),
                        launch.nrps().map(LtiMessage.NrpsEndpoint::contextMemberships).orElse(null),
                        launch.nrps().map(LtiMessage.NrpsEndpoint::serviceVersions).orElse(List.of()));
            }
            return new Landing(member, setId);
        });
        Member member = landing.member();
        String token = sessions.open(member.userId(), member.courseId(), role);
        String path = role == Role.INSTRUCTOR ? "/teacher/" + member.courseId() : "/practice/" + landing.practiceSetId();
        return new Outcome.Landed(URI.create(urls.resolve(toolBase, path) + "#session=" + token), token, role,
                member.courseId(), member.userId(), landing.practiceSetId());
    }

    private Outcome pick(DeepLinkingRequest request, LaunchState login, OffsetDateTime nonceKeptUntil) {
        Header header = request.header();
        Role role = Role.fromLtiRoles(header.roles());
        if (role != Role.INSTRUCTOR) {
            throw LaunchRefused.forbidden("lti_deep_linking_forbidden", "Only instructors place Chainwise practice"
                    + " sets; the roles of this launch are " + header.roles() + ".");
        }
        String formToken = RandomTokens.next();
        List<ResourceLinkStore.PlacedSet> placed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Member member = member(tx, header, login, nonceKeptUntil, role);
            deepLinks.deleteExpired(tx);
            deepLinks.insert(tx, RandomTokens.sha256(formToken), new PendingDeepLink(header.platform().id(),
                    header.deploymentId(), member.courseId(), member.userId(),
                    request.settings().returnUrl().toString(), request.settings().data()), DEEP_LINK_LIFETIME);
            return links.placedSets(tx, member.courseId());
        });
        return new Outcome.PickPracticeSet(formToken, header.context() == null ? null : header.context().title(), placed);
    }

    private record Member(long userId, long courseId) {
    }

    private record Landing(Member member, long practiceSetId) {
    }

    /**
     * Inside the launch's transaction: refuses a replayed nonce, consumes the login, checks (or
     * learns) the deployment, and records the user, the course and the role.
     */
    private Member member(DSLContext tx, Header header, LaunchState login, OffsetDateTime nonceKeptUntil, Role role) {
        Platform platform = header.platform();
        if (!states.recordNonce(tx, platform.id(), login.nonce(), nonceKeptUntil)) {
            throw LaunchRefused.untrusted("lti_nonce_replayed", "This id_token's nonce was used by an earlier launch:"
                    + " a launch is accepted once. Start again from the course.");
        }
        if (!states.consume(tx, login.state())) {
            throw LaunchRefused.badRequest("lti_state_used", "This login's state was used by an earlier launch.");
        }
        long deploymentRow = platforms.deployment(tx, platform.id(), header.deploymentId())
                .orElseGet(() -> {
                    if (!platform.learnDeployments()) {
                        throw LaunchRefused.unknownDeployment(platform, header.deploymentId());
                    }
                    return platforms.addDeployment(tx, platform.id(), header.deploymentId());
                });
        long userId = people.upsertUser(tx, platform.id(), header.subject(), header.name(), header.email());
        // A launch without a context (allowed by LTI Core) still needs a course: its deployment stands in.
        String contextId = header.context() != null ? header.context().id() : "deployment:" + header.deploymentId();
        long courseId = people.upsertCourse(tx, deploymentRow, contextId,
                header.context() == null ? null : header.context().title());
        people.grantRole(tx, courseId, userId, role);
        return new Member(userId, courseId);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
