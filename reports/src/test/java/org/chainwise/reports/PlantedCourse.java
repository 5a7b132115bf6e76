package org.chainwise.reports;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.chainwise.migrations.jooq.Tables.RESEARCH_NOTE;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.CourseFixture;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Writes a course with people, items, attempts, beliefs and notes exactly as a test plants them. */
final class PlantedCourse {

    private final DSLContext dsl;
    private final long platformId;
    private final long courseId;

    /** A course made by the migrations' {@link CourseFixture} (titled "Calculus I"), on a platform of its own. */
    PlantedCourse(DSLContext dsl, String contextId) {
        this.dsl = dsl;
        this.courseId = new CourseFixture(dsl, contextId).courseId();
        this.platformId = dsl.select(LTI_DEPLOYMENT.PLATFORM_ID).from(COURSE)
                .join(LTI_DEPLOYMENT).on(LTI_DEPLOYMENT.ID.eq(COURSE.DEPLOYMENT_ID))
                .where(COURSE.ID.eq(courseId)).fetchSingle(LTI_DEPLOYMENT.PLATFORM_ID);
    }

    long courseId() {
        return courseId;
    }

    long learner(String name) {
        return person(name, "learner");
    }

    long instructor(String name) {
        return person(name, "instructor");
    }

    private long person(String name, String role) {
        long userId = dsl.insertInto(APP_USER)
                .set(APP_USER.PLATFORM_ID, platformId)
                .set(APP_USER.SUBJECT, "sub-" + name.toLowerCase())
                .set(APP_USER.NAME, name)
                .returning(APP_USER.ID).fetchOne(APP_USER.ID);
        dsl.insertInto(COURSE_ROLE).set(COURSE_ROLE.COURSE_ID, courseId).set(COURSE_ROLE.USER_ID, userId)
                .set(COURSE_ROLE.ROLE, role).execute();
        return userId;
    }

    /** An item of {@code family} served to the user. */
    long item(long userId, String family, String variant) {
        // The learner's model row, which served items refer to, made on first use.
        dsl.insertInto(LEARNER_MODEL).set(LEARNER_MODEL.COURSE_ID, courseId).set(LEARNER_MODEL.USER_ID, userId)
                .onConflictDoNothing().execute();
        return dsl.insertInto(ITEM_SERVED)
                .set(ITEM_SERVED.COURSE_ID, courseId)
                .set(ITEM_SERVED.USER_ID, userId)
                .set(ITEM_SERVED.FAMILY, family)
                .set(ITEM_SERVED.PARAMETERS, JSONB.valueOf("{}"))
                .set(ITEM_SERVED.SEED, 1L)
                .set(ITEM_SERVED.VARIANT_KEY, variant)
                .returning(ITEM_SERVED.ID).fetchOne(ITEM_SERVED.ID);
    }

    /**
     * An attempt at {@code itemId} on the given day at noon UTC; an incorrect one diagnosed with
     * {@code diagnoses} given as {@code CODE@layer}, most likely first.
     */
    long attempt(long userId, long itemId, LocalDate day, String verdict, String rawAnswer, String... diagnoses) {
        OffsetDateTime at = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
        boolean invalid = verdict.equals("invalid");
        long attemptId = dsl.insertInto(ATTEMPT)
                .set(ATTEMPT.COURSE_ID, courseId)
                .set(ATTEMPT.USER_ID, userId)
                .set(ATTEMPT.ITEM_ID, itemId)
                .set(ATTEMPT.SUBMISSION_ID, UUID.randomUUID())
                .set(ATTEMPT.RAW_ANSWER, rawAnswer)
                .set(ATTEMPT.INTERPRETED_TEXT, invalid ? null : rawAnswer)
                .set(ATTEMPT.INTERPRETED_LATEX, invalid ? null : rawAnswer)
                .set(ATTEMPT.ERROR_MESSAGE, invalid ? "unknown function" : null)
                .set(ATTEMPT.VERDICT, verdict)
                .set(ATTEMPT.SUBMITTED_AT, at)
                .returning(ATTEMPT.ID).fetchOne(ATTEMPT.ID);
        for (int rank = 1; rank <= diagnoses.length; rank++) {
            String[] parts = diagnoses[rank - 1].split("@");
            dsl.insertInto(ATTEMPT_MISCONCEPTION)
                    .set(ATTEMPT_MISCONCEPTION.ATTEMPT_ID, attemptId)
                    .set(ATTEMPT_MISCONCEPTION.RANK, (short) rank)
                    .set(ATTEMPT_MISCONCEPTION.CODE, parts[0])
                    .set(ATTEMPT_MISCONCEPTION.LAYER, parts.length > 1 ? Short.valueOf(parts[1]) : null)
                    .set(ATTEMPT_MISCONCEPTION.EXPLANATION, "planted")
                    .execute();
        }
        return attemptId;
    }

    void belief(long userId, Misconception code, double belief) {
        dsl.insertInto(MISCONCEPTION_BELIEF)
                .set(MISCONCEPTION_BELIEF.COURSE_ID, courseId)
                .set(MISCONCEPTION_BELIEF.USER_ID, userId)
                .set(MISCONCEPTION_BELIEF.CODE, code.name())
                .set(MISCONCEPTION_BELIEF.BELIEF, belief)
                .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, 2)
                .execute();
    }

    void mastery(long userId, Skill skill, double pMastery, int evidence) {
        dsl.insertInto(SKILL_MASTERY)
                .set(SKILL_MASTERY.COURSE_ID, courseId)
                .set(SKILL_MASTERY.USER_ID, userId)
                .set(SKILL_MASTERY.SKILL, skill.name())
                .set(SKILL_MASTERY.P_MASTERY, pMastery)
                .set(SKILL_MASTERY.EVIDENCE_COUNT, evidence)
                .execute();
    }

    long note(long authorId, String objectKey, String question, String visibility) {
        return dsl.insertInto(RESEARCH_NOTE)
                .set(RESEARCH_NOTE.AUTHOR_ID, authorId)
                .set(RESEARCH_NOTE.COURSE_ID, courseId)
                .set(RESEARCH_NOTE.OBJECT_KEY, objectKey)
                .set(RESEARCH_NOTE.QUESTION, question)
                .set(RESEARCH_NOTE.VISIBILITY, visibility)
                .returning(RESEARCH_NOTE.ID).fetchOne(RESEARCH_NOTE.ID);
    }
}
