package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The learners of a course (everyone holding the learner role, whether they started or not) and what
 * the student model holds about each: one page of learners, then their rows in three queries.
 */
@Singleton
public class CourseStudents {

    public record Learner(long userId, String name) {
    }

    public record SkillRow(String skill, double pMastery, int evidenceCount) {
    }

    public record BeliefRow(String code, double belief, int evidenceCount) {
    }

    /** Graded answers (correct or incorrect; invalid ones are not answers) and when the last one came. */
    public record Activity(int answers, int correct, Optional<Instant> lastAnswerAt) {

        static final Activity NONE = new Activity(0, 0, Optional.empty());
    }

    public int countLearners(DSLContext tx, long courseId) {
        return tx.fetchCount(COURSE_ROLE, COURSE_ROLE.COURSE_ID.eq(courseId), COURSE_ROLE.ROLE.eq("learner"));
    }

    /** One page of the course's learners, by name (the subject when the platform sent no name), then id. */
    public List<Learner> learners(DSLContext tx, long courseId, int limit, int offset) {
        var name = org.jooq.impl.DSL.coalesce(APP_USER.NAME, APP_USER.SUBJECT);
        return tx.select(APP_USER.ID, name)
                .from(COURSE_ROLE)
                .join(APP_USER).on(APP_USER.ID.eq(COURSE_ROLE.USER_ID))
                .where(COURSE_ROLE.COURSE_ID.eq(courseId), COURSE_ROLE.ROLE.eq("learner"))
                .orderBy(name, APP_USER.ID)
                .limit(limit).offset(offset)
                .fetch(r -> new Learner(r.value1(), r.value2()));
    }

    public Map<Long, List<SkillRow>> mastery(DSLContext tx, long courseId, List<Long> userIds) {
        Map<Long, List<SkillRow>> rows = new HashMap<>();
        tx.select(SKILL_MASTERY.USER_ID, SKILL_MASTERY.SKILL, SKILL_MASTERY.P_MASTERY, SKILL_MASTERY.EVIDENCE_COUNT)
                .from(SKILL_MASTERY)
                .where(SKILL_MASTERY.COURSE_ID.eq(courseId), SKILL_MASTERY.USER_ID.in(userIds))
                .orderBy(SKILL_MASTERY.SKILL)
                .forEach(r -> rows.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new SkillRow(r.value2(), r.value3(), r.value4())));
        return rows;
    }

    public Map<Long, List<BeliefRow>> beliefs(DSLContext tx, long courseId, List<Long> userIds) {
        Map<Long, List<BeliefRow>> rows = new HashMap<>();
        tx.select(MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.BELIEF,
                        MISCONCEPTION_BELIEF.EVIDENCE_COUNT)
                .from(MISCONCEPTION_BELIEF)
                .where(MISCONCEPTION_BELIEF.COURSE_ID.eq(courseId), MISCONCEPTION_BELIEF.USER_ID.in(userIds))
                .orderBy(MISCONCEPTION_BELIEF.BELIEF.desc(), MISCONCEPTION_BELIEF.CODE)
                .forEach(r -> rows.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new BeliefRow(r.value2(), r.value3(), r.value4())));
        return rows;
    }

    public Map<Long, Activity> activity(DSLContext tx, long courseId, List<Long> userIds) {
        Map<Long, Activity> rows = new HashMap<>();
        tx.select(ATTEMPT.USER_ID, count(), count().filterWhere(ATTEMPT.VERDICT.eq("correct")), max(ATTEMPT.SUBMITTED_AT))
                .from(ATTEMPT)
                .where(ATTEMPT.COURSE_ID.eq(courseId), ATTEMPT.USER_ID.in(userIds), ATTEMPT.VERDICT.ne("invalid"))
                .groupBy(ATTEMPT.USER_ID)
                .forEach(r -> rows.put(r.value1(), new Activity(r.value2(), r.value3(),
                        Optional.ofNullable(r.value4()).map(OffsetDateTime::toInstant))));
        return rows;
    }

    /** The activity of a learner with no graded answer. */
    public static Activity noActivity() {
        return Activity.NONE;
    }
}
