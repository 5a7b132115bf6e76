package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.store.LtiServiceStore;
import org.chainwise.api.store.LtiServiceStore.LinkLineItem;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line item of a practice set whose launches named only the course's line items container (AGS
 * 2.0 §3.1): the one the container lists for the link, else one created there (label the set's
 * title, the score's maximum, the link's id, tag {@link LineItemService#TAG}) when the platform
 * granted the manage scope. It is remembered on the link, where a launch's {@code lineitem} is
 * kept, so later scores need no lookup. Runs in the grade sender, never on a launch.
 *
 * <p>Only one api node looks up and creates a link's line item at a time: it holds a lease on the
 * link row ({@code line_item_lease_until}); the others wait (their scores retry shortly) and then
 * read what it found. The lease is renewed just before the POST and is longer than a request may
 * take ({@code chainwise.grades.lease} against {@code chainwise.lti.services.request-timeout}), so
 * it cannot pass to another node while the POST is in flight. A node that dies after the POST leaves
 * a line item the next lookup finds by its resource link id, so it is not made twice either.
 */
@Singleton
public class LineItemFinder {

    private static final Logger LOG = LoggerFactory.getLogger(LineItemFinder.class);

    private final DSLContext dsl;
    private final LtiServiceStore services;
    private final LineItemService container;
    private final Duration lease;
    private final Clock clock = Clock.systemUTC();

    LineItemFinder(DSLContext dsl, LtiServiceStore services, LineItemService container,
                   @Value("${chainwise.grades.lease:2m}") Duration lease) {
        this.dsl = dsl;
        this.services = services;
        this.container = container;
        this.lease = lease;
    }

    /** Where a score goes: the link's line item, or why it has none. */
    public sealed interface Resolution {
    }

    public record Found(URI lineItem) implements Resolution {
    }

    /** No line item, and the tool may make none: what the administrator should change. */
    public record Missing(String problem) implements Resolution {
    }

    /**
     * The practice set's line item, found or made now if needed, for a score out of {@code
     * scoreMaximum}. A failure to reach the container (or another node busy with the same link) is a
     * retryable failure: the score waits in the outbox.
     */
    public Resolution lineItemFor(Platform platform, long practiceSetId, double scoreMaximum) throws ServiceCallFailure {
        Optional<LinkLineItem> read = dsl.transactionResult(cfg -> services.linkLineItem(cfg.dsl(), practiceSetId));
        if (read.isEmpty()) {
            return new Missing("practice set " + practiceSetId + " is no longer placed as a resource link");
        }
        LinkLineItem link = read.get();
        if (link.lineItem().isPresent()) {
            return new Found(link.lineItem().get());
        }
        boolean manage = link.scopes().contains(ServiceScopes.LINE_ITEM);
        if (!link.containerReadable()) {
            return missing(link, "the platform's launches name no line item for resource link " + link.resourceLinkId()
                    + " and the tool may not read the course's line items: grant the tool the AGS scope "
                    + ServiceScopes.LINE_ITEM + " (or give the link a grade item)");
        }
        if (link.problem().isPresent() && !manage) {
            // Recorded and reported already; a teacher's "send again" forgets it to look once more.
            return new Missing(link.problem().get());
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
        if (!dsl.transactionResult(cfg -> services.leaseLineItemLookup(cfg.dsl(), practiceSetId, now, leaseUntil))) {
            Optional<URI> meanwhile = dsl.transactionResult(cfg -> services.linkLineItem(cfg.dsl(), practiceSetId))
                    .flatMap(LinkLineItem::lineItem);
            if (meanwhile.isPresent()) {
                return new Found(meanwhile.get());
            }
            throw ServiceCallFailure.retryable("another api node is finding or creating the line item of resource link "
                    + link.resourceLinkId() + "; the score waits for it");
        }
        try {
            return lookUpOrCreate(platform, link, manage, scoreMaximum, leaseUntil);
        } catch (ServiceCallFailure | RuntimeException e) {
            dsl.transaction(cfg -> services.releaseLineItemLookup(cfg.dsl(), practiceSetId));
            throw e;
        }
    }

    /**
     * The platform answered that {@code lineItem} does not exist (a teacher deleted the grade book
     * column). When the tool may read the course's line items container, the link forgets it and
     * true is returned: {@link #lineItemFor} then finds or makes the link's line item again. Without
     * the container the tool could do nothing but wait for the column to come back, so the link keeps
     * it (false) and the score fails with the platform's answer, for the teacher to see and send again.
     */
    public boolean forgetGone(long practiceSetId, URI lineItem) {
        return dsl.transactionResult(cfg -> {
            if (!services.linkLineItem(cfg.dsl(), practiceSetId).map(LinkLineItem::containerReadable).orElse(false)) {
                return false;
            }
            if (services.lineItemGone(cfg.dsl(), practiceSetId, lineItem)) {
                LOG.warn("Line item {} of practice set {} is gone from the platform; finding or making it again.", lineItem, practiceSetId);
            }
            return true;
        });
    }

    private Resolution lookUpOrCreate(Platform platform, LinkLineItem link, boolean manage, double scoreMaximum,
                                      Instant leaseUntil) throws ServiceCallFailure {
        URI lineItems = link.lineItems().orElseThrow();
        Set<String> readScope = Set.of(manage ? ServiceScopes.LINE_ITEM : ServiceScopes.LINE_ITEM_READ_ONLY);
        Optional<URI> found = container.find(platform, lineItems, link.resourceLinkId(), readScope);
        if (found.isPresent()) {
            LOG.info("Line item of resource link {} found in {}: {}", link.resourceLinkId(), lineItems, found.get());
            return new Found(dsl.transactionResult(cfg -> services.lineItemFound(cfg.dsl(), link.practiceSetId(), found.get())));
        }
        if (!manage) {
            return missing(link, "the platform lists no line item for resource link " + link.resourceLinkId() + " in "
                    + lineItems + " and grants the tool only " + ServiceScopes.LINE_ITEM_READ_ONLY
                    + ", so Chainwise cannot create one: no grades are sent for \"" + link.title()
                    + "\". An LMS administrator should grant the tool the AGS scope " + ServiceScopes.LINE_ITEM
                    + " (or a teacher give the link a grade item), then press \"send again\" in Chainwise's LMS sync view");
        }
        Instant renewedUntil = clock.instant().plus(lease).truncatedTo(ChronoUnit.MICROS);
        if (!dsl.transactionResult(cfg -> services.renewLineItemLookup(cfg.dsl(), link.practiceSetId(), leaseUntil, renewedUntil))) {
            throw ServiceCallFailure.retryable("the lookup of the line item of resource link " + link.resourceLinkId()
                    + " took longer than its lease; the score waits for the next");
        }
        URI created = container.create(platform, lineItems, new LineItemService.LineItem(null, scoreMaximum, link.title(),
                link.resourceLinkId(), LineItemService.TAG));
        LOG.info("Line item for resource link {} created in {}: {}", link.resourceLinkId(), lineItems, created);
        return new Found(dsl.transactionResult(cfg -> services.lineItemFound(cfg.dsl(), link.practiceSetId(), created)));
    }

    /** Records the problem on the link, logged the first time only (per link, across nodes). */
    private Missing missing(LinkLineItem link, String problem) {
        if (dsl.transactionResult(cfg -> services.lineItemMissing(cfg.dsl(), link.practiceSetId(), problem))) {
            LOG.warn("No grades for practice set {}: {}.", link.practiceSetId(), problem);
        }
        return new Missing(problem);
    }
}
