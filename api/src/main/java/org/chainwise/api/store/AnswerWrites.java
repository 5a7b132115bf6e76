package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * Everything a batch of recorded answers writes, in one round trip and one statement per table
 * for all its learners: the attempts and their misconceptions, the student models' changes, the
 * items answered (and solved), and the runs' counters. Run after {@link AnswerReads} in the same
 * transaction, under its locks.
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

    static final Pipeline WRITE = Pipeline.of(Attempts.INSERT, Attempts.MISCONCEPTIONS, StudentStates.SAVE_SKILLS,
            StudentStates.SAVE_BELIEFS, StudentStates.SAVE_MODEL, ServedItems.ANSWERED, Enrollments.SAVE);

    /** Records the answers (at most one per learner); their attempts' ids, in order. */
    public List<Long> record(DSLContext tx, StudentModel model, List<Answer> answers) {
        List<NewAttempt> attempts = answers.stream().map(Answer::attempt).toList();
        List<Long> answeredItems = new ArrayList<>();
        List<Boolean> solved = new ArrayList<>();
        for (NewAttempt attempt : attempts) {
            if (attempt.grade().verdict() != Verdict.INVALID) {
                answeredItems.add(attempt.itemId());
                solved.add(attempt.grade().correct());
            }
        }
        List<List<?>> binds = new ArrayList<>();
        binds.add(Attempts.insertBinds(attempts));
        binds.add(Attempts.misconceptionBinds(attempts));
        binds.addAll(StudentStates.saveBinds(model, answers.stream()
                .map(a -> new StudentStates.Change(a.attempt().courseId(), a.attempt().userId(), a.before(), a.after(), a.diagnosed(),
                        a.modelChanged()))
                .toList()));
        binds.add(List.of(Pipeline.SqlArray.int8(answeredItems), Pipeline.SqlArray.bool(solved)));
        binds.add(Enrollments.saveBinds(answers.stream()
                .map(a -> new Enrollments.Saved(a.attempt().courseId(), a.attempt().userId(), a.practiceSetId(), a.counts()))
                .toList()));
        Map<List<Long>, Long> ids = WRITE.run(tx, results -> {
            Map<List<Long>, Long> byLearner = new HashMap<>();
            results.rows(row -> byLearner.put(List.of(row.getLong(2), row.getLong(3)), row.getLong(1)));
            for (int i = 1; i < binds.size(); i++) {
                results.skip();
            }
            return byLearner;
        }, binds.toArray(List[]::new));
        return attempts.stream().map(a -> ids.get(List.of(a.courseId(), a.userId()))).toList();
    }
}
