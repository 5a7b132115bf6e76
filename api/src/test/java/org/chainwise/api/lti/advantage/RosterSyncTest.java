package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.api.lti.TestPlatformServices.member;
import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.COURSE_MEMBER;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.chainwise.api.lti.TestPlatform;
import org.chainwise.api.lti.TestPlatformServices;
import org.chainwise.api.store.LtiServiceStore;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The roster from the test platform's membership service, three pages long, lands in app_user and
 * course_role, so reports list students who never launched; later rosters take away who left.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterSyncTest implements TestPropertyProvider {

    private static final String LEARNER = TestPlatform.LEARNER;
    private static final String INSTRUCTOR = TestPlatform.INSTRUCTOR;
    private static final String TEACHING_ASSISTANT = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    private static final String INSTITUTION_STUDENT = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";

    private final TestPlatform platform = TestPlatform.start();
    private final TestPlatformServices services = TestPlatformServices.on(platform);

    @Inject
    ApplicationContext app;

    @Inject
    EmbeddedServer server;

    @Inject
    RosterSync roster;

    @Inject
    DSLContext dsl;

    @Inject
    LtiServiceStore serviceStore;

    private AdvantageCourse course;
    private long launchedLearner;
    private long launchedOutsider;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.freshSchemaProperties();
        properties.put("chainwise.lti.services.background", "false");
        return properties;
    }

    @BeforeAll
    void seed() {
        services.trustToolJwks(server.getURI().resolve("/lti/jwks"));
        course = AdvantageCourse.register(app, platform, services);
        launchedLearner = course.learner(app, "ana-sub");
        // Launched, but the platform's roster never lists them (an LMS administrator, say).
        launchedOutsider = course.learner(app, "visitor-sub");
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    private Map<String, List<String>> rolesBySubject() {
        return dsl.select(APP_USER.SUBJECT, COURSE_ROLE.ROLE).from(COURSE_ROLE)
                .join(APP_USER).on(APP_USER.ID.eq(COURSE_ROLE.USER_ID))
                .where(COURSE_ROLE.COURSE_ID.eq(course.courseId()))
                .orderBy(COURSE_ROLE.ROLE)
                .fetchGroups(Record2::value1, Record2::value2);
    }

    @Test
    @Order(1)
    void aRosterOfThreePagesLandsInCourseRolesWithTheMembersWhoNeverLaunched() {
        services.roster(List.of(
                member("tess-sub", "Tess Teacher", "Active", INSTRUCTOR),
                member("ana-sub", "Ana Lopez", "Active", LEARNER, INSTITUTION_STUDENT),
                member("ben-sub", "Ben Okafor", "Active", LEARNER),
                member("cy-sub", "Cy Young", "Active", "Learner"),
                member("dee-sub", "Dee Park", "Active", LEARNER),
                member("tim-sub", "Tim Assistant", "Active", TEACHING_ASSISTANT)), 2);
        int pagesBefore = services.membershipPagesServed();

        int fetched = roster.refreshDue();

        assertThat(fetched).isEqualTo(1);
        assertThat(services.membershipPagesServed() - pagesBefore).isEqualTo(3);
        assertThat(rolesBySubject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tess-sub", List.of("instructor"),
                "ana-sub", List.of("learner"),
                "ben-sub", List.of("learner"),
                "cy-sub", List.of("learner"),
                "dee-sub", List.of("learner"),
                "tim-sub", List.of("teaching_assistant"),
                "visitor-sub", List.of("learner")));
        assertThat(dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.SUBJECT.eq("ana-sub")).fetch())
                .as("the learner who launched is the same user").singleElement()
                .extracting(r -> r.value1()).isEqualTo(launchedLearner);
        assertThat(dsl.select(APP_USER.NAME, APP_USER.EMAIL).from(APP_USER).where(APP_USER.SUBJECT.eq("ben-sub")).fetchSingle())
                .extracting(r -> r.value1(), r -> r.value2()).containsExactly("Ben Okafor", "ben-sub@school.example");
        LtiServiceStore.RosterState state = dsl.transactionResult(cfg -> serviceStore.rosterState(cfg.dsl(), course.courseId())).orElseThrow();
        assertThat(state.fetchedAt()).isNotNull();
        assertThat(state.error()).isNull();
        assertThat(state.dueAt()).isAfter(Instant.now());
        assertThat(roster.refreshDue()).as("not due again until the roster ages").isZero();
        assertThat(services.refusals()).isEmpty();
    }

    @Test
    @Order(2)
    void aLaterRosterTakesAwayWhoLeftOrIsInactiveAndKeepsWhoOnlyLaunched() {
        services.roster(List.of(
                member("tess-sub", "Tess Teacher", "Active", INSTRUCTOR),
                member("ana-sub", "Ana Lopez", "Active", LEARNER),
                member("ben-sub", "Ben Okafor", "Inactive", LEARNER),
                member("dee-sub", "Dee Park", "Active", LEARNER),
                member("eve-sub", "Eve Adams", "Active", LEARNER),
                member("tim-sub", "Tim Assistant", "Active", LEARNER)), 2);
        dsl.transaction(cfg -> serviceStore.requestRoster(cfg.dsl(), course.courseId(), Instant.now()));

        assertThat(roster.refreshDue()).isEqualTo(1);

        assertThat(rolesBySubject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tess-sub", List.of("instructor"),
                "ana-sub", List.of("learner"),
                "dee-sub", List.of("learner"),
                "eve-sub", List.of("learner"),
                "tim-sub", List.of("learner"),
                "visitor-sub", List.of("learner")));
        assertThat(dsl.select(APP_USER.SUBJECT, COURSE_MEMBER.STATUS).from(COURSE_MEMBER)
                .join(APP_USER).on(APP_USER.ID.eq(COURSE_MEMBER.USER_ID))
                .where(APP_USER.SUBJECT.in("ben-sub", "cy-sub"))
                .fetchMap(Record2::value1, Record2::value2))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ben-sub", "inactive", "cy-sub", "deleted"));
        assertThat(launchedOutsider).isPositive();
    }

    @Test
    @Order(3)
    void aMembershipServiceThatFailsLeavesTheRosterAsItWasAndTheReasonForTheTeacher() {
        Map<String, List<String>> before = rolesBySubject();
        services.membershipsDown(true);
        try {
            dsl.transaction(cfg -> serviceStore.requestRoster(cfg.dsl(), course.courseId(), Instant.now()));

            assertThat(roster.refreshDue()).isZero();

            assertThat(rolesBySubject()).isEqualTo(before);
            LtiServiceStore.RosterState state = dsl.transactionResult(cfg -> serviceStore.rosterState(cfg.dsl(), course.courseId())).orElseThrow();
            assertThat(state.error()).contains("HTTP 500").contains("down");
            assertThat(state.dueAt()).isAfter(Instant.now());
        } finally {
            services.membershipsDown(false);
        }
    }
}
