package org.chainwise.api.lti.advantage;

import static org.chainwise.migrations.jooq.Tables.LTI_COURSE_SERVICE;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.chainwise.api.identity.Role;
import org.chainwise.api.lti.Platform;
import org.chainwise.api.lti.PlatformRegistration;
import org.chainwise.api.lti.TestPlatform;
import org.chainwise.api.lti.TestPlatformServices;
import org.chainwise.api.service.PracticeProgress;
import org.chainwise.api.service.ProgressListener;
import org.chainwise.api.store.LtiPlatformStore;
import org.chainwise.api.store.People;
import org.jooq.DSLContext;

/**
 * The test platform's course as the tool knows it after launches: the platform registered, the
 * course with its AGS and NRPS endpoints, learners who launched, and practice sets placed as
 * resource links with a line item each (what the launch records).
 */
record AdvantageCourse(long platformId, long deploymentId, long courseId) {

    static AdvantageCourse register(ApplicationContext app, TestPlatform platform, TestPlatformServices services) {
        DSLContext dsl = app.getBean(DSLContext.class);
        LtiPlatformStore platforms = app.getBean(LtiPlatformStore.class);
        People people = app.getBean(People.class);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Platform registered = platforms.register(tx, new PlatformRegistration(platform.issuer(), TestPlatform.CLIENT_ID,
                    platform.authUrl(), platform.tokenUrl(), platform.jwksUrl(), List.of(TestPlatform.DEPLOYMENT_ID), false));
            long deployment = platforms.deployment(tx, registered.id(), TestPlatform.DEPLOYMENT_ID).orElseThrow();
            long course = people.upsertCourse(tx, deployment, "course-101", "Calculus I");
            tx.insertInto(LTI_COURSE_SERVICE)
                    .set(LTI_COURSE_SERVICE.COURSE_ID, course)
                    .set(LTI_COURSE_SERVICE.LINE_ITEMS_URL, platform.base().resolve("/courses/101/lineitems").toString())
                    .set(LTI_COURSE_SERVICE.AGS_SCOPES, new String[] {TestPlatformServices.SCORE_SCOPE})
                    .set(LTI_COURSE_SERVICE.MEMBERSHIPS_URL, services.membershipsUrl().toString())
                    .execute();
            return new AdvantageCourse(registered.id(), deployment, course);
        });
    }

    /** A learner who launched: the platform's {@code sub} becomes a user with the learner role. */
    long learner(ApplicationContext app, String subject) {
        People people = app.getBean(People.class);
        return app.getBean(DSLContext.class).transactionResult(cfg -> {
            long user = people.upsertUser(cfg.dsl(), platformId, subject, "Learner " + subject, null);
            people.grantRole(cfg.dsl(), courseId, user, Role.LEARNER);
            return user;
        });
    }

    /** A practice set placed as resource link {@code resourceLinkId}, its line item on the platform. */
    long practiceSet(ApplicationContext app, TestPlatformServices services, String resourceLinkId) {
        return practiceSet(app, resourceLinkId, services.lineItemUrl(resourceLinkId).toString());
    }

    /** A practice set placed as a resource link the platform keeps no grades for. */
    long ungradedPracticeSet(ApplicationContext app, String resourceLinkId) {
        return practiceSet(app, resourceLinkId, null);
    }

    private long practiceSet(ApplicationContext app, String resourceLinkId, String lineItemUrl) {
        return app.getBean(DSLContext.class).transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long set = tx.insertInto(PRACTICE_SET)
                    .set(PRACTICE_SET.COURSE_ID, courseId)
                    .set(PRACTICE_SET.RESOURCE_LINK_ID, resourceLinkId)
                    .set(PRACTICE_SET.DEFINITION_KEY, "chain-rule-basics")
                    .set(PRACTICE_SET.TITLE, "Chain rule " + resourceLinkId)
                    .set(PRACTICE_SET.COMPLETION_RULE, "item_count")
                    .set(PRACTICE_SET.REQUIRED_ITEMS, 4)
                    .returning(PRACTICE_SET.ID)
                    .fetchOne(PRACTICE_SET.ID);
            tx.insertInto(LTI_RESOURCE_LINK)
                    .set(LTI_RESOURCE_LINK.PRACTICE_SET_ID, set)
                    .set(LTI_RESOURCE_LINK.COURSE_ID, courseId)
                    .set(LTI_RESOURCE_LINK.RESOURCE_LINK_ID, resourceLinkId)
                    .set(LTI_RESOURCE_LINK.LINE_ITEM_URL, lineItemUrl)
                    .execute();
            return set;
        });
    }

    /**
     * What the practice service does after a graded submission: every progress listener, inside one
     * transaction. {@code correct} of {@code attempted} items right, scored as that fraction.
     */
    void practised(ApplicationContext app, long userId, long practiceSetId, int attempted, int correct, boolean completed) {
        PracticeProgress progress = new PracticeProgress(courseId, userId, practiceSetId, attempted, correct,
                correct, 4, completed);
        var listeners = app.getBeansOfType(ProgressListener.class);
        app.getBean(DSLContext.class).transaction(cfg -> listeners.forEach(l -> l.progressed(cfg.dsl(), List.of(progress))));
    }
}
