package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_PLATFORM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;

import jakarta.inject.Singleton;
import org.chainwise.api.identity.Role;
import org.jooq.DSLContext;

/**
 * Users, courses and course roles, created on first sight and updated on every later one (an LMS
 * may rename a course or a person between launches).
 */
@Singleton
public class People {

    /** The platform of users and courses made without an LMS (created by migration V2). */
    public static final String LOCAL_ISSUER = "http://localhost/chainwise-local";
    public static final String LOCAL_DEPLOYMENT = "local";

    /** The id of the user {@code subject} of the platform, made or updated with the given name and e-mail. */
    public long upsertUser(DSLContext tx, long platformId, String subject, String name, String email) {
        return tx.insertInto(APP_USER)
                .set(APP_USER.PLATFORM_ID, platformId)
                .set(APP_USER.SUBJECT, subject)
                .set(APP_USER.NAME, name)
                .set(APP_USER.EMAIL, email)
                .onConflict(APP_USER.PLATFORM_ID, APP_USER.SUBJECT)
                .doUpdate()
                .set(APP_USER.NAME, coalesce(excluded(APP_USER.NAME), APP_USER.NAME))
                .set(APP_USER.EMAIL, coalesce(excluded(APP_USER.EMAIL), APP_USER.EMAIL))
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    /**
     * The id of the course (LTI context) of the deployment, made or retitled. Read first: when a
     * class signs in at once the course nearly always exists with that title, and updating its one
     * row on every launch made the launches wait for each other's commits, one after another.
     */
    public long upsertCourse(DSLContext tx, long deploymentId, String contextId, String title) {
        var existing = tx.select(COURSE.ID, COURSE.TITLE).from(COURSE)
                .where(COURSE.DEPLOYMENT_ID.eq(deploymentId), COURSE.LTI_CONTEXT_ID.eq(contextId))
                .fetchOne();
        if (existing != null && (title == null || title.equals(existing.value2()))) {
            return existing.value1();
        }
        return tx.insertInto(COURSE)
                .set(COURSE.DEPLOYMENT_ID, deploymentId)
                .set(COURSE.LTI_CONTEXT_ID, contextId)
                .set(COURSE.TITLE, title)
                .onConflict(COURSE.DEPLOYMENT_ID, COURSE.LTI_CONTEXT_ID)
                .doUpdate()
                .set(COURSE.TITLE, coalesce(excluded(COURSE.TITLE), COURSE.TITLE))
                .returning(COURSE.ID)
                .fetchOne(COURSE.ID);
    }

    /** Records that the user holds the role in the course (a no-op when already recorded). */
    public void grantRole(DSLContext tx, long courseId, long userId, Role role) {
        tx.insertInto(COURSE_ROLE)
                .set(COURSE_ROLE.COURSE_ID, courseId)
                .set(COURSE_ROLE.USER_ID, userId)
                .set(COURSE_ROLE.ROLE, role.wireName())
                .onConflictDoNothing()
                .execute();
    }

    /** The local platform's id (users signed in without an LMS). */
    public long localPlatform(DSLContext tx) {
        return tx.select(LTI_PLATFORM.ID).from(LTI_PLATFORM).where(LTI_PLATFORM.ISSUER.eq(LOCAL_ISSUER)).fetchSingle().value1();
    }

    /** The local deployment's id (courses made without an LMS). */
    public long localDeployment(DSLContext tx) {
        return tx.select(LTI_DEPLOYMENT.ID).from(LTI_DEPLOYMENT)
                .join(LTI_PLATFORM).on(LTI_PLATFORM.ID.eq(LTI_DEPLOYMENT.PLATFORM_ID))
                .where(LTI_PLATFORM.ISSUER.eq(LOCAL_ISSUER), LTI_DEPLOYMENT.DEPLOYMENT_ID.eq(LOCAL_DEPLOYMENT))
                .fetchSingle().value1();
    }
}
