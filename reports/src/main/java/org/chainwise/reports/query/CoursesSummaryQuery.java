package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

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

    /** Per course: learners on the roster. */
    public Map<Long, Integer> learners() {
        return dsl.select(COURSE_ROLE.COURSE_ID, count())
                .from(COURSE_ROLE)
                .where(Roster.learnerRows())
                .groupBy(COURSE_ROLE.COURSE_ID)
                .fetchMap(COURSE_ROLE.COURSE_ID, count());
    }

    /** Per course: learner attempts, graded and correct ones, the learners who made them, and the last one's time. */
    public Map<Long, Attempts> attempts() {
        // Per learner first, over the whole table (a hash aggregate of one group per learner), so that
        // the roster is joined to ten thousand rows rather than probed once per attempt.
        Field<Integer> attempts = count().as("attempts");
        Field<Integer> graded = count().filterWhere(LearnerAttempts.graded()).as("graded");
        Field<Integer> correct = count().filterWhere(LearnerAttempts.correct()).as("correct");
        Field<OffsetDateTime> last = max(ATTEMPT.SUBMITTED_AT).as("last");
        Table<?> perLearner = select(ATTEMPT.COURSE_ID, ATTEMPT.USER_ID, attempts, graded, correct, last)
                .from(ATTEMPT)
                .groupBy(ATTEMPT.COURSE_ID, ATTEMPT.USER_ID)
                .asTable("per_learner");
        Field<Long> courseId = perLearner.field(ATTEMPT.COURSE_ID);
        Map<Long, Attempts> result = new HashMap<>();
        dsl.select(courseId, sum(perLearner.field(attempts)), sum(perLearner.field(graded)), sum(perLearner.field(correct)),
                        count(), max(perLearner.field(last)))
                .from(perLearner)
                .where(Roster.isLearner(courseId, perLearner.field(ATTEMPT.USER_ID)))
                .groupBy(courseId)
                .forEach(row -> result.put(row.value1(), new Attempts(row.value2().intValue(), row.value3().intValue(),
                        row.value4().intValue(), row.value5(), row.value6().toInstant())));
        return result;
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
        // One row per attempt and code first, grouped in the order of attempt_misconception_course_code
        // so that nothing is sorted; the roster then filters those rows, not every diagnosis.
        Field<Long> learner = min(ATTEMPT_MISCONCEPTION.USER_ID).as("user_id");
        Table<?> shown = select(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.ATTEMPT_ID,
                        learner)
                .from(ATTEMPT_MISCONCEPTION)
                .groupBy(ATTEMPT_MISCONCEPTION.COURSE_ID, ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.ATTEMPT_ID)
                .asTable("shown");
        // Then per learner and code (tens of thousands of rows), so that the roster join and the
        // last grouping see few rows whatever the planner estimates.
        Field<Integer> attempts = count().as("attempts");
        Table<?> perLearner = select(shown.field(ATTEMPT_MISCONCEPTION.COURSE_ID), shown.field(learner),
                        shown.field(ATTEMPT_MISCONCEPTION.CODE), attempts)
                .from(shown)
                .groupBy(shown.field(ATTEMPT_MISCONCEPTION.COURSE_ID), shown.field(learner), shown.field(ATTEMPT_MISCONCEPTION.CODE))
                .asTable("per_learner");
        Field<Long> courseId = perLearner.field(ATTEMPT_MISCONCEPTION.COURSE_ID);
        Field<String> code = perLearner.field(ATTEMPT_MISCONCEPTION.CODE);
        Map<Long, Map<Misconception, Integer>> showing = new HashMap<>();
        dsl.select(courseId, code, sum(perLearner.field(attempts)))
                .from(perLearner)
                .where(Roster.isLearner(courseId, perLearner.field(learner.getName(), Long.class)))
                .groupBy(courseId, code)
                .forEach(row -> showing.computeIfAbsent(row.value1(), course -> new EnumMap<>(Misconception.class))
                        .put(Misconception.valueOf(row.value2()), row.value3().intValue()));
        return showing;
    }

    /** A course's learner attempts, and how many learners made them. */
    public record Attempts(int attempts, int graded, int correct, int students, Instant lastAttemptAt) {
    }
}
