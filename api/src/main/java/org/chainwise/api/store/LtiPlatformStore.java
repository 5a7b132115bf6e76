package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_PLATFORM;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.lti.PlatformRegistration;
import org.chainwise.migrations.jooq.tables.records.LtiPlatformRecord;
import org.jooq.DSLContext;

/** The registry of LMS platforms, by (issuer, client id), and of their deployments. */
@Singleton
public class LtiPlatformStore {

    /** Registers the platform, or updates its endpoints when (issuer, client id) is already known; adds its deployments. */
    public Platform register(DSLContext tx, PlatformRegistration registration) {
        LtiPlatformRecord row = tx.insertInto(LTI_PLATFORM)
                .set(LTI_PLATFORM.ISSUER, registration.issuer())
                .set(LTI_PLATFORM.CLIENT_ID, registration.clientId())
                .set(LTI_PLATFORM.AUTH_LOGIN_URL, registration.authLoginUrl().toString())
                .set(LTI_PLATFORM.AUTH_TOKEN_URL, registration.authTokenUrl().toString())
                .set(LTI_PLATFORM.JWKS_URL, registration.jwksUrl().toString())
                .set(LTI_PLATFORM.LEARN_DEPLOYMENTS, registration.learnDeployments())
                .onConflict(LTI_PLATFORM.ISSUER, LTI_PLATFORM.CLIENT_ID).doUpdate()
                .set(LTI_PLATFORM.AUTH_LOGIN_URL, registration.authLoginUrl().toString())
                .set(LTI_PLATFORM.AUTH_TOKEN_URL, registration.authTokenUrl().toString())
                .set(LTI_PLATFORM.JWKS_URL, registration.jwksUrl().toString())
                .set(LTI_PLATFORM.LEARN_DEPLOYMENTS, registration.learnDeployments())
                .returning().fetchOne();
        Platform platform = platform(row);
        registration.deploymentIds().forEach(d -> addDeployment(tx, platform.id(), d));
        return platform;
    }

    /** Adds a deployment to the platform (nothing when it is known) and returns its row id. */
    public long addDeployment(DSLContext tx, long platformId, String deploymentId) {
        tx.insertInto(LTI_DEPLOYMENT)
                .set(LTI_DEPLOYMENT.PLATFORM_ID, platformId)
                .set(LTI_DEPLOYMENT.DEPLOYMENT_ID, deploymentId)
                .onConflictDoNothing()
                .execute();
        return deployment(tx, platformId, deploymentId).orElseThrow();
    }

    /** The row id of the platform's deployment, if registered. */
    public Optional<Long> deployment(DSLContext tx, long platformId, String deploymentId) {
        return tx.select(LTI_DEPLOYMENT.ID).from(LTI_DEPLOYMENT)
                .where(LTI_DEPLOYMENT.PLATFORM_ID.eq(platformId), LTI_DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId))
                .fetchOptional(LTI_DEPLOYMENT.ID);
    }

    /** The deployment ids registered for the platform, in registration order. */
    public List<String> deployments(DSLContext tx, long platformId) {
        return tx.select(LTI_DEPLOYMENT.DEPLOYMENT_ID).from(LTI_DEPLOYMENT)
                .where(LTI_DEPLOYMENT.PLATFORM_ID.eq(platformId))
                .orderBy(LTI_DEPLOYMENT.ID)
                .fetch(LTI_DEPLOYMENT.DEPLOYMENT_ID);
    }

    public Optional<Platform> byId(DSLContext tx, long id) {
        return tx.selectFrom(LTI_PLATFORM).where(LTI_PLATFORM.ID.eq(id)).fetchOptional().map(LtiPlatformStore::platform);
    }

    public Optional<Platform> find(DSLContext tx, String issuer, String clientId) {
        return tx.selectFrom(LTI_PLATFORM)
                .where(LTI_PLATFORM.ISSUER.eq(issuer), LTI_PLATFORM.CLIENT_ID.eq(clientId))
                .fetchOptional().map(LtiPlatformStore::platform);
    }

    /** Every client registered under the issuer: a login initiation without client_id must match exactly one. */
    public List<Platform> byIssuer(DSLContext tx, String issuer) {
        return tx.selectFrom(LTI_PLATFORM).where(LTI_PLATFORM.ISSUER.eq(issuer)).orderBy(LTI_PLATFORM.ID)
                .fetch(LtiPlatformStore::platform);
    }

    public List<Platform> all(DSLContext tx) {
        return tx.selectFrom(LTI_PLATFORM).orderBy(LTI_PLATFORM.ID).fetch(LtiPlatformStore::platform);
    }

    private static Platform platform(LtiPlatformRecord row) {
        return new Platform(row.getId(), row.getIssuer(), row.getClientId(), URI.create(row.getAuthLoginUrl()),
                URI.create(row.getAuthTokenUrl()), URI.create(row.getJwksUrl()), row.getLearnDeployments());
    }
}
