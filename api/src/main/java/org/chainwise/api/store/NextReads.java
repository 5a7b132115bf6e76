package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * What choosing a learner's next item reads, in one round trip: the learner's model row made on
 * first use and the run through the set started (when the set is in the learner's course), the rows
 * an item served refers to (V9); the run locked, so two "next" requests of one learner
 * choose one after the other; the set; the learner's open item of the set; and the student state
 * with the variants already served.
 */
@Singleton
public class NextReads {

    /** The reads; the set and the run are empty when the course has no such set. */
    public record Context(Optional<StoredPracticeSet> set, Optional<Enrollment> counts, Optional<ServedItem> open,
            StudentState state) {
    }

    private static final Pipeline READ = Pipeline.of(StudentStates.CREATE, Enrollments.START, Enrollments.LOCK, PracticeSets.FIND,
            ServedItems.OPEN, StudentStates.LOAD_WITH_SEEN);

    public Context read(DSLContext tx, StudentModel model, long courseId, long userId, long practiceSetId) {
        return READ.run(tx, results -> {
            results.skip();
            results.skip();
            Optional<Enrollment> counts = results.row(Enrollments::read);
            Optional<StoredPracticeSet> set = results.row(PracticeSets::read);
            Optional<ServedItem> open = results.row(ServedItems::read);
            return new Context(set, counts, open, StudentStates.read(model, results));
        }, List.of(courseId, userId), List.of(courseId, userId, practiceSetId, courseId), List.of(courseId, userId, practiceSetId),
                List.of(courseId, practiceSetId), List.of(courseId, userId, practiceSetId), StudentStates.binds(courseId, userId, true));
    }
}
