package org.chainwise.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;

import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    // Each test gets a migrated schema of its own with one course, one student and one item.
    private final DSLContext dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
    private final CourseFixture course = new CourseFixture(dsl, "calc-1");
    private final long student = course.student("student-1");
    private final long item = course.item(student);

    @Test
    void migrationsApplyToAnEmptySchemaOnceOnly() {
        DataSource empty = TestPostgres.dataSource(TestPostgres.freshSchema());

        assertThat(SchemaMigration.apply(empty)).isPositive();
        assertThat(SchemaMigration.apply(empty)).isZero();
    }

    @Test
    void anAttemptRoundTripsThroughJooq() {
        UUID submission = UUID.randomUUID();

        long attemptId = course.attempt(student, item, submission, "incorrect", "OUTER_AT_X");

        var stored = dsl.selectFrom(ATTEMPT).where(ATTEMPT.ID.eq(attemptId)).fetchSingle();
        assertThat(stored.getSubmissionId()).isEqualTo(submission);
        assertThat(stored.getVerdict()).isEqualTo("incorrect");
        assertThat(stored.getInterpretedText()).isEqualTo("cos(x)*2*x");
        assertThat(stored.getSubmittedAt()).isNotNull();
        assertThat(dsl.select(ATTEMPT_MISCONCEPTION.CODE).from(ATTEMPT_MISCONCEPTION)
                .where(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(attemptId)).fetch(ATTEMPT_MISCONCEPTION.CODE))
                .containsExactly("OUTER_AT_X");
    }

    @Test
    void theSameSubmissionIsRecordedOnce() {
        UUID submission = UUID.randomUUID();
        course.attempt(student, item, submission, "correct");

        assertThatThrownBy(() -> course.attempt(student, item, submission, "correct"))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("attempt_course_id_user_id_submission_id_key");
        assertThat(dsl.fetchCount(ATTEMPT)).isEqualTo(1);
    }

    @Test
    void anAttemptInAnotherCourseOrByAnotherLearnerThanItsItemIsRejected() {
        long other = course.student("student-2");
        CourseFixture otherCourse = new CourseFixture(dsl, "calc-2");

        assertThatThrownBy(() -> course.attempt(other, item, UUID.randomUUID(), "correct"))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("attempt_item_owner_fkey");
        assertThatThrownBy(() -> otherCourse.attempt(student, item, UUID.randomUUID(), "correct"))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("attempt_item_owner_fkey");
    }

    @Test
    void deletingACourseRemovesItsAttemptsAndTheirDiagnoses() {
        long attemptId = course.attempt(student, item, UUID.randomUUID(), "incorrect", "OUTER_AT_X");

        dsl.deleteFrom(COURSE).where(COURSE.ID.eq(course.courseId())).execute();

        assertThat(dsl.fetchCount(ATTEMPT, ATTEMPT.ID.eq(attemptId))).isZero();
        assertThat(dsl.fetchCount(ATTEMPT_MISCONCEPTION, ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(attemptId))).isZero();
    }

    @Test
    void anItemServedToALearnerWithoutAModelRowInTheCourseIsRejected() {
        long stranger = course.student("student-3");

        assertThatThrownBy(() -> dsl.insertInto(ITEM_SERVED)
                        .set(ITEM_SERVED.COURSE_ID, course.courseId()).set(ITEM_SERVED.USER_ID, stranger)
                        .set(ITEM_SERVED.FAMILY, "chain.power").set(ITEM_SERVED.PARAMETERS, JSONB.valueOf("{}"))
                        .set(ITEM_SERVED.SEED, 1L).set(ITEM_SERVED.VARIANT_KEY, "sin(x^2)").execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("item_served_learner_fkey");
    }

    @Test
    void deletingAPracticeSetKeepsItsItemsServedWithoutASet() {
        long setId = dsl.insertInto(PRACTICE_SET).set(PRACTICE_SET.COURSE_ID, course.courseId())
                .set(PRACTICE_SET.RESOURCE_LINK_ID, "link-1").set(PRACTICE_SET.DEFINITION_KEY, "chain")
                .set(PRACTICE_SET.TITLE, "Chain rule").set(PRACTICE_SET.COMPLETION_RULE, "item_count").set(PRACTICE_SET.REQUIRED_ITEMS, 5)
                .returning(PRACTICE_SET.ID).fetchOne(PRACTICE_SET.ID);
        dsl.insertInto(PRACTICE_ENROLLMENT).set(PRACTICE_ENROLLMENT.COURSE_ID, course.courseId())
                .set(PRACTICE_ENROLLMENT.USER_ID, student).set(PRACTICE_ENROLLMENT.PRACTICE_SET_ID, setId).execute();
        dsl.update(ITEM_SERVED).set(ITEM_SERVED.PRACTICE_SET_ID, setId).where(ITEM_SERVED.ID.eq(item)).execute();

        dsl.deleteFrom(PRACTICE_SET).where(PRACTICE_SET.ID.eq(setId)).execute();

        var kept = dsl.selectFrom(ITEM_SERVED).where(ITEM_SERVED.ID.eq(item)).fetchSingle();
        assertThat(kept.getPracticeSetId()).isNull();
        assertThat(kept.getCourseId()).isEqualTo(course.courseId());
    }

    @Test
    void anUnknownMisconceptionCodeIsRejected() {
        assertThatThrownBy(() -> course.attempt(student, item, UUID.randomUUID(), "incorrect", "NOT_A_CODE"))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("attempt_misconception_code_fkey");
    }

    @Test
    void anUnknownVerdictIsRejected() {
        assertThatThrownBy(() -> course.attempt(student, item, UUID.randomUUID(), "maybe"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("attempt_verdict_check");
    }
}
