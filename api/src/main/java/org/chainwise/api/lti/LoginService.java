package org.chainwise.api.lti;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chainwise.api.store.LaunchStateStore;
import org.chainwise.api.store.LtiPlatformStore;
import org.chainwise.api.store.People;
import org.jooq.DSLContext;

/**
 * The OIDC third-party login initiation (LTI Core 1.3 §5.1.1): finds the platform by iss (and
 * client_id when given), checks the target and the deployment hint, stores a fresh state and
 * nonce, and builds the authentication request to the platform.
 */
@Singleton
public class LoginService {

    /** How long a login may take from initiation to launch. */
    public static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);

    private final DSLContext dsl;
    private final LtiPlatformStore platforms;
    private final LaunchStateStore states;
    private final ToolUrls urls;

    LoginService(DSLContext dsl, LtiPlatformStore platforms, LaunchStateStore states, ToolUrls urls) {
        this.dsl = dsl;
        this.platforms = platforms;
        this.states = states;
        this.urls = urls;
    }

    /**
     * A login started: the authentication request to send the browser to ({@code authUrl} with
     * {@code parameters}), the state to bind to the browser, and the platform storage frame and
     * origin when the platform offers client-side storage.
     */
    public record LoginStart(URI authUrl, Map<String, String> parameters, String state, String nonce,
            String storageTarget, String platformOrigin) {

        /** The authentication request as one URL (a redirect). */
        public URI redirect() {
            String query = parameters.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return URI.create(authUrl + "?" + query);
        }
    }

    public LoginStart start(Map<String, String> request, URI toolBase) {
        String issuer = required(request, "iss");
        String loginHint = required(request, "login_hint");
        String target = required(request, "target_link_uri");
        Platform platform = platform(issuer, blankToNull(request.get("client_id")));
        URI targetUri;
        try {
            targetUri = new URI(target);
        } catch (java.net.URISyntaxException e) {
            targetUri = null;
        }
        if (!urls.isOurs(toolBase, targetUri)) {
            throw LaunchRefused.badRequest("lti_target_not_ours", "target_link_uri " + target
                    + " is not a Chainwise URL (expected one under " + toolBase + ").");
        }
        String deploymentHint = blankToNull(request.get("lti_deployment_id"));
        String storageTarget = blankToNull(request.get("lti_storage_target"));
        String state = RandomTokens.next();
        String nonce = RandomTokens.next();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (deploymentHint != null && !platform.learnDeployments()
                    && platforms.deployment(tx, platform.id(), deploymentHint).isEmpty()) {
                throw LaunchRefused.unknownDeployment(platform, deploymentHint);
            }
            states.deleteExpired(tx);
            states.insert(tx, state, nonce, platform.id(), target, storageTarget, LOGIN_LIFETIME);
        });
        Map<String, String> parameters = new LinkedHashMap<>(query(platform.authLoginUrl()));
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", platform.clientId());
        parameters.put("redirect_uri", urls.launch(toolBase).toString());
        parameters.put("login_hint", loginHint);
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        String messageHint = request.get("lti_message_hint");
        if (messageHint != null) {
            parameters.put("lti_message_hint", messageHint);
        }
        URI auth = platform.authLoginUrl();
        URI authWithoutQuery = URI.create(auth.getScheme() + "://" + auth.getRawAuthority()
                + (auth.getRawPath() == null ? "" : auth.getRawPath()));
        return new LoginStart(authWithoutQuery, parameters, state, nonce, storageTarget,
                auth.getScheme() + "://" + auth.getRawAuthority());
    }

    private Platform platform(String issuer, String clientId) {
        if (People.LOCAL_ISSUER.equals(issuer)) {
            throw LaunchRefused.badRequest("lti_unknown_platform", "'" + issuer + "' is Chainwise's own local"
                    + " platform, not an LMS.");
        }
        List<Platform> candidates = dsl.transactionResult(cfg -> clientId == null
                ? platforms.byIssuer(cfg.dsl(), issuer)
                : platforms.find(cfg.dsl(), issuer, clientId).map(List::of).orElse(List.of()));
        if (candidates.isEmpty()) {
            throw LaunchRefused.badRequest("lti_unknown_platform", "No platform is registered with issuer '" + issuer
                    + "'" + (clientId == null ? "" : " and client id '" + clientId + "'")
                    + ". An administrator registers it first (see 'Connect to your LMS' in the README).");
        }
        if (candidates.size() > 1) {
            throw LaunchRefused.badRequest("lti_unknown_platform", "Issuer '" + issuer + "' is registered with "
                    + candidates.size() + " client ids and the login initiation names none (client_id).");
        }
        return candidates.getFirst();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String required(Map<String, String> request, String name) {
        String value = blankToNull(request.get(name));
        if (value == null) {
            throw LaunchRefused.badRequest("lti_login_invalid", "The login initiation has no " + name + ".");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
