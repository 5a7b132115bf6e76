package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * Everything a recorded answer writes, in one round trip: the attempt and its misconceptions, the
 * student model's change, the item answered (and solved), and the run's counters. Run after
 * {@link AnswerReads} in the same transaction, under its locks.
 */
@Singleton
public class AnswerWrites {

    /**
     * An answer to record: the attempt; the model before and after it, with the codes diagnosed in
     * it ({@code modelChanged} false when the answer is no evidence for the model, as a second
     * answer to one item is not); and the run's counters after it.
     */
    public record Answer(NewAttempt attempt, long practiceSetId, StudentState before, StudentState after,
            Set<Misconception> diagnosed, boolean modelChanged, Enrollment counts) {

        public Answer {
            diagnosed = Set.copyOf(diagnosed);
        }
    }

    private static final Pipeline WRITE = Pipeline.of(Attempts.INSERT, Attempts.MISCONCEPTIONS, StudentStates.SAVE_SKILLS,
            StudentStates.SAVE_BELIEFS, StudentStates.SAVE_MODEL, ServedItems.ANSWERED, Enrollments.SAVE);

    /** Records the answer; the attempt's id. */
    public long record(DSLContext tx, StudentModel model, Answer answer) {
        NewAttempt attempt = answer.attempt();
        long course = attempt.courseId();
        long user = attempt.userId();
        boolean graded = attempt.grade().verdict() != Verdict.INVALID;
        List<List<?>> binds = new ArrayList<>();
        binds.add(Attempts.insertBinds(attempt));
        binds.add(Attempts.misconceptionBinds(graded ? attempt.grade().misconceptions() : List.of()));
        binds.addAll(StudentStates.saveBinds(model, course, user, answer.before(), answer.after(), answer.diagnosed(),
                answer.modelChanged()));
        binds.add(List.of(attempt.grade().correct(), graded, attempt.itemId()));
        Enrollment counts = answer.counts();
        binds.add(List.of(counts.itemsAttempted(), counts.itemsCorrect(), counts.completed(), course, user, answer.practiceSetId()));
        return WRITE.run(tx, results -> {
            long id = results.row(row -> row.getLong(1)).orElseThrow();
            for (int i = 1; i < binds.size(); i++) {
                results.skip();
            }
            return id;
        }, binds.toArray(List[]::new));
    }
}
