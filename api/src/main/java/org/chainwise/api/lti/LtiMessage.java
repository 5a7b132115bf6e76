package org.chainwise.api.lti;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A launch message whose id_token passed every check: signature, issuer, audience, times, nonce,
 * version, message type, and the claims its type requires. One record per message type the tool
 * accepts.
 */
public sealed interface LtiMessage permits LtiMessage.ResourceLinkLaunch, LtiMessage.DeepLinkingRequest {

    /** What every accepted message says: who, where, from which deployment, for which target, and until when it is valid. */
    Header header();

    record Header(Platform platform, String deploymentId, String subject, String name, String email,
            List<String> roles, Context context, URI targetLinkUri, Map<String, String> custom, Instant expiresAt) {
        public Header {
            roles = List.copyOf(roles);
            custom = Map.copyOf(custom);
        }
    }

    /** The LTI context (course) the message comes from; {@code title} may be null. */
    record Context(String id, String title) {
    }

    /** A resource-link launch: a learner or instructor opening a placed practice set. */
    record ResourceLinkLaunch(Header header, ResourceLink resourceLink, Optional<AgsEndpoint> ags,
            Optional<NrpsEndpoint> nrps) implements LtiMessage {
    }

    /** A deep-linking request: an instructor choosing what to place. */
    record DeepLinkingRequest(Header header, DeepLinkingSettings settings) implements LtiMessage {
    }

    record ResourceLink(String id, String title) {
    }

    /** The AGS endpoint claim: the line items container, this link's line item (if any) and the granted scopes. */
    record AgsEndpoint(URI lineItems, URI lineItem, List<String> scopes) {
        public AgsEndpoint {
            scopes = List.copyOf(scopes);
        }
    }

    /** The NRPS claim: the context memberships URL and the service versions. */
    record NrpsEndpoint(URI contextMemberships, List<String> serviceVersions) {
        public NrpsEndpoint {
            serviceVersions = List.copyOf(serviceVersions);
        }
    }

    /** The deep-linking settings: where to post the response, what the platform accepts, and its opaque data. */
    record DeepLinkingSettings(URI returnUrl, List<String> acceptTypes, boolean acceptMultiple, String data) {
        public DeepLinkingSettings {
            acceptTypes = List.copyOf(acceptTypes);
        }
    }
}
