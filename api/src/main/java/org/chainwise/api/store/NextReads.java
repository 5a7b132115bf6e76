package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * What choosing the next items of a batch of learners (one request per learner) reads, in one round
 * trip: the learners' model rows made on first use and their runs through the sets started (when
 * the set is in the learner's course), the rows an item served refers to (V9); the runs locked, in
 * key order, so two "next" requests of one learner choose one after the other; the sets; each
 * learner's open item of the set; and the student states with the variants already served.
 */
@Singleton
public class NextReads {

    private final KnownStates known;

    NextReads(KnownStates known) {
        this.known = known;
    }

    /** One request's keys: whose, in which set. */
    public record Key(long courseId, long userId, long practiceSetId) {
    }

    /** The reads of one request; the set and the run are empty when the course has no such set. */
    public record Context(Optional<StoredPracticeSet> set, Optional<Enrollment> counts, Optional<ServedItem> open,
            StudentState state) {
    }

    static final Pipeline READ = Pipeline.of(Rendered.BATCH_PLANS, StudentStates.CREATE, Enrollments.START, Enrollments.LOCK, PracticeSets.FIND_ALL,
            ServedItems.OPEN, StudentStates.LOAD_WITH_SEEN);

    /** The reads of each request, in the order of {@code keys}. */
    public List<Context> read(DSLContext tx, StudentModel model, List<Key> keys) {
        int n = keys.size();
        List<Long> courses = keys.stream().map(Key::courseId).toList();
        List<Long> users = keys.stream().map(Key::userId).toList();
        List<Long> sets = keys.stream().map(Key::practiceSetId).toList();
        KnownStates.Batch learners = known.of(courses, users);
        List<Object> runs = Enrollments.runBinds(courses, users, sets);
        return READ.run(tx, results -> {
            results.skip();
            results.skip();
            results.skip();
            List<Optional<Enrollment>> counts = results.byPosition(n, Enrollments::read);
            List<Optional<StoredPracticeSet>> found = PracticeSets.read(results, courses, sets);
            List<Optional<ServedItem>> open = results.byPosition(n, ServedItems::read);
            List<StudentState> states = StudentStates.read(model, results, learners);
            List<Context> contexts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                contexts.add(new Context(found.get(i), counts.get(i), open.get(i), states.get(i)));
            }
            return contexts;
        }, List.of(), StudentStates.versionedBinds(learners), runs, runs, PracticeSets.findBinds(courses, sets), runs,
                StudentStates.binds(learners, true));
    }
}
