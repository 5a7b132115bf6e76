package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION_BELIEF;
import static org.chainwise.migrations.jooq.Tables.SKILL_MASTERY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Ability;
import org.chainwise.engine.mastery.SkillState;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.chainwise.engine.mastery.Skill;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A learner's student model in a course, kept relationally so that reports can read it: per skill
 * {@code skill_mastery} (the blended mastery probability reports show, knowledge tracing's P(known)
 * and its counters), per misconception {@code misconception_belief}, and in {@code learner_model}
 * the model's attempt count and the logistic tracker's evidence ({@link Ability}, as JSON). The
 * variants already served come from {@code item_served}.
 */
@Singleton
public class StudentStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SKILL = "skill";
    private static final String BELIEF = "belief";
    private static final String MODEL = "model";
    private static final String SEEN = "seen";

    /**
     * Locks the learner's model row (made on first use) until the transaction ends, so that two
     * answers of one learner update the model one after the other, and returns its attempt count.
     */
    public int lock(DSLContext tx, long courseId, long userId) {
        return LOCK.fetch(tx, courseId, userId).fetchSingle(0, Integer.class);
    }

    private static final Rendered LOCK = Rendered.of(DSL.insertInto(LEARNER_MODEL)
            .set(LEARNER_MODEL.COURSE_ID, 0L)
            .set(LEARNER_MODEL.USER_ID, 0L)
            .onConflict(LEARNER_MODEL.COURSE_ID, LEARNER_MODEL.USER_ID)
            .doUpdate()
            .set(LEARNER_MODEL.ATTEMPTS, LEARNER_MODEL.ATTEMPTS)
            .returning(LEARNER_MODEL.ATTEMPTS));

    /**
     * The learner's state in one query: skills (never practised ones at the model's prior), beliefs,
     * the attempt count, and, when {@code withSeen}, the variants already served in the course (what
     * choosing the next item needs; updating the model does not).
     */
    public StudentState load(DSLContext tx, StudentModel model, long courseId, long userId, boolean withSeen) {
        Map<Skill, SkillState> skills = new EnumMap<>(model.start().skills());
        Map<Misconception, Double> beliefs = new EnumMap<>(Misconception.class);
        Set<String> seen = new HashSet<>();
        int attempts = 0;
        Ability ability = Ability.NONE;
        var rows = withSeen
                ? LOAD_WITH_SEEN.fetch(tx, courseId, userId, courseId, userId, courseId, userId, courseId, userId)
                : LOAD.fetch(tx, courseId, userId, courseId, userId, courseId, userId);
        for (Record row : rows.fetch()) {
            String kind = row.get(0, String.class);
            String key = row.get(1, String.class);
            switch (kind) {
                case SKILL -> skills.put(Skill.valueOf(key), new SkillState(row.get(2, Double.class), row.get(3, Integer.class),
                        row.get(4, Integer.class), row.get(5, Integer.class), row.get(6, Integer.class)));
                case BELIEF -> beliefs.put(Misconception.valueOf(key), row.get(2, Double.class));
                case MODEL -> {
                    attempts = row.get(3, Integer.class);
                    ability = key == null ? Ability.NONE : ability(key);
                }
                default -> seen.add(key);
            }
        }
        return new StudentState(skills, beliefs, seen, attempts, ability);
    }

    private static final Rendered LOAD = Rendered.of(loadQuery(false));
    private static final Rendered LOAD_WITH_SEEN = Rendered.of(loadQuery(true));

    /** The union {@link #load} reads; its binds are (course, user) per branch, in order. */
    private static Select<Record7<String, String, Double, Integer, Integer, Integer, Integer>> loadQuery(boolean withSeen) {
        var rows = select(inline(SKILL), SKILL_MASTERY.SKILL, coalesce(SKILL_MASTERY.P_KNOWN, SKILL_MASTERY.P_MASTERY),
                        SKILL_MASTERY.EVIDENCE_COUNT,
                        SKILL_MASTERY.LAST_PRACTISED, SKILL_MASTERY.STREAK, SKILL_MASTERY.REVIEWS_PASSED)
                .from(SKILL_MASTERY)
                .where(SKILL_MASTERY.COURSE_ID.eq(0L), SKILL_MASTERY.USER_ID.eq(0L))
                .unionAll(select(inline(BELIEF), MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.BELIEF,
                        MISCONCEPTION_BELIEF.EVIDENCE_COUNT, inline(0), inline(0), inline(0))
                        .from(MISCONCEPTION_BELIEF)
                        .where(MISCONCEPTION_BELIEF.COURSE_ID.eq(0L), MISCONCEPTION_BELIEF.USER_ID.eq(0L),
                                MISCONCEPTION_BELIEF.BELIEF.gt(inline(0.0))))
                .unionAll(select(inline(MODEL), LEARNER_MODEL.ABILITY.cast(SQLDataType.VARCHAR), inline((Double) null), LEARNER_MODEL.ATTEMPTS,
                        inline(0), inline(0), inline(0))
                        .from(LEARNER_MODEL)
                        .where(LEARNER_MODEL.COURSE_ID.eq(0L), LEARNER_MODEL.USER_ID.eq(0L)));
        if (withSeen) {
            rows = rows.unionAll(select(inline(SEEN), ITEM_SERVED.VARIANT_KEY, inline((Double) null), inline(0),
                    inline(0), inline(0), inline(0))
                    .from(ITEM_SERVED)
                    .where(ITEM_SERVED.COURSE_ID.eq(0L), ITEM_SERVED.USER_ID.eq(0L)));
        }
        return rows;
    }

    private static String json(Ability ability) {
        try {
            return JSON.writeValueAsString(ability);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ability is numbers only", e);
        }
    }

    private static Ability ability(String json) {
        try {
            return JSON.readValue(json, Ability.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Evidence in a shape this version does not read: start the logistic tracker afresh.
            return Ability.NONE;
        }
    }

    /**
     * The statements that turn the stored {@code before} into {@code after} (for a batch): the
     * skills that changed, the beliefs that changed (a belief the model dropped is stored as 0),
     * with {@code diagnosed} codes marked seen now, and the attempt count.
     */
    public List<Query> save(DSLContext tx, StudentModel model, long courseId, long userId, StudentState before,
            StudentState after, Set<Misconception> diagnosed) {
        List<Query> queries = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            SkillState s = after.skill(skill);
            double mastery = model.masteryProbability(after, skill);
            // The logistic tracker's general ability moves every skill's blended probability.
            if (s.equals(before.skill(skill)) && Math.abs(mastery - model.masteryProbability(before, skill)) < 1e-9) {
                continue;
            }
            queries.add(tx.insertInto(SKILL_MASTERY)
                    .set(SKILL_MASTERY.COURSE_ID, courseId)
                    .set(SKILL_MASTERY.USER_ID, userId)
                    .set(SKILL_MASTERY.SKILL, skill.name())
                    .set(SKILL_MASTERY.P_MASTERY, mastery)
                    .set(SKILL_MASTERY.P_KNOWN, s.known())
                    .set(SKILL_MASTERY.EVIDENCE_COUNT, s.opportunities())
                    .set(SKILL_MASTERY.LAST_PRACTISED, s.lastPractised())
                    .set(SKILL_MASTERY.STREAK, s.streak())
                    .set(SKILL_MASTERY.REVIEWS_PASSED, s.reviewsPassed())
                    .onConflict(SKILL_MASTERY.COURSE_ID, SKILL_MASTERY.USER_ID, SKILL_MASTERY.SKILL)
                    .doUpdate()
                    .set(SKILL_MASTERY.P_MASTERY, excluded(SKILL_MASTERY.P_MASTERY))
                    .set(SKILL_MASTERY.P_KNOWN, excluded(SKILL_MASTERY.P_KNOWN))
                    .set(SKILL_MASTERY.EVIDENCE_COUNT, excluded(SKILL_MASTERY.EVIDENCE_COUNT))
                    .set(SKILL_MASTERY.LAST_PRACTISED, excluded(SKILL_MASTERY.LAST_PRACTISED))
                    .set(SKILL_MASTERY.STREAK, excluded(SKILL_MASTERY.STREAK))
                    .set(SKILL_MASTERY.REVIEWS_PASSED, excluded(SKILL_MASTERY.REVIEWS_PASSED))
                    .set(SKILL_MASTERY.UPDATED_AT, currentOffsetDateTime()));
        }
        Set<Misconception> codes = EnumSet.noneOf(Misconception.class);
        codes.addAll(before.beliefs().keySet());
        codes.addAll(after.beliefs().keySet());
        for (Misconception code : codes) {
            double belief = after.belief(code);
            if (belief == before.belief(code) && !diagnosed.contains(code)) {
                continue;
            }
            boolean seenNow = diagnosed.contains(code);
            queries.add(tx.insertInto(MISCONCEPTION_BELIEF)
                    .set(MISCONCEPTION_BELIEF.COURSE_ID, courseId)
                    .set(MISCONCEPTION_BELIEF.USER_ID, userId)
                    .set(MISCONCEPTION_BELIEF.CODE, code.name())
                    .set(MISCONCEPTION_BELIEF.BELIEF, belief)
                    .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, 1)
                    .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, seenNow ? currentOffsetDateTime() : val(null, MISCONCEPTION_BELIEF.LAST_SEEN_AT))
                    .onConflict(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE)
                    .doUpdate()
                    .set(MISCONCEPTION_BELIEF.BELIEF, excluded(MISCONCEPTION_BELIEF.BELIEF))
                    .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, MISCONCEPTION_BELIEF.EVIDENCE_COUNT.plus(1))
                    .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, seenNow ? currentOffsetDateTime() : MISCONCEPTION_BELIEF.LAST_SEEN_AT)
                    .set(MISCONCEPTION_BELIEF.UPDATED_AT, currentOffsetDateTime()));
        }
        queries.add(tx.update(LEARNER_MODEL)
                .set(LEARNER_MODEL.ATTEMPTS, val(after.attempts()))
                .set(LEARNER_MODEL.ABILITY, JSONB.valueOf(json(after.ability())))
                .set(LEARNER_MODEL.UPDATED_AT, currentOffsetDateTime())
                .where(LEARNER_MODEL.COURSE_ID.eq(courseId), LEARNER_MODEL.USER_ID.eq(userId)));
        return queries;
    }
}
