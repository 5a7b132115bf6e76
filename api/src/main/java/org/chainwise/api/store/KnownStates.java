package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chainwise.engine.cache.BoundedCache;
import org.chainwise.engine.mastery.StudentState;

/**
 * The student states this instance of the application last read or stored, so that a batch reads
 * a learner's skills, beliefs and ability from the database again only when they changed since:
 * without it, every "next" and every answer read back what the cycle before had just written (the
 * two reads were a third of PostgreSQL's statement time under the practice load, README).
 *
 * <p>A state's version is its attempts count, the one {@code learner_model.attempts} holds: every
 * write of a learner's skills, beliefs or ability stores a new count in the same transaction
 * ({@link StudentStates#SAVE_MODEL}, one more with each answer taken as evidence, under the
 * learner's lock), so a state known at the count the database holds is the state the database
 * holds, whoever wrote it. {@link StudentStates#LOAD} takes the versions known and returns rows
 * only for the learners whose count differs. The variants already served are not kept here: they
 * change with every item served and are always read.
 */
@Singleton
public class KnownStates {

    /**
     * Learners kept (the least recently used beyond are read from the database as before): about
     * 6 kB each, mostly the logistic tracker's evidence, so at most ~60 MB.
     */
    static final int CAPACITY = 10_000;
    /** The version bound for a learner whose state is not known: no attempts count is negative. */
    static final int UNKNOWN = -1;

    private final BoundedCache<Learner, StudentState> states = new BoundedCache<>(CAPACITY);

    private record Learner(long courseId, long userId) {
    }

    /** The states known of a batch's learners, in order: what a {@link StudentStates#LOAD} of them binds and completes. */
    Batch of(List<Long> courses, List<Long> users) {
        List<Optional<StudentState>> known = new ArrayList<>(courses.size());
        for (int i = 0; i < courses.size(); i++) {
            known.add(known(courses.get(i), users.get(i)));
        }
        return new Batch(courses, users, known, this);
    }

    /** A batch of learners read in full, whose states are then not remembered: a read aside from practice's batches. */
    static Batch unknown(List<Long> courses, List<Long> users) {
        return new Batch(courses, users, Collections.nCopies(courses.size(), Optional.empty()), null);
    }

    /** The state known of the learner (without the variants served), if any. */
    public Optional<StudentState> known(long courseId, long userId) {
        return states.get(new Learner(courseId, userId));
    }

    /**
     * Remembers a learner's state as stored in the database by a transaction that has committed (or
     * as a committed one left it); a state older than the one known is ignored, as two batches may
     * finish in either order.
     */
    public synchronized void remember(long courseId, long userId, StudentState state) {
        Learner learner = new Learner(courseId, userId);
        if (states.get(learner).filter(known -> known.attempts() > state.attempts()).isPresent()) {
            return;
        }
        states.put(learner, new StudentState(state.skills(), state.beliefs(), Set.of(), state.attempts(), state.ability()));
    }

    /** A batch's learners with the states known of them, and where the states read afresh are remembered (nowhere when null). */
    static final class Batch {
        private final List<Long> courses;
        private final List<Long> users;
        private final List<Optional<StudentState>> known;
        private final KnownStates rememberedIn;

        private Batch(List<Long> courses, List<Long> users, List<Optional<StudentState>> known, KnownStates rememberedIn) {
            this.courses = List.copyOf(courses);
            this.users = List.copyOf(users);
            this.known = known;
            this.rememberedIn = rememberedIn;
        }

        int size() {
            return courses.size();
        }

        List<Long> courses() {
            return courses;
        }

        List<Long> users() {
            return users;
        }

        /** The attempts count of each learner's known state, {@link #UNKNOWN} where none is. */
        List<Integer> versions() {
            return known.stream().map(state -> state.map(StudentState::attempts).orElse(UNKNOWN)).toList();
        }

        /** The known state of the learner at {@code position}, which the database said is current. */
        StudentState current(int position) {
            return known.get(position).orElseThrow(() -> new IllegalStateException(
                    "the database called the state of learner " + users.get(position) + " current, but none is known"));
        }

        /** Remembers the state read afresh for the learner at {@code position}, unless the batch remembers nothing. */
        void read(int position, StudentState state) {
            if (rememberedIn != null) {
                rememberedIn.remember(courses.get(position), users.get(position), state);
            }
        }
    }
}
