package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Per code and week, the learner attempts showing the code; per week with attempts, the course's graded attempts. */
public final class WeeklyTrend {

    private final DSLContext dsl;

    public WeeklyTrend(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Result forCourse(long courseId) {
        Field<LocalDate> shownWeek = LearnerAttempts.week(ATTEMPT_MISCONCEPTION.SUBMITTED_AT);
        Map<Misconception, Map<LocalDate, MisconceptionAttempts.Count>> byCode = new EnumMap<>(Misconception.class);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, shownWeek, countDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID),
                        countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE, shownWeek)
                .forEach(row -> byCode.computeIfAbsent(Misconception.valueOf(row.value1()), code -> new HashMap<>())
                        .put(row.value2(), new MisconceptionAttempts.Count(row.value3(), row.value4())));
        Field<LocalDate> week = LearnerAttempts.week(ATTEMPT.SUBMITTED_AT);
        TreeMap<LocalDate, Integer> graded = new TreeMap<>();
        dsl.select(week, count().filterWhere(LearnerAttempts.graded()))
                .from(ATTEMPT)
                .where(LearnerAttempts.inCourse(courseId))
                .groupBy(week)
                .forEach(row -> graded.put(row.value1(), row.value2()));
        return new Result(byCode, graded);
    }

    /**
     * Counts by code and week (weeks without any absent), and graded attempts by week for every
     * week with any learner attempt (so its first and last key span the course's activity).
     */
    public record Result(Map<Misconception, Map<LocalDate, MisconceptionAttempts.Count>> byCode,
            NavigableMap<LocalDate, Integer> gradedByWeek) {
    }
}
