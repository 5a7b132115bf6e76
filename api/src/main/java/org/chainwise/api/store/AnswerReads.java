package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * What recording a learner's answer reads, in one round trip, in the order locks are always taken
 * (learner's model, run through the set, item) so that requests of one learner never deadlock: the
 * model row (which exists: the item refers to it) locked, so two answers of one learner update the model one after
 * the other; the run locked; the item locked; then, seeing everything committed before those
 * locks, the student state, the item an earlier request with the same submission id answered, and
 * the set.
 */
@Singleton
public class AnswerReads {

    /** The reads; the item is empty when it is not the learner's, the set and the run when the set is gone. */
    public record Context(Optional<ServedItem> item, Optional<StoredPracticeSet> set, Optional<Enrollment> counts,
            StudentState before, Optional<Long> submittedFor) {
    }

    private static final Pipeline READ = Pipeline.of(StudentStates.LOCK, Enrollments.LOCK, ServedItems.LOCK,
            StudentStates.LOAD, Attempts.ITEM_OF_SUBMISSION, PracticeSets.FIND);

    public Context read(DSLContext tx, StudentModel model, long courseId, long userId, long practiceSetId, long itemId,
            UUID submissionId) {
        return READ.run(tx, results -> {
            results.skip();
            Optional<Enrollment> counts = results.row(Enrollments::read);
            Optional<ServedItem> item = results.row(ServedItems::read);
            StudentState before = StudentStates.read(model, results);
            Optional<Long> submittedFor = results.row(row -> row.getLong(1));
            Optional<StoredPracticeSet> set = results.row(PracticeSets::read);
            return new Context(item, set, counts, before, submittedFor);
        }, List.of(courseId, userId), List.of(courseId, userId, practiceSetId),
                List.of(itemId, courseId, userId), StudentStates.binds(courseId, userId, false),
                List.of(courseId, userId, submissionId), List.of(courseId, practiceSetId));
    }
}
