package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    /** A generator that always draws the smallest or always the largest value. */
    private static RandomGenerator drawing(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @ParameterizedTest(name = "after {0} failures: between {1} s and {2} s")
    @CsvSource({
            "1,    2.5,  5",
            "2,    5,    10",
            "3,    10,   20",
            "4,    20,   40",
            "10,   1280, 2560",
            "11,   1800, 3600",
            "12,   1800, 3600",
            "500,  1800, 3600"})
    void theWaitDoublesUpToTheCapWithItsUpperHalfJittered(int failures, double lowestSeconds, double highestSeconds) {
        Duration lowest = backoff.delay(failures, drawing(false));
        Duration highest = backoff.delay(failures, drawing(true));

        assertThat(lowest.toMillis()).isEqualTo((long) (lowestSeconds * 1000));
        assertThat(highest.toMillis()).isEqualTo((long) (highestSeconds * 1000));
    }

    @Test
    void aRealGeneratorStaysInsideTheBounds() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(3, random)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> backoff.delay(0, drawing(false))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
