package org.chainwise.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.chainwise.api.store.People;
import org.chainwise.api.store.SessionStore;
import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static DSLContext dsl;
    private static long userId;
    private static long courseId;

    @BeforeAll
    static void database() {
        dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
        People people = new People();
        userId = people.upsertUser(dsl, people.localPlatform(dsl), "sam", "Sam", null);
        courseId = people.upsertCourse(dsl, people.localDeployment(dsl), "c1", "Course");
    }

    /** A clock whose time the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionResolvesUntilItsLifetimeEndsAndNotAfterEvenWhenCached() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(dsl, new SessionStore(), clock);
        String token = sessions.open(userId, courseId, Role.LEARNER);

        assertThat(sessions.resolve(token)).contains(new Actor(userId, courseId, Role.LEARNER));
        clock.now = clock.now.plus(Sessions.LIFETIME).minus(Duration.ofSeconds(1));
        assertThat(sessions.resolve(token)).isPresent();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void anotherNodeResolvesTheSameTokenFromTheDatabase() {
        String token = new Sessions(dsl, new SessionStore()).open(userId, courseId, Role.INSTRUCTOR);

        assertThat(new Sessions(dsl, new SessionStore()).resolve(token))
                .contains(new Actor(userId, courseId, Role.INSTRUCTOR));
    }

    @Test
    void theNodeThatOpenedASessionResolvesItWithoutAQuery() {
        AtomicInteger finds = new AtomicInteger();
        SessionStore counting = new SessionStore() {
            @Override
            public Optional<Session> find(DSLContext tx, byte[] tokenHash) {
                finds.incrementAndGet();
                return super.find(tx, tokenHash);
            }
        };
        Sessions sessions = new Sessions(dsl, counting);
        String token = sessions.open(userId, courseId, Role.LEARNER);

        assertThat(sessions.resolve(token)).contains(new Actor(userId, courseId, Role.LEARNER));
        assertThat(finds).hasValue(0);
        assertThat(sessions.resolve("x".repeat(43))).isEmpty();
        assertThat(finds).hasValue(1);
    }

    @Test
    void theDatabaseHoldsOnlyTheTokensHashAndTheSweepDeletesExpiredRows() {
        MovableClock clock = new MovableClock();
        String token = new Sessions(dsl, new SessionStore(), clock).open(userId, courseId, Role.LEARNER);

        assertThat(dsl.fetch("SELECT token_hash FROM app_session").stream()
                .map(r -> new String(r.get(0, byte[].class), StandardCharsets.ISO_8859_1)))
                .noneMatch(stored -> stored.contains(token));
        int deleted = new SessionStore().deleteExpired(dsl, clock.now.plus(Sessions.LIFETIME).plusSeconds(1));
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(new Sessions(dsl, new SessionStore(), clock).resolve(token)).isEmpty();
    }
}
