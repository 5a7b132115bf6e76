package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * A course's learner attempts counted per learner and week in one pass over the course's
 * attempts: each learner's activity and each week's graded attempts both roll up from it.
 */
public final class CourseActivity {

    private final DSLContext dsl;

    public CourseActivity(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<LearnerWeek> forCourse(long courseId) {
        var week = LearnerAttempts.week(ATTEMPT.SUBMITTED_AT);
        return dsl.select(ATTEMPT.USER_ID, week, count(), count().filterWhere(LearnerAttempts.correct()),
                        count().filterWhere(LearnerAttempts.incorrect()), max(ATTEMPT.SUBMITTED_AT))
                .from(ATTEMPT)
                .where(LearnerAttempts.inCourse(courseId))
                .groupBy(ATTEMPT.USER_ID, week)
                .fetch(row -> new LearnerWeek(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6().toInstant()));
    }

    /** What a learner has done so far, per learner with any attempt. */
    public static Map<Long, Activity> byLearner(List<LearnerWeek> weeks) {
        Map<Long, Activity> activity = new HashMap<>();
        for (LearnerWeek week : weeks) {
            activity.merge(week.userId(), new Activity(week.attempts(), week.correct(), week.incorrect(), week.lastAttemptAt()),
                    (a, b) -> new Activity(a.attempts() + b.attempts(), a.correct() + b.correct(),
                            a.incorrect() + b.incorrect(),
                            a.lastAttemptAt().isAfter(b.lastAttemptAt()) ? a.lastAttemptAt() : b.lastAttemptAt()));
        }
        return activity;
    }

    /** Graded (correct or incorrect) attempts per week with any attempt, oldest week first. */
    public static NavigableMap<LocalDate, Integer> gradedByWeek(List<LearnerWeek> weeks) {
        NavigableMap<LocalDate, Integer> graded = new TreeMap<>();
        for (LearnerWeek week : weeks) {
            graded.merge(week.week(), week.correct() + week.incorrect(), Integer::sum);
        }
        return graded;
    }

    /** One learner's attempts in one week. */
    public record LearnerWeek(long userId, LocalDate week, int attempts, int correct, int incorrect, Instant lastAttemptAt) {
    }

    /** A learner's attempts, correct and incorrect ones, and the last one's time. */
    public record Activity(int attempts, int correct, int incorrect, Instant lastAttemptAt) {
    }
}
