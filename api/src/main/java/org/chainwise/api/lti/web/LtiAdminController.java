package org.chainwise.api.lti.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.chainwise.api.identity.BearerToken;
import org.chainwise.api.lti.LtiClaims;
import org.chainwise.api.lti.LtiRegistration;
import org.chainwise.api.lti.LtiRegistration.Registered;
import org.chainwise.api.lti.PlatformRegistration;
import org.chainwise.api.lti.PlatformRegistration.InvalidRegistration;
import org.chainwise.api.lti.ToolKeys;
import org.chainwise.api.lti.ToolUrls;
import org.chainwise.api.web.ApiException;

/**
 * The LTI administration API under {@code /api/v1/admin/lti}: register a platform and its
 * deployments, list them, read the tool's LMS configuration values, list and rotate the tool's
 * keys. Every call needs {@code Authorization: Bearer <CHAINWISE_ADMIN_TOKEN>}; with no admin
 * token configured the API refuses everything.
 */
@Controller("/api/v1/admin/lti")
class LtiAdminController {

    private final byte[] adminToken;
    private final LtiRegistration registration;
    private final ToolKeys keys;
    private final ToolUrls urls;

    LtiAdminController(@Value("${chainwise.admin-token:}") String adminToken, LtiRegistration registration,
            ToolKeys keys, ToolUrls urls) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.registration = registration;
        this.keys = keys;
        this.urls = urls;
    }

    @Serdeable
    record RegisterPlatform(String issuer, String clientId, String authLoginUrl, String authTokenUrl, String jwksUrl,
            @Nullable List<String> deploymentIds, @Nullable Boolean learnDeployments) {
    }

    @Serdeable
    record PlatformView(long id, String issuer, String clientId, String authLoginUrl, String authTokenUrl,
            String jwksUrl, List<String> deploymentIds, boolean learnDeployments) {
        static PlatformView of(Registered r) {
            return new PlatformView(r.platform().id(), r.platform().issuer(), r.platform().clientId(),
                    r.platform().authLoginUrl().toString(), r.platform().authTokenUrl().toString(),
                    r.platform().jwksUrl().toString(), r.deploymentIds(), r.platform().learnDeployments());
        }
    }

    @Serdeable
    record AddDeployment(String deploymentId) {
    }

    @Serdeable
    record Rotate(@Nullable Long overlapHours) {
    }

    @Serdeable
    record KeyView(String kid, boolean current, OffsetDateTime createdAt, @Nullable OffsetDateTime publishedUntil) {
    }

    @Serdeable
    record RotationView(String currentKid, @Nullable String retiredKid, @Nullable String retiredPublishedUntil) {
    }

    /** The values an LMS administrator enters for the tool. */
    @Serdeable
    record ToolConfiguration(String loginInitiationUrl, String redirectUrl, String targetLinkUri, String deepLinkingUrl,
            String jwksUrl, List<String> scopes) {
    }

    @Post("/platforms")
    HttpResponse<PlatformView> register(HttpRequest<?> request, @Body RegisterPlatform body) {
        authorize(request);
        try {
            PlatformRegistration platform = new PlatformRegistration(body.issuer(), body.clientId(),
                    PlatformRegistration.url("authLoginUrl", body.authLoginUrl()),
                    PlatformRegistration.url("authTokenUrl", body.authTokenUrl()),
                    PlatformRegistration.url("jwksUrl", body.jwksUrl()), body.deploymentIds(),
                    Boolean.TRUE.equals(body.learnDeployments()));
            return HttpResponse.created(PlatformView.of(registration.register(platform)));
        } catch (InvalidRegistration e) {
            throw ApiException.badRequest("invalid_registration", e.getMessage(), e.field());
        }
    }

    @Get("/platforms")
    List<PlatformView> platforms(HttpRequest<?> request) {
        authorize(request);
        return registration.all().stream().map(PlatformView::of).toList();
    }

    @Post("/platforms/{platformId}/deployments")
    PlatformView addDeployment(HttpRequest<?> request, @PathVariable long platformId, @Body AddDeployment body) {
        authorize(request);
        try {
            return PlatformView.of(registration.addDeployment(platformId, body.deploymentId()));
        } catch (InvalidRegistration e) {
            if ("platformId".equals(e.field())) {
                throw ApiException.notFound("unknown_platform", e.getMessage());
            }
            throw ApiException.badRequest("invalid_registration", e.getMessage(), e.field());
        }
    }

    @Get("/configuration")
    ToolConfiguration configuration(HttpRequest<?> request) {
        authorize(request);
        URI base = urls.base(request);
        return new ToolConfiguration(urls.login(base).toString(), urls.launch(base).toString(),
                urls.launch(base).toString(), urls.deepLink(base).toString(), urls.jwks(base).toString(),
                List.of(LtiClaims.SCOPE_LINE_ITEM, LtiClaims.SCOPE_SCORE, LtiClaims.SCOPE_RESULT_READONLY,
                        LtiClaims.SCOPE_MEMBERSHIPS));
    }

    @Get("/keys")
    List<KeyView> keys(HttpRequest<?> request) {
        authorize(request);
        keys.current();
        return keys.published().stream()
                .map(k -> new KeyView(k.kid(), k.current(), k.createdAt(), k.publishedUntil())).toList();
    }

    @Post("/keys/rotate")
    RotationView rotate(HttpRequest<?> request, @Nullable @Body Rotate body) {
        authorize(request);
        long hours = body == null || body.overlapHours() == null ? ToolKeys.DEFAULT_OVERLAP.toHours() : body.overlapHours();
        if (hours < 0 || hours > 24 * 365) {
            throw ApiException.badRequest("invalid_overlap", "overlapHours must be between 0 and 8760.", "overlapHours");
        }
        ToolKeys.Rotation rotation = keys.rotate(Duration.ofHours(hours));
        return new RotationView(rotation.currentKid(), rotation.retiredKid(),
                rotation.retiredPublishedUntil() == null ? null : rotation.retiredPublishedUntil().toString());
    }

    private void authorize(HttpRequest<?> request) {
        if (adminToken == null) {
            throw ApiException.forbidden("admin_disabled", "The admin API is off: set CHAINWISE_ADMIN_TOKEN to use it.");
        }
        byte[] given = BearerToken.of(request).map(token -> token.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (!MessageDigest.isEqual(adminToken, given)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "The admin API needs Authorization: Bearer <CHAINWISE_ADMIN_TOKEN>.", null);
        }
    }
}
