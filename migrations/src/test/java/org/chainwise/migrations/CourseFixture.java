package org.chainwise.migrations;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_PLATFORM;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Writes a platform, a deployment and a course, then students, items and attempts in it, for tests. */
public final class CourseFixture {

    private final DSLContext dsl;
    private final long platformId;
    private final long courseId;

    /** Creates a platform, deployment and course with the given LTI context id. */
    public CourseFixture(DSLContext dsl, String contextId) {
        this.dsl = dsl;
        this.platformId = dsl.insertInto(LTI_PLATFORM)
                .set(LTI_PLATFORM.ISSUER, "https://lms.example.edu/" + contextId)
                .set(LTI_PLATFORM.CLIENT_ID, "chainwise")
                .set(LTI_PLATFORM.AUTH_LOGIN_URL, "https://lms.example.edu/auth")
                .set(LTI_PLATFORM.AUTH_TOKEN_URL, "https://lms.example.edu/token")
                .set(LTI_PLATFORM.JWKS_URL, "https://lms.example.edu/jwks")
                .returning(LTI_PLATFORM.ID).fetchOne(LTI_PLATFORM.ID);
        long deploymentId = dsl.insertInto(LTI_DEPLOYMENT)
                .set(LTI_DEPLOYMENT.PLATFORM_ID, platformId)
                .set(LTI_DEPLOYMENT.DEPLOYMENT_ID, "deployment-1")
                .returning(LTI_DEPLOYMENT.ID).fetchOne(LTI_DEPLOYMENT.ID);
        this.courseId = dsl.insertInto(COURSE)
                .set(COURSE.DEPLOYMENT_ID, deploymentId)
                .set(COURSE.LTI_CONTEXT_ID, contextId)
                .set(COURSE.TITLE, "Calculus I")
                .returning(COURSE.ID).fetchOne(COURSE.ID);
    }

    public long courseId() {
        return courseId;
    }

    /** A user of this course's platform. */
    public long student(String subject) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.PLATFORM_ID, platformId)
                .set(APP_USER.SUBJECT, subject)
                .returning(APP_USER.ID).fetchOne(APP_USER.ID);
    }

    /** An item of family {@code chain.power} served to the student (whose model row it refers to is made on first use). */
    public long item(long userId) {
        dsl.insertInto(LEARNER_MODEL).set(LEARNER_MODEL.COURSE_ID, courseId).set(LEARNER_MODEL.USER_ID, userId)
                .onConflictDoNothing().execute();
        return dsl.insertInto(ITEM_SERVED)
                .set(ITEM_SERVED.COURSE_ID, courseId)
                .set(ITEM_SERVED.USER_ID, userId)
                .set(ITEM_SERVED.FAMILY, "chain.power")
                .set(ITEM_SERVED.PARAMETERS, JSONB.valueOf("{\"outer\": \"sin\", \"inner\": \"x^2\"}"))
                .set(ITEM_SERVED.SEED, 42L)
                .set(ITEM_SERVED.VARIANT_KEY, "sin(x^2)")
                .returning(ITEM_SERVED.ID).fetchOne(ITEM_SERVED.ID);
    }

    /** A graded attempt at the item; an incorrect one is diagnosed with the given codes, most likely first. */
    public long attempt(long userId, long itemId, UUID submissionId, String verdict, String... misconceptionCodes) {
        long attemptId = dsl.insertInto(ATTEMPT)
                .set(ATTEMPT.COURSE_ID, courseId)
                .set(ATTEMPT.USER_ID, userId)
                .set(ATTEMPT.ITEM_ID, itemId)
                .set(ATTEMPT.SUBMISSION_ID, submissionId)
                .set(ATTEMPT.RAW_ANSWER, "cos(x) 2x")
                .set(ATTEMPT.INTERPRETED_TEXT, "cos(x)*2*x")
                .set(ATTEMPT.INTERPRETED_LATEX, "\\cos\\left(x\\right)\\cdot 2x")
                .set(ATTEMPT.VERDICT, verdict)
                .set(ATTEMPT.GRADING_MS, 0.4)
                .returning(ATTEMPT.ID).fetchOne(ATTEMPT.ID);
        for (int rank = 1; rank <= misconceptionCodes.length; rank++) {
            dsl.insertInto(ATTEMPT_MISCONCEPTION)
                    .set(ATTEMPT_MISCONCEPTION.ATTEMPT_ID, attemptId)
                    .set(ATTEMPT_MISCONCEPTION.RANK, (short) rank)
                    .set(ATTEMPT_MISCONCEPTION.CODE, misconceptionCodes[rank - 1])
                    .set(ATTEMPT_MISCONCEPTION.LAYER, (short) 1)
                    .set(ATTEMPT_MISCONCEPTION.EXPLANATION, "diagnosed in a test")
                    .execute();
        }
        return attemptId;
    }
}
