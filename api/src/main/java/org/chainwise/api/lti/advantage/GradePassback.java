package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.store.GradeOutboxStore;
import org.chainwise.api.store.GradeOutboxStore.Claimed;
import org.chainwise.api.store.LtiPlatformStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due scores to the platforms. Each round claims a bounded batch under a lease
 * (so any number of api nodes can run it side by side), publishes every score outside any
 * transaction (a score queued without a line item goes to the link's line item, which {@link
 * LineItemFinder} finds or makes first), and records the outcome: sent; rescheduled with exponential backoff and jitter; or
 * failed, with the platform's answer kept for the teacher, when the platform refuses it for good
 * or it has not gone through for {@code chainwise.grades.give-up-after}.
 */
@Singleton
public class GradePassback {

    private static final Logger LOG = LoggerFactory.getLogger(GradePassback.class);

    private final DSLContext dsl;
    private final GradeOutboxStore outbox;
    private final LtiPlatformStore platforms;
    private final ScorePublisher publisher;
    private final LineItemFinder lineItems;
    private final Backoff backoff;
    private final Duration lease;
    /** The longest sending one score may take: an access token, then the score, each up to the request timeout. */
    private final Duration oneScoreAtMost;
    private final Duration giveUpAfter;
    private final Duration keepSent;
    private final int batchSize;
    private final int maxRounds;
    private final Clock clock = Clock.systemUTC();
    private final RandomGenerator random = RandomGenerator.getDefault();
    /** Names this process in claimed_by. */
    private final String node = "api-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    GradePassback(DSLContext dsl, GradeOutboxStore outbox, LtiPlatformStore platforms, ScorePublisher publisher,
                  LineItemFinder lineItems, PlatformHttp http,
                  @Value("${chainwise.grades.retry-base-delay:5s}") Duration retryBase,
                  @Value("${chainwise.grades.retry-max-delay:1h}") Duration retryCap,
                  @Value("${chainwise.grades.lease:2m}") Duration lease,
                  @Value("${chainwise.grades.give-up-after:3d}") Duration giveUpAfter,
                  @Value("${chainwise.grades.keep-sent:30d}") Duration keepSent,
                  @Value("${chainwise.grades.batch-size:50}") int batchSize,
                  @Value("${chainwise.grades.max-rounds:20}") int maxRounds) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.platforms = platforms;
        this.publisher = publisher;
        this.lineItems = lineItems;
        this.backoff = new Backoff(retryBase, retryCap);
        this.lease = lease;
        this.oneScoreAtMost = http.requestTimeout().multipliedBy(2);
        if (lease.compareTo(oneScoreAtMost) <= 0) {
            // Scores claimed would pass to another node while this one still sends them (sent twice),
            // and a line item lookup could lose its lease mid-POST (made twice).
            throw new ConfigurationException("chainwise.grades.lease (" + lease + ") must be longer than twice"
                    + " chainwise.lti.services.request-timeout (" + http.requestTimeout() + "): sending one score may take"
                    + " an access token and the score, each up to the request timeout");
        }
        this.giveUpAfter = giveUpAfter;
        this.keepSent = keepSent;
        this.batchSize = batchSize;
        this.maxRounds = maxRounds;
    }

    /** What one call of {@link #sendDue()} did. */
    public record Outcome(int sent, int superseded, int rescheduled, int failed) {

        Outcome plus(Outcome other) {
            return new Outcome(sent + other.sent, superseded + other.superseded,
                    rescheduled + other.rescheduled, failed + other.failed);
        }

        public int attempted() {
            return sent + superseded + rescheduled + failed;
        }
    }

    /**
     * Sends what is due now, a batch at a time, until nothing is due or {@code max-rounds} batches
     * went out (the rest waits for the next call).
     */
    public Outcome sendDue() {
        Outcome total = new Outcome(0, 0, 0, 0);
        for (int round = 0; round < maxRounds; round++) {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(lease);
            Map<Long, Platform> platforms = new HashMap<>();
            List<Claimed> batch = dsl.transactionResult(cfg -> {
                List<Claimed> claimed = outbox.claimDue(cfg.dsl(), node, now, leaseUntil, batchSize);
                claimed.forEach(c -> platforms.computeIfAbsent(c.platformId(),
                        id -> this.platforms.byId(cfg.dsl(), id).orElseThrow()));
                return claimed;
            });
            for (int i = 0; i < batch.size(); i++) {
                if (clock.instant().plus(oneScoreAtMost).isAfter(leaseUntil)) {
                    // A slow platform: the rest would still be sending when the lease ends and another
                    // node claims them. Given back now, they go out in the next round.
                    List<Claimed> rest = batch.subList(i, batch.size());
                    dsl.transaction(cfg -> outbox.release(cfg.dsl(), rest, node));
                    LOG.info("{} scores given back unsent for the next round: the platform answers too slowly for this round's lease",
                            rest.size());
                    return total;
                }
                Claimed claimed = batch.get(i);
                total = total.plus(send(claimed, platforms.get(claimed.platformId())));
            }
            if (batch.size() < batchSize) {
                break;
            }
        }
        return total;
    }

    /** Deletes the record of scores sent longer ago than {@code chainwise.grades.keep-sent}; returns how many. */
    public int forgetSent() {
        Instant cutoff = clock.instant().minus(keepSent);
        return dsl.transactionResult(cfg -> outbox.deleteSentBefore(cfg.dsl(), cutoff));
    }

    /**
     * Sends the score to its line item, found or made first if the launch named none; else says why
     * not. A line item the platform says is gone (a teacher deleted the grade book column) is
     * forgotten and the link's line item found or made again, once, so grades keep arriving, when
     * the tool may read the course's line items ({@link LineItemFinder#forgetGone}).
     */
    private Optional<String> publish(Claimed claimed, Platform platform) throws ServiceCallFailure {
        try {
            Optional<URI> known = claimed.lineItem();
            if (known.isEmpty()) {
                return findAndPublish(claimed, platform);
            }
            try {
                publisher.publish(platform, known.get(), claimed.score());
                return Optional.empty();
            } catch (ServiceCallFailure failure) {
                if (!failure.gone() || !lineItems.forgetGone(claimed.practiceSetId(), known.get())) {
                    throw failure;
                }
                return findAndPublish(claimed, platform).map(problem -> failure.getMessage() + "; " + problem);
            }
        } catch (RuntimeException e) {
            // A fault on our side (signing, say) must not strand the row under its lease.
            throw ServiceCallFailure.retryable("the tool could not send the score: " + e);
        }
    }

    private Optional<String> findAndPublish(Claimed claimed, Platform platform) throws ServiceCallFailure {
        return switch (lineItems.lineItemFor(platform, claimed.practiceSetId(), claimed.score().scoreMaximum())) {
            case LineItemFinder.Found found -> {
                publisher.publish(platform, found.lineItem(), claimed.score());
                yield Optional.empty();
            }
            case LineItemFinder.Missing missing -> Optional.of(missing.problem());
        };
    }

    private Outcome send(Claimed claimed, Platform platform) {
        try {
            Optional<String> notSent = publish(claimed, platform);
            if (notSent.isPresent()) {
                // The finder logged it once for the link; the teacher's view lists each score.
                dsl.transaction(cfg -> outbox.markFailed(cfg.dsl(), claimed, node, notSent.get(), clock.instant()));
                return new Outcome(0, 0, 0, 1);
            }
            boolean current = dsl.transactionResult(cfg -> outbox.markSent(cfg.dsl(), claimed, node, clock.instant()));
            return current ? new Outcome(1, 0, 0, 0) : new Outcome(0, 1, 0, 0);
        } catch (ServiceCallFailure failure) {
            Instant now = clock.instant();
            boolean tooLong = now.isAfter(claimed.queuedAt().plus(giveUpAfter));
            if (!failure.retryable() || tooLong) {
                String reason = failure.retryable()
                        ? "not accepted for " + giveUpAfter.toHours() + " h; last: " + failure.getMessage()
                        : failure.getMessage();
                LOG.warn("Score of {} for {} given up: {}", claimed.score().userId(), target(claimed), reason);
                dsl.transaction(cfg -> outbox.markFailed(cfg.dsl(), claimed, node, reason, now));
                return new Outcome(0, 0, 0, 1);
            }
            Duration wait = backoff.delay(claimed.attempts() + 1, random);
            Duration delay = failure.retryAfter().filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
            LOG.info("Score of {} for {} not sent (attempt {}), next try in {} ms: {}", claimed.score().userId(),
                    target(claimed), claimed.attempts() + 1, delay.toMillis(), failure.getMessage());
            dsl.transaction(cfg -> outbox.reschedule(cfg.dsl(), claimed, node, now.plus(delay), failure.getMessage()));
            return new Outcome(0, 0, 1, 0);
        }
    }

    private static String target(Claimed claimed) {
        return claimed.lineItem().map(URI::toString)
                .orElse("the line item of practice set " + claimed.practiceSetId() + " (to be found)");
    }
}
