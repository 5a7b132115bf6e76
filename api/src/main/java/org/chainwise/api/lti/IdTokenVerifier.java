package org.chainwise.api.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.api.lti.LtiMessage.AgsEndpoint;
import org.chainwise.api.lti.LtiMessage.Context;
import org.chainwise.api.lti.LtiMessage.DeepLinkingRequest;
import org.chainwise.api.lti.LtiMessage.DeepLinkingSettings;
import org.chainwise.api.lti.LtiMessage.Header;
import org.chainwise.api.lti.LtiMessage.NrpsEndpoint;
import org.chainwise.api.lti.LtiMessage.ResourceLink;
import org.chainwise.api.lti.LtiMessage.ResourceLinkLaunch;

/**
 * Checks an id_token by the rules of the 1EdTech Security Framework 1.0 and LTI Core 1.3, in
 * order: a signed JWT with RS256 and a kid; the signature, with the platform's published key;
 * iss the platform the login started with; aud holding the tool's client id (and azp naming it
 * when there are several audiences or an azp at all); exp not past and iat not ahead, each with
 * {@link #CLOCK_SKEW}; the nonce of the login; version 1.3.0; a message type the tool accepts;
 * deployment_id, sub, roles and target_link_uri present, the target one of the tool's URLs; and
 * the claims of the message type (resource_link.id, deep-linking settings). Replay (a nonce seen
 * before) and deployment registration need the database and are checked by {@link LaunchService}.
 */
@Singleton
public class IdTokenVerifier {

