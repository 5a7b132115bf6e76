package org.chainwise.api.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.api.store.DeepLinkRequestStore;
import org.chainwise.api.store.DeepLinkRequestStore.PendingDeepLink;
import org.chainwise.api.store.LtiPlatformStore;
import org.chainwise.api.store.ResourceLinkStore;
import org.jooq.DSLContext;

/**
 * The deep-linking response (Deep Linking 2.0 §4.2): the practice set the instructor configured
 * (or one of the course's sets, placed again),
 * returned as one {@code ltiResourceLink} content item whose custom parameters define the set and
 * whose {@code lineItem} asks the platform to make a gradebook column for it, in a JWT signed
 * with the tool's current key and addressed to the platform.
 */
@Singleton
public class DeepLinkService {

    /** The points the platform's line item is out of; scores are sent as a fraction of it. */
    public static final double SCORE_MAXIMUM = 100;
    public static final String LINE_ITEM_TAG = "chainwise-practice";
    private static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);

    private final DSLContext dsl;
    private final DeepLinkRequestStore requests;
    private final LtiPlatformStore platforms;
    private final ResourceLinkStore links;
    private final ToolKeys keys;
    private final ToolUrls urls;

    DeepLinkService(DSLContext dsl, DeepLinkRequestStore requests, LtiPlatformStore platforms, ResourceLinkStore links,
            ToolKeys keys, ToolUrls urls) {
        this.dsl = dsl;
        this.requests = requests;
        this.platforms = platforms;
        this.links = links;
        this.keys = keys;
        this.urls = urls;
    }

    /** What the instructor chose: a set configured in the picker, or one of the course's sets placed again. */
    public sealed interface Choice {
        record Configured(PracticeSetDefinition definition) implements Choice {
        }

        record PlaceAgain(long practiceSetId) implements Choice {
        }
    }

    /** The signed response and where the browser posts it (as the form field {@code JWT}). */
    public record Response(URI returnUrl, String jwt) {
    }

    public Response respond(String formToken, Choice choice, URI toolBase) {
        if (formToken == null || formToken.isBlank()) {
            throw LaunchRefused.badRequest("lti_deep_link_unknown", "The choice carries no request token: open the"
                    + " picker from the LMS again.");
        }
        record Taken(PendingDeepLink request, Platform platform, PracticeSetDefinition chosen) {
        }
        Taken taken = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PendingDeepLink request = requests.take(tx, RandomTokens.sha256(formToken)).orElseThrow(() ->
                    LaunchRefused.badRequest("lti_deep_link_unknown", "This deep-linking request is unknown, expired"
                            + " or answered already: open the picker from the LMS again."));
            PracticeSetDefinition chosen = switch (choice) {
                case Choice.Configured configured -> configured.definition();
                case Choice.PlaceAgain again -> links.placedSets(tx, request.courseId()).stream()
                        .filter(p -> p.practiceSetId() == again.practiceSetId()).findFirst()
                        .map(ResourceLinkStore.PlacedSet::definition)
                        .orElseThrow(() -> LaunchRefused.badRequest("lti_deep_link_unknown", "Practice set "
                                + again.practiceSetId() + " is not one of this course's sets."));
            };
            List<String> unknown = links.unknownSkills(tx, chosen.skills());
            if (!unknown.isEmpty()) {
                throw LaunchRefused.badRequest("lti_custom_invalid", "Unknown skills " + unknown + ".");
            }
            return new Taken(request, platforms.byId(tx, request.platformId()).orElseThrow(), chosen);
        });
        PracticeSetDefinition chosen = taken.chosen();
        Instant now = Instant.now();
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", SCORE_MAXIMUM);
        lineItem.put("label", chosen.title());
        lineItem.put("resourceId", "chainwise:" + RandomTokens.next().substring(0, 16));
        lineItem.put("tag", LINE_ITEM_TAG);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", LtiClaims.LTI_RESOURCE_LINK);
        item.put("title", chosen.title());
        item.put("text", "Adaptive chain-rule practice: " + String.join(", ", chosen.skills()).toLowerCase()
                .replace('_', ' ') + ".");
        item.put("url", urls.launch(toolBase).toString());
        item.put("custom", chosen.toCustom());
        item.put("lineItem", lineItem);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(taken.platform().clientId())
                .audience(taken.platform().issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(RESPONSE_LIFETIME)))
                .claim("nonce", RandomTokens.next())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, taken.request().deploymentId())
                .claim(LtiClaims.CONTENT_ITEMS, List.of(item))
                .claim(LtiClaims.DL_MSG, "Placed \"" + chosen.title() + "\".");
        if (taken.request().data() != null) {
            claims.claim(LtiClaims.DL_DATA, taken.request().data());
        }
        return new Response(URI.create(taken.request().returnUrl()), keys.sign(claims.build()));
    }
}
