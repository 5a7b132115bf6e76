package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.mastery.Skill;
import org.jooq.DSLContext;

/** A course's roster with each learner's attempt counts and mastery rows. */
public final class StudentMastery {

    private final DSLContext dsl;

    public StudentMastery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every learner on the roster, by name, then id. */
    public List<Learner> roster(long courseId) {
        var name = coalesce(APP_USER.NAME, APP_USER.SUBJECT);
        return dsl.select(APP_USER.ID, name, APP_USER.SUBJECT)
                .from(COURSE_ROLE)
                .join(APP_USER).on(APP_USER.ID.eq(COURSE_ROLE.USER_ID))
                .where(COURSE_ROLE.COURSE_ID.eq(courseId), Roster.learnerRows())
                .orderBy(name, APP_USER.ID)
                .fetch(row -> new Learner(row.value1(), row.value2(), row.value3()));
    }

    /** Attempts, correct and incorrect ones and the last one's time, per learner with any. */
    public Map<Long, Activity> activity(long courseId) {
        Map<Long, Activity> activity = new HashMap<>();
        dsl.select(ATTEMPT.USER_ID, count(), count().filterWhere(LearnerAttempts.correct()),
                        count().filterWhere(LearnerAttempts.incorrect()), max(ATTEMPT.SUBMITTED_AT))
                .from(ATTEMPT)
                .where(LearnerAttempts.inCourse(courseId))
                .groupBy(ATTEMPT.USER_ID)
                .forEach(row -> activity.put(row.value1(),
                        new Activity(row.value2(), row.value3(), row.value4(), row.value5().toInstant())));
        return activity;
    }

    /** The mastery rows of the course, by user and skill. */
    public Map<Long, Map<Skill, Mastery>> mastery(long courseId) {
        Map<Long, Map<Skill, Mastery>> mastery = new HashMap<>();
        dsl.select(SKILL_MASTERY.USER_ID, SKILL_MASTERY.SKILL, SKILL_MASTERY.P_MASTERY, SKILL_MASTERY.EVIDENCE_COUNT)
                .from(SKILL_MASTERY)
                .where(SKILL_MASTERY.COURSE_ID.eq(courseId))
                .forEach(row -> mastery.computeIfAbsent(row.value1(), user -> new EnumMap<>(Skill.class))
                        .put(Skill.valueOf(row.value2()), new Mastery(row.value3(), row.value4())));
        return mastery;
    }

    /** A learner on the roster; {@code name} falls back to the LTI subject. */
    public record Learner(long userId, String name, String subject) {
    }

    /** What a learner has done so far. */
    public record Activity(int attempts, int correct, int incorrect, Instant lastAttemptAt) {
    }

    /** One mastery row. */
    public record Mastery(double pMastery, int evidenceCount) {
    }
}