    /** How far the platform's clock may be from ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_CHARS = 64 * 1024;
    private static final int MAX_DEPLOYMENT_ID = 255;

    private final PlatformKeys platformKeys;
    private final ToolUrls urls;

    IdTokenVerifier(PlatformKeys platformKeys, ToolUrls urls) {
        this.platformKeys = platformKeys;
        this.urls = urls;
    }

    /** The verified message, or a {@link LaunchRefused} naming the first rule it breaks. */
    public LtiMessage verify(String idToken, Platform platform, String expectedNonce, URI toolBase) {
        JWTClaimsSet claims = verifiedClaims(idToken, platform);
        checkTimes(claims);
        checkNonce(claims, expectedNonce);
        String version = string(claims, LtiClaims.VERSION);
        if (!LtiClaims.LTI_VERSION.equals(version)) {
            throw LaunchRefused.badRequest("lti_wrong_version", "The launch is LTI version '" + version
                    + "'; Chainwise accepts LTI " + LtiClaims.LTI_VERSION + " messages only.");
        }
        String messageType = string(claims, LtiClaims.MESSAGE_TYPE);
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
            throw LaunchRefused.badRequest("lti_wrong_message_type", "The message type '" + messageType
                    + "' is not one Chainwise accepts (" + LtiClaims.RESOURCE_LINK_REQUEST + ", "
                    + LtiClaims.DEEP_LINKING_REQUEST + ").");
        }
        Header header = header(claims, platform, toolBase);
        return LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)
                ? resourceLinkLaunch(claims, header)
                : new DeepLinkingRequest(header, deepLinkingSettings(claims));
    }

    private JWTClaimsSet verifiedClaims(String idToken, Platform platform) {
        if (idToken.length() > MAX_TOKEN_CHARS) {
            throw LaunchRefused.badRequest("lti_token_malformed", "The id_token is longer than " + MAX_TOKEN_CHARS
                    + " characters.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRefused.badRequest("lti_token_malformed", "The id_token is not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw LaunchRefused.untrusted("lti_bad_signature", "The id_token is signed with "
                    + jwt.getHeader().getAlgorithm() + "; LTI 1.3 requires RS256.");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw LaunchRefused.untrusted("lti_unknown_kid", "The id_token header names no key (kid).");
        }
        boolean verified;
        try {
            verified = jwt.verify(new RSASSAVerifier(platformKeys.key(platform.jwksUrl(), kid)));
        } catch (JOSEException e) {
            verified = false;
        }
        if (!verified) {
            throw LaunchRefused.untrusted("lti_bad_signature", "The id_token's signature does not verify with the"
                    + " platform's key '" + kid + "'.");
        }
        if (!platform.issuer().equals(claims.getIssuer())) {
            throw LaunchRefused.untrusted("lti_wrong_issuer", "The id_token is issued by '" + claims.getIssuer()
                    + "', not by the platform this login started with ('" + platform.issuer() + "').");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(platform.clientId())) {
            throw LaunchRefused.untrusted("lti_wrong_audience", "The id_token is meant for " + audience
                    + ", not for this tool's client id '" + platform.clientId() + "'.");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
            throw LaunchRefused.untrusted("lti_wrong_audience", "The id_token's authorized party (azp) is '" + azp
                    + "', not this tool's client id '" + platform.clientId() + "'.");
        }
        return claims;
    }

    private static void checkTimes(JWTClaimsSet claims) {
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The id_token must carry both exp and iat.");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw LaunchRefused.untrusted("lti_token_expired", "The id_token expired at " + exp.toInstant()
                    + " (now " + now + "); start the launch again from the course.");
        }
        if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRefused.untrusted("lti_token_from_future", "The id_token is issued at " + iat.toInstant()
                    + ", more than " + CLOCK_SKEW.toSeconds() + " s ahead of the tool's clock (" + now
                    + "); check the platform's clock.");
        }
    }

    private static void checkNonce(JWTClaimsSet claims, String expectedNonce) {
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String text) || text.isEmpty()) {
            throw LaunchRefused.untrusted("lti_nonce_missing", "The id_token carries no nonce.");
        }
        if (!text.equals(expectedNonce)) {
            throw LaunchRefused.untrusted("lti_nonce_mismatch", "The id_token's nonce is not the one this login"
                    + " sent to the platform.");
        }
    }

    private Header header(JWTClaimsSet claims, Platform platform, URI toolBase) {
        String deploymentId = required(claims, LtiClaims.DEPLOYMENT_ID, "deployment_id");
        if (deploymentId.length() > MAX_DEPLOYMENT_ID) {
            throw LaunchRefused.badRequest("lti_claim_invalid", "deployment_id is longer than " + MAX_DEPLOYMENT_ID
                    + " characters.");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The id_token has no sub: Chainwise needs to know"
                    + " who is launching (anonymous launches are not supported).");
        }
        URI target = targetLinkUri(required(claims, LtiClaims.TARGET_LINK_URI, "target_link_uri"));
        if (!urls.isOurs(toolBase, target)) {
            throw LaunchRefused.badRequest("lti_target_not_ours", "target_link_uri " + target
                    + " is not a Chainwise URL (expected one under " + toolBase + ").");
        }
        Object roles = claims.getClaim(LtiClaims.ROLES);
        if (!(roles instanceof List<?> list)) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The id_token has no roles claim ("
                    + LtiClaims.ROLES + ").");
        }
        List<String> roleNames = new ArrayList<>();
        list.forEach(r -> roleNames.add(String.valueOf(r)));
        Map<String, Object> context = object(claims, LtiClaims.CONTEXT);
        Context course = context == null || text(context.get("id")) == null
                ? null : new Context(text(context.get("id")), text(context.get("title")));
        Map<String, String> custom = new LinkedHashMap<>();
        Map<String, Object> rawCustom = object(claims, LtiClaims.CUSTOM);
        if (rawCustom != null) {
            rawCustom.forEach((k, v) -> custom.put(k, String.valueOf(v)));
        }
        return new Header(platform, deploymentId, subject, text(claims.getClaim("name")), text(claims.getClaim("email")),
                roleNames, course, target, custom, claims.getExpirationTime().toInstant());
    }

    private static ResourceLinkLaunch resourceLinkLaunch(JWTClaimsSet claims, Header header) {
        Map<String, Object> link = object(claims, LtiClaims.RESOURCE_LINK);
        if (link == null || text(link.get("id")) == null) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The resource link launch has no resource_link.id ("
                    + LtiClaims.RESOURCE_LINK + ").");
        }
        Optional<AgsEndpoint> ags = Optional.ofNullable(object(claims, LtiClaims.AGS_ENDPOINT)).map(e -> new AgsEndpoint(
                url(e.get("lineitems")), url(e.get("lineitem")), strings(e.get("scope"))));
        Optional<NrpsEndpoint> nrps = Optional.ofNullable(object(claims, LtiClaims.NRPS))
                .filter(e -> url(e.get("context_memberships_url")) != null)
                .map(e -> new NrpsEndpoint(url(e.get("context_memberships_url")), strings(e.get("service_versions"))));
        return new ResourceLinkLaunch(header, new ResourceLink(text(link.get("id")), text(link.get("title"))), ags, nrps);
    }

    private static DeepLinkingSettings deepLinkingSettings(JWTClaimsSet claims) {
        Map<String, Object> settings = object(claims, LtiClaims.DEEP_LINKING_SETTINGS);
        if (settings == null || url(settings.get("deep_link_return_url")) == null) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The deep-linking request has no"
                    + " deep_link_return_url (" + LtiClaims.DEEP_LINKING_SETTINGS + ").");
        }
        List<String> accept = strings(settings.get("accept_types"));
        if (!accept.contains(LtiClaims.LTI_RESOURCE_LINK)) {
            throw LaunchRefused.badRequest("lti_claim_invalid", "The platform accepts " + accept
                    + " here; Chainwise places practice sets as " + LtiClaims.LTI_RESOURCE_LINK + ".");
        }
        return new DeepLinkingSettings(url(settings.get("deep_link_return_url")), accept,
                Boolean.TRUE.equals(settings.get("accept_multiple")), text(settings.get("data")));
    }

    private static String required(JWTClaimsSet claims, String claim, String shortName) {
        String value = string(claims, claim);
        if (value == null || value.isBlank()) {
            throw LaunchRefused.badRequest("lti_claim_missing", "The id_token has no " + shortName + " (" + claim + ").");
        }
        return value;
    }

    private static String string(JWTClaimsSet claims, String claim) {
        return text(claims.getClaim(claim));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JWTClaimsSet claims, String claim) {
        return claims.getClaim(claim) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static URI targetLinkUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw LaunchRefused.badRequest("lti_target_not_ours", "target_link_uri '" + text + "' is not a URL.");
        }
    }

    private static URI url(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
