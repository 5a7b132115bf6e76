package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.store.LtiPlatformStore;
import org.chainwise.api.store.LtiServiceStore;
import org.chainwise.api.store.LtiServiceStore.RosterSource;
import org.chainwise.api.store.RosterStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each course's roster as the platform's membership service has it, so that reports list the
 * students who have not started: fetched when a launch first names the service, again every
 * {@code chainwise.roster.max-age}, and when an instructor asks. A fetch that fails is tried again
 * after {@code chainwise.roster.retry-delay}, the error kept for the instructor.
 */
@Singleton
public class RosterSync {

    private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);

    private final DSLContext dsl;
    private final LtiServiceStore services;
    private final LtiPlatformStore platforms;
    private final RosterStore roster;
    private final MembershipService memberships;
    private final Duration maxAge;
    private final Duration retryDelay;
    private final Duration lease;
    private final int coursesPerRound;
    private final Clock clock = Clock.systemUTC();

    RosterSync(DSLContext dsl, LtiServiceStore services, LtiPlatformStore platforms, RosterStore roster, MembershipService memberships,
               @Value("${chainwise.roster.max-age:6h}") Duration maxAge,
               @Value("${chainwise.roster.retry-delay:10m}") Duration retryDelay,
               @Value("${chainwise.roster.lease:10m}") Duration lease,
               @Value("${chainwise.roster.courses-per-round:5}") int coursesPerRound) {
        this.dsl = dsl;
        this.services = services;
        this.platforms = platforms;
        this.roster = roster;
        this.memberships = memberships;
        this.maxAge = maxAge;
        this.retryDelay = retryDelay;
        this.lease = lease;
        this.coursesPerRound = coursesPerRound;
    }

    /** Fetches the course's roster now and applies it; empty when no launch named a membership service. */
    public Optional<RosterStore.Applied> sync(long courseId) throws ServiceCallFailure {
        Optional<RosterSource> source = dsl.transactionResult(cfg -> services.rosterSource(cfg.dsl(), courseId));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fetchAndApply(source.get()));
    }

    /** Refreshes the rosters that are due, at most {@code courses-per-round} of them; returns how many were fetched. */
    public int refreshDue() {
        int fetched = 0;
        for (int i = 0; i < coursesPerRound; i++) {
            Instant now = clock.instant();
            Optional<Long> due = dsl.transactionResult(cfg -> services.claimDueRoster(cfg.dsl(), now, now.plus(lease)));
            if (due.isEmpty()) {
                break;
            }
            long courseId = due.get();
            try {
                Optional<RosterSource> source = dsl.transactionResult(cfg -> services.rosterSource(cfg.dsl(), courseId));
                if (source.isPresent()) {
                    fetchAndApply(source.get());
                    fetched++;
                }
            } catch (ServiceCallFailure failure) {
                LOG.info("Roster of course {} not fetched, next try in {} min: {}", courseId, retryDelay.toMinutes(),
                        failure.getMessage());
                Instant failedAt = clock.instant();
                dsl.transaction(cfg -> services.rosterFailed(cfg.dsl(), courseId, failure.getMessage(), failedAt.plus(retryDelay)));
            }
        }
        return fetched;
    }

    private RosterStore.Applied fetchAndApply(RosterSource source) throws ServiceCallFailure {
        Platform platform = dsl.transactionResult(cfg -> platforms.byId(cfg.dsl(), source.platformId())).orElseThrow();
        List<Member> members = memberships.members(platform, source.membershipsUrl());
        Instant now = clock.instant();
        return dsl.transactionResult(cfg -> {
            RosterStore.Applied applied = roster.apply(cfg.dsl(), source.courseId(), source.platformId(), members, now);
            services.rosterFetched(cfg.dsl(), source.courseId(), now, now.plus(maxAge));
            return applied;
        });
    }
}
