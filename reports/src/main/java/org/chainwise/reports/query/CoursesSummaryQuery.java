package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.selectOne;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;

/** The figures of every course at once, each from one grouped pass over its table. */
public final class CoursesSummaryQuery {

    private final DSLContext dsl;

    public CoursesSummaryQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every course, by id. */
    public List<CourseHeader.Course> courses() {
        return dsl.select(COURSE.ID, COURSE.TITLE).from(COURSE).orderBy(COURSE.ID)
                .fetch(row -> new CourseHeader.Course(row.value1(), row.value2()));
    }

    /** Per course: learners on the roster and how many of them have an attempt. */
    public Map<Long, Learners> learners() {
        Map<Long, Learners> learners = new HashMap<>();
        var started = exists(selectOne().from(ATTEMPT)
                .where(ATTEMPT.COURSE_ID.eq(COURSE_ROLE.COURSE_ID), ATTEMPT.USER_ID.eq(COURSE_ROLE.USER_ID)));
        dsl.select(COURSE_ROLE.COURSE_ID, count(), count().filterWhere(started))
                .from(COURSE_ROLE)
                .where(Roster.learnerRows())
                .groupBy(COURSE_ROLE.COURSE_ID)
                .forEach(row -> learners.put(row.value1(), new Learners(row.value2(), row.value3())));
        return learners;
    }

    /** Per course: learner attempts, graded and correct ones, and the last one's time. */
    public Map<Long, Attempts> attempts() {
        Map<Long, Attempts> attempts = new HashMap<>();
        dsl.select(ATTEMPT.COURSE_ID, count(), count().filterWhere(LearnerAttempts.graded()),
                        count().filterWhere(LearnerAttempts.correct()), max(ATTEMPT.SUBMITTED_AT))
                .from(ATTEMPT)
                .where(Roster.isLearner(ATTEMPT.COURSE_ID, ATTEMPT.USER_ID))
                .groupBy(ATTEMPT.COURSE_ID)
                .forEach(row -> attempts.put(row.value1(),
                        new Attempts(row.value2(), row.value3(), row.value4(), row.value5().toInstant())));
        return attempts;
    }

    /** Per course and code: learners holding it now. */
    public Map<Long, Map<Misconception, Integer>> holders() {
        Map<Long, Map<Misconception, Integer>> holders = new HashMap<>();
        dsl.select(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.CODE, count())
                .from(MISCONCEPTION_BELIEF)
                .where(HeldBeliefs.held(), Roster.isLearner(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID))
                .groupBy(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.CODE)
                .forEach(row -> holders.computeIfAbsent(row.value1(), course -> new EnumMap<>(Misconception.class))
                        .put(Misconception.valueOf(row.value2()), row.value3()));
        return holders;
    }

    /** Per course: learners holding at least one misconception now. */
    public Map<Long, Integer> holdersOfAny() {
        return dsl.select(MISCONCEPTION_BELIEF.COURSE_ID, countDistinct(MISCONCEPTION_BELIEF.USER_ID))
                .from(MISCONCEPTION_BELIEF)
                .where(HeldBeliefs.held(), Roster.isLearner(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID))
                .groupBy(MISCONCEPTION_BELIEF.COURSE_ID)
                .fetchMap(MISCONCEPTION_BELIEF.COURSE_ID, countDistinct(MISCONCEPTION_BELIEF.USER_ID));
    }

    /** Per course and code: learner attempts diagnosed with it at any rank. */
    public Map<Long, Map<Misconception, Integer>> attemptsShowing() {
        Map<Long, Map<Misconception, Integer>> showing = new HashMap<>();
        dsl.select(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.CODE, countDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(Roster.isLearner(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.USER_ID))
                .groupBy(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.CODE)
                .forEach(row -> showing.computeIfAbsent(row.value1(), course -> new EnumMap<>(Misconception.class))
                        .put(Misconception.valueOf(row.value2()), row.value3()));
        return showing;
    }

    /** Learners on a course's roster, and those with an attempt. */
    public record Learners(int students, int started) {
    }

    /** A course's learner attempts. */
    public record Attempts(int attempts, int graded, int correct, Instant lastAttemptAt) {
    }
}
