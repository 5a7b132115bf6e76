package org.chainwise.api.service.teaching;

import jakarta.inject.Singleton;
import java.util.List;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.api.web.ApiException;
import org.jooq.DSLContext;

/** The practice sets of a course as its instructors list, create and change them. */
@Singleton
public class TeacherPracticeSets {

    /** The definition key of a set a teacher made here (rather than one taken from the question bank's definitions). */
    public static final String TEACHER_DEFINED = "teacher";

    private final DSLContext dsl;
    private final PracticeSets sets;

    TeacherPracticeSets(DSLContext dsl, PracticeSets sets) {
        this.dsl = dsl;
        this.sets = sets;
    }

    public List<StoredPracticeSet> list(Actor actor, long courseId) {
        actor.requireInstructor().requireCourse(courseId);
        return sets.inCourse(dsl, courseId);
    }

    public StoredPracticeSet create(Actor actor, long courseId, PracticeSetDraft draft) {
        actor.requireInstructor().requireCourse(courseId);
        return dsl.transactionResult(cfg -> sets.create(cfg.dsl(), courseId, null, definition(TEACHER_DEFINED, draft)));
    }

    /** Changes a set of the course; its definition key (where it came from) stays. */
    public StoredPracticeSet update(Actor actor, long courseId, long setId, PracticeSetDraft draft) {
        actor.requireInstructor().requireCourse(courseId);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StoredPracticeSet existing = sets.find(tx, courseId, setId).orElseThrow(() -> ApiException.notFound(
                    "practice_set_not_found", "Course " + courseId + " has no practice set " + setId + "."));
            return sets.update(tx, courseId, setId, definition(existing.definition().definitionKey(), draft)).orElseThrow();
        });
    }

    private static PracticeSetDefinition definition(String key, PracticeSetDraft draft) {
        return new PracticeSetDefinition(key, draft.title(), draft.skills(), draft.families(), draft.completion());
    }
}
