package org.chainwise.api.lti.advantage;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt (n from 1) wait
 * {@code min(cap, base·2^(n-1))}, of which the upper half is drawn at random, so that scores held
 * back by one outage do not all come back in the same instant.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff from " + base + " capped at " + cap);
        }
    }

    public Duration delay(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts " + failedAttempts);
        }
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        int doublings = Math.min(failedAttempts - 1, 62);
        long ceiling = baseNanos == 0 ? 0 : (doublings >= Long.numberOfLeadingZeros(baseNanos) - 1
                ? capNanos : Math.min(capNanos, baseNanos << doublings));
        long half = ceiling / 2;
        return Duration.ofNanos(ceiling - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
