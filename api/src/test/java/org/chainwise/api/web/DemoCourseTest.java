package org.chainwise.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.chainwise.migrations.jooq.Tables.RESEARCH_NOTE;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.chainwise.api.service.demo.DemoCourse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo course: seeded once with history the engine graded, and a newcomer signs in to it as the README says. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCourseTest implements TestPropertyProvider {

    @Inject
    DemoCourse demoCourse;

    @Inject
    DSLContext dsl;

    @Inject
    @Client("/")
    HttpClient client;

    private DemoCourse.Seeded first;

    @Override
    public Map<String, String> getProperties() {
        return HttpSession.applicationProperties();
    }

    @BeforeAll
    void seed() {
        first = demoCourse.seed();
    }

    @Test
    void seedingAgainFindsTheCourseAndWritesNothing() {
        int attempts = dsl.fetchCount(ATTEMPT);
        int notes = dsl.fetchCount(RESEARCH_NOTE);

        DemoCourse.Seeded again = demoCourse.seed();

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.courseId()).isEqualTo(first.courseId());
        assertThat(again.learners()).isEqualTo(first.learners());
        assertThat(again.practiceSetIds()).isEqualTo(first.practiceSetIds());
        assertThat(dsl.fetchCount(ATTEMPT)).isEqualTo(attempts);
        assertThat(dsl.fetchCount(RESEARCH_NOTE)).isEqualTo(notes);
        assertThat(dsl.fetchCount(COURSE, COURSE.LTI_CONTEXT_ID.eq(DemoCourse.CONTEXT_ID))).isEqualTo(1);
    }

    @Test
    void theHistoryIsGradedByTheEngineAndTheModelRowsFollowIt() {
        long ben = first.learners().get("ben");
        int wrong = dsl.fetchCount(ATTEMPT, ATTEMPT.USER_ID.eq(ben), ATTEMPT.VERDICT.eq("incorrect"));
        int diagnosedOuterAtX = dsl.fetchCount(dsl.selectDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID).from(ATTEMPT_MISCONCEPTION)
                .join(ATTEMPT).on(ATTEMPT.ID.eq(ATTEMPT_MISCONCEPTION.ATTEMPT_ID))
                .where(ATTEMPT.USER_ID.eq(ben), ATTEMPT_MISCONCEPTION.CODE.eq("OUTER_AT_X"),
                        ATTEMPT_MISCONCEPTION.RANK.eq((short) 1)));

        assertThat(wrong).isEqualTo(4);
        assertThat(diagnosedOuterAtX).isEqualTo(4);
        assertThat(dsl.select(MISCONCEPTION_BELIEF.BELIEF, MISCONCEPTION_BELIEF.EVIDENCE_COUNT).from(MISCONCEPTION_BELIEF)
                .where(MISCONCEPTION_BELIEF.USER_ID.eq(ben), MISCONCEPTION_BELIEF.CODE.eq("OUTER_AT_X")).fetchSingle())
                .satisfies(row -> {
                    assertThat(row.value1()).isGreaterThanOrEqualTo(0.5);
                    // Counted as the practice service counts it: each answer that moved the belief.
                    assertThat(row.value2()).isGreaterThanOrEqualTo(4);
                });
        assertThat(dsl.select(SKILL_MASTERY.EVIDENCE_COUNT).from(SKILL_MASTERY)
                .where(SKILL_MASTERY.USER_ID.eq(ben), SKILL_MASTERY.SKILL.eq("INNER_FACTOR")).fetchSingle().value1())
                .isEqualTo(8);
        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.USER_ID.eq(first.learners().get("farah")))).isZero();
    }

    @Test
    void theReadmesSignInLandsInTheDemoCourseAsItsInstructor() {
        HttpSession teacher = HttpSession.demo(client, DemoCourse.INSTRUCTOR, "instructor");

        assertThat(teacher.courseId()).isEqualTo(first.courseId());
        assertThat(teacher.userId()).isEqualTo(first.instructorId());
        assertThat(dsl.select(COURSE.TITLE).from(COURSE).where(COURSE.ID.eq(first.courseId())).fetchSingle().value1())
                .isEqualTo(DemoCourse.TITLE);
        assertThat(teacher.get("/api/v1/courses/" + first.courseId() + "/students").json()).containsEntry("total", 6);
    }
}
