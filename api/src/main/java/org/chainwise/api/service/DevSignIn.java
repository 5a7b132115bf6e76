package org.chainwise.api.service;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Role;
import org.chainwise.api.identity.Sessions;
import org.chainwise.api.store.People;
import org.jooq.DSLContext;

/**
 * Signs a person in without an LMS, for local use and demonstrations: the user and course are made
 * on the local platform on first use. Exists only when {@code chainwise.dev-sign-in.enabled} is true.
 */
@Singleton
@Requires(property = DevSignIn.ENABLED, value = "true")
public class DevSignIn {

    public static final String ENABLED = "chainwise.dev-sign-in.enabled";

    private final DSLContext dsl;
    private final People people;
    private final Sessions sessions;

    DevSignIn(DSLContext dsl, People people, Sessions sessions) {
        this.dsl = dsl;
        this.people = people;
        this.sessions = sessions;
    }

    /** A signed-in session: the token and who it acts as. */
    public record SignedIn(String token, Actor actor) {
    }

    public SignedIn signIn(String subject, String name, String courseContextId, String courseTitle, Role role) {
        Actor actor = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            long userId = people.upsertUser(tx, people.localPlatform(tx), subject, name, null);
            long courseId = people.upsertCourse(tx, people.localDeployment(tx), courseContextId, courseTitle);
            people.grantRole(tx, courseId, userId, role);
            return new Actor(userId, courseId, role);
        });
        return new SignedIn(sessions.open(actor.userId(), actor.courseId(), actor.role()), actor);
    }
}
