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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.SQLException;
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

    /** Makes the learner's model row on first use; binds (course, user). */
    static final Rendered CREATE = Rendered.of(DSL.insertInto(LEARNER_MODEL, LEARNER_MODEL.COURSE_ID, LEARNER_MODEL.USER_ID)
            .values(0L, 0L)
            .onConflictDoNothing());

    /**
     * Locks the learner's model row until the transaction ends, so that two answers of one learner
     * update the model one after the other; binds (course, user).
     */
    static final Rendered LOCK = Rendered.of(DSL.select(LEARNER_MODEL.ATTEMPTS).from(LEARNER_MODEL)
            .where(LEARNER_MODEL.COURSE_ID.eq(0L), LEARNER_MODEL.USER_ID.eq(0L))
            .forUpdate());

    /**
     * The learner's state in one query: skills (never practised ones at the model's prior), beliefs,
     * the attempt count, and, when {@code withSeen}, the variants already served in the course (what
     * choosing the next item needs; updating the model does not).
     */
    public StudentState load(DSLContext tx, StudentModel model, long courseId, long userId, boolean withSeen) {
        return (withSeen ? LOAD_WITH_SEEN_ALONE : LOAD_ALONE).run(tx, results -> read(model, results), binds(courseId, userId, withSeen));
    }

    /** The binds of {@link #LOAD} or {@link #LOAD_WITH_SEEN}: (course, user) per branch of the union. */
    static List<Long> binds(long courseId, long userId, boolean withSeen) {
        return withSeen
                ? List.of(courseId, userId, courseId, userId, courseId, userId, courseId, userId)
                : List.of(courseId, userId, courseId, userId, courseId, userId);
    }

    /** The state from the next result of a pipeline, a {@link #LOAD} or {@link #LOAD_WITH_SEEN}. */
    static StudentState read(StudentModel model, Pipeline.Results results) throws SQLException {
        Map<Skill, SkillState> skills = new EnumMap<>(model.start().skills());
        Map<Misconception, Double> beliefs = new EnumMap<>(Misconception.class);
        Set<String> seen = new HashSet<>();
        int[] attempts = {0};
        Ability[] ability = {Ability.NONE};
        results.rows(row -> {
            String key = row.getString(2);
            switch (row.getString(1)) {
                case SKILL -> skills.put(Skill.valueOf(key), new SkillState(row.getDouble(3), row.getInt(4), row.getInt(5),
                        row.getInt(6), row.getInt(7)));
                case BELIEF -> beliefs.put(Misconception.valueOf(key), row.getDouble(3));
                case MODEL -> {
                    attempts[0] = row.getInt(4);
                    ability[0] = key == null ? Ability.NONE : ability(key);
                }
                default -> seen.add(key);
            }
            return null;
        });
        return new StudentState(skills, beliefs, seen, attempts[0], ability[0]);
    }

    static final Rendered LOAD = Rendered.of(loadQuery(false));
    static final Rendered LOAD_WITH_SEEN = Rendered.of(loadQuery(true));
    private static final Pipeline LOAD_ALONE = Pipeline.of(LOAD);
    private static final Pipeline LOAD_WITH_SEEN_ALONE = Pipeline.of(LOAD_WITH_SEEN);

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
     * The binds of {@link #SAVE_SKILLS}, {@link #SAVE_BELIEFS} and {@link #SAVE_MODEL}, one list each,
     * that turn the stored {@code before} into {@code after}: the skills that changed, the beliefs
     * that changed (a belief the model dropped is stored as 0), with {@code diagnosed} codes marked
     * seen now, and the attempt count. With {@code changed} false they change nothing.
     */
    static List<List<?>> saveBinds(StudentModel model, long courseId, long userId, StudentState before, StudentState after,
            Set<Misconception> diagnosed, boolean changed) {
        List<String> skills = new ArrayList<>();
        List<Double> masteries = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        List<Integer> opportunities = new ArrayList<>();
        List<Integer> lastPractised = new ArrayList<>();
        List<Integer> streaks = new ArrayList<>();
        List<Integer> reviews = new ArrayList<>();
        for (Skill skill : changed ? Skill.values() : new Skill[0]) {
            SkillState s = after.skill(skill);
            double mastery = model.masteryProbability(after, skill);
            // The logistic tracker's general ability moves every skill's blended probability.
            if (s.equals(before.skill(skill)) && Math.abs(mastery - model.masteryProbability(before, skill)) < 1e-9) {
                continue;
            }
            skills.add(skill.name());
            masteries.add(mastery);
            known.add(s.known());
            opportunities.add(s.opportunities());
            lastPractised.add(s.lastPractised());
            streaks.add(s.streak());
            reviews.add(s.reviewsPassed());
        }
        List<String> codes = new ArrayList<>();
        List<Double> beliefs = new ArrayList<>();
        List<Boolean> seenNow = new ArrayList<>();
        Set<Misconception> held = EnumSet.noneOf(Misconception.class);
        if (changed) {
            held.addAll(before.beliefs().keySet());
            held.addAll(after.beliefs().keySet());
        }
        for (Misconception code : held) {
            double belief = after.belief(code);
            if (belief == before.belief(code) && !diagnosed.contains(code)) {
                continue;
            }
            codes.add(code.name());
            beliefs.add(belief);
            seenNow.add(diagnosed.contains(code));
        }
        return List.of(
                List.of(courseId, userId, text(skills), float8(masteries), float8(known), int4(opportunities), int4(lastPractised),
                        int4(streaks), int4(reviews)),
                List.of(courseId, userId, text(codes), float8(beliefs), new Pipeline.SqlArray("bool", seenNow.toArray())),
                List.of(after.attempts(), json(after.ability()), changed, courseId, userId));
    }

    private static Pipeline.SqlArray text(List<String> values) {
        return new Pipeline.SqlArray("text", values.toArray());
    }

    private static Pipeline.SqlArray float8(List<Double> values) {
        return new Pipeline.SqlArray("float8", values.toArray());
    }

    private static Pipeline.SqlArray int4(List<Integer> values) {
        return new Pipeline.SqlArray("int4", values.toArray());
    }

    /** Upserts the changed skills, given as parallel arrays; binds (course, user, then the seven arrays). */
    static final Rendered SAVE_SKILLS = Rendered.of(DSL.insertInto(SKILL_MASTERY, SKILL_MASTERY.COURSE_ID, SKILL_MASTERY.USER_ID,
                    SKILL_MASTERY.SKILL, SKILL_MASTERY.P_MASTERY, SKILL_MASTERY.P_KNOWN, SKILL_MASTERY.EVIDENCE_COUNT,
                    SKILL_MASTERY.LAST_PRACTISED, SKILL_MASTERY.STREAK, SKILL_MASTERY.REVIEWS_PASSED)
            .select(DSL.select(DSL.val(0L), DSL.val(0L), Rendered.unnested("skill").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("p_mastery").cast(SQLDataType.DOUBLE), Rendered.unnested("p_known").cast(SQLDataType.DOUBLE),
                            Rendered.unnested("evidence_count").cast(SQLDataType.INTEGER), Rendered.unnested("last_practised").cast(SQLDataType.INTEGER),
                            Rendered.unnested("streak").cast(SQLDataType.INTEGER), Rendered.unnested("reviews_passed").cast(SQLDataType.INTEGER))
                    .from(DSL.table("unnest({0}, {1}, {2}, {3}, {4}, {5}, {6})", DSL.val(new String[0]), DSL.val(new Double[0]),
                                    DSL.val(new Double[0]), DSL.val(new Integer[0]), DSL.val(new Integer[0]), DSL.val(new Integer[0]),
                                    DSL.val(new Integer[0]))
                            .as("u", "skill", "p_mastery", "p_known", "evidence_count", "last_practised", "streak", "reviews_passed")))
            .onConflict(SKILL_MASTERY.COURSE_ID, SKILL_MASTERY.USER_ID, SKILL_MASTERY.SKILL)
            .doUpdate()
            .set(SKILL_MASTERY.P_MASTERY, excluded(SKILL_MASTERY.P_MASTERY))
            .set(SKILL_MASTERY.P_KNOWN, excluded(SKILL_MASTERY.P_KNOWN))
            .set(SKILL_MASTERY.EVIDENCE_COUNT, excluded(SKILL_MASTERY.EVIDENCE_COUNT))
            .set(SKILL_MASTERY.LAST_PRACTISED, excluded(SKILL_MASTERY.LAST_PRACTISED))
            .set(SKILL_MASTERY.STREAK, excluded(SKILL_MASTERY.STREAK))
            .set(SKILL_MASTERY.REVIEWS_PASSED, excluded(SKILL_MASTERY.REVIEWS_PASSED))
            .set(SKILL_MASTERY.UPDATED_AT, currentOffsetDateTime()));

    /**
     * Upserts the changed beliefs (code, belief, seen now) given as parallel arrays; one more piece
     * of evidence each, and the codes seen now get {@code last_seen_at}. Binds (course, user, then
     * the three arrays).
     */
    static final Rendered SAVE_BELIEFS = Rendered.of(DSL.insertInto(MISCONCEPTION_BELIEF, MISCONCEPTION_BELIEF.COURSE_ID,
                    MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.BELIEF,
                    MISCONCEPTION_BELIEF.EVIDENCE_COUNT, MISCONCEPTION_BELIEF.LAST_SEEN_AT)
            .select(DSL.select(DSL.val(0L), DSL.val(0L), Rendered.unnested("code").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("belief").cast(SQLDataType.DOUBLE), DSL.inline(1),
                            DSL.when(Rendered.unnested("seen").cast(SQLDataType.BOOLEAN).isTrue(), currentOffsetDateTime())
                                    .otherwise(DSL.inline((java.time.OffsetDateTime) null)))
                    .from(DSL.table("unnest({0}, {1}, {2})", DSL.val(new String[0]), DSL.val(new Double[0]), DSL.val(new Boolean[0]))
                            .as("u", "code", "belief", "seen")))
            .onConflict(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE)
            .doUpdate()
            .set(MISCONCEPTION_BELIEF.BELIEF, excluded(MISCONCEPTION_BELIEF.BELIEF))
            .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, MISCONCEPTION_BELIEF.EVIDENCE_COUNT.plus(inline(1)))
            .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, coalesce(excluded(MISCONCEPTION_BELIEF.LAST_SEEN_AT), MISCONCEPTION_BELIEF.LAST_SEEN_AT))
            .set(MISCONCEPTION_BELIEF.UPDATED_AT, currentOffsetDateTime()));

    /** Stores the model's attempt count and the logistic tracker's evidence; binds (attempts, ability JSON, changed, course, user). */
    static final Rendered SAVE_MODEL = Rendered.of(DSL.update(LEARNER_MODEL)
            .set(LEARNER_MODEL.ATTEMPTS, 0)
            .set(LEARNER_MODEL.ABILITY, JSONB.valueOf("{}"))
            .set(LEARNER_MODEL.UPDATED_AT, currentOffsetDateTime())
            .where(DSL.condition(DSL.val(false)), LEARNER_MODEL.COURSE_ID.eq(0L), LEARNER_MODEL.USER_ID.eq(0L)));
}
