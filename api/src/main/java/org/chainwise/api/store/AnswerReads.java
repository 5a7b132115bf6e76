package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * What recording a batch of answers reads, in one round trip, for all its learners at once (at
 * most one answer per learner), in the order locks are always taken: the learners' model rows
 * (which exist: their items refer to them) locked, so two answers of one learner update the model
 * one after the other; the runs locked; the items locked; then, seeing everything committed before
 * those locks, the student states, the items earlier requests with the same submission ids
 * answered, and the sets. Each kind of row is locked in key order, so two batches never deadlock.
 */
@Singleton
public class AnswerReads {

    private final KnownStates known;

    AnswerReads(KnownStates known) {
        this.known = known;
    }

    /** One answer's keys: whose, in which set, to which item, under which submission id. */
    public record Key(long courseId, long userId, long practiceSetId, long itemId, UUID submissionId) {
    }

    /** The reads of one answer; the item is empty when it is not the learner's, the set and the run when the set is gone. */
    public record Context(Optional<ServedItem> item, Optional<StoredPracticeSet> set, Optional<Enrollment> counts,
            StudentState before, Optional<Long> submittedFor) {
    }

    static final Pipeline READ = Pipeline.of(Rendered.BATCH_PLANS, StudentStates.LOCK, Enrollments.LOCK, ServedItems.LOCK,
            StudentStates.LOAD, Attempts.ITEM_OF_SUBMISSION, PracticeSets.FIND_ALL);

    /** The reads of each answer, in the order of {@code keys}. */
    public List<Context> read(DSLContext tx, StudentModel model, List<Key> keys) {
        int n = keys.size();
        List<Long> courses = keys.stream().map(Key::courseId).toList();
        List<Long> users = keys.stream().map(Key::userId).toList();
        List<Long> sets = keys.stream().map(Key::practiceSetId).toList();
        KnownStates.Batch learners = known.of(courses, users);
        return READ.run(tx, results -> {
            results.skip();
            results.skip();
            List<Optional<Enrollment>> counts = results.byPosition(n, Enrollments::read);
            List<Optional<ServedItem>> items = results.byPosition(n, ServedItems::read);
            List<StudentState> before = StudentStates.read(model, results, learners);
            List<Optional<Long>> submittedFor = results.byPosition(n, row -> row.getLong(2));
            List<Optional<StoredPracticeSet>> found = PracticeSets.read(results, courses, sets);
            List<Context> contexts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                contexts.add(new Context(items.get(i), found.get(i), counts.get(i), before.get(i),
                        submittedFor.get(i)));
            }
            return contexts;
        }, List.of(), StudentStates.learnerBinds(courses, users), Enrollments.runBinds(courses, users, sets),
                ServedItems.lockBinds(keys.stream().map(Key::itemId).toList(), courses, users),
                StudentStates.binds(learners, false),
                Attempts.submissionBinds(courses, users, keys.stream().map(Key::submissionId).toList()),
                PracticeSets.findBinds(courses, sets));
    }
}
