package org.chainwise.api.lti;

import jakarta.inject.Singleton;
import java.util.List;
import org.chainwise.api.store.LtiPlatformStore;
import org.jooq.DSLContext;

/** Registering platforms and their deployments: what the admin API and the {@code lti} command both do. */
@Singleton
public class LtiRegistration {

    private final DSLContext dsl;
    private final LtiPlatformStore platforms;

    LtiRegistration(DSLContext dsl, LtiPlatformStore platforms) {
        this.dsl = dsl;
        this.platforms = platforms;
    }

    /** A platform with its deployment ids. */
    public record Registered(Platform platform, List<String> deploymentIds) {
    }

    /** Registers the platform (or updates the endpoints of the one with this issuer and client id) and its deployments. */
    public Registered register(PlatformRegistration registration) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Platform platform = platforms.register(tx, registration);
            return new Registered(platform, platforms.deployments(tx, platform.id()));
        });
    }

    /** Adds a deployment to a registered platform. */
    public Registered addDeployment(long platformId, String deploymentId) {
        if (deploymentId == null || deploymentId.isBlank()) {
            throw new PlatformRegistration.InvalidRegistration("deploymentId", "deploymentId is required");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Platform platform = platforms.byId(tx, platformId).orElseThrow(() ->
                    new PlatformRegistration.InvalidRegistration("platformId", "no platform " + platformId));
            platforms.addDeployment(tx, platformId, deploymentId.strip());
            return new Registered(platform, platforms.deployments(tx, platformId));
        });
    }

    public List<Registered> all() {
        return dsl.transactionResult(cfg -> platforms.all(cfg.dsl()).stream()
                .filter(p -> !org.chainwise.api.store.People.LOCAL_ISSUER.equals(p.issuer()))
                .map(p -> new Registered(p, platforms.deployments(cfg.dsl(), p.id())))
                .toList());
    }
}
