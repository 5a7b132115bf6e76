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

import jakarta.inject.Singleton;
import java.sql.ResultSet;
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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A learner's student model in a course, kept relationally so that reports can read it: per skill
 * {@code skill_mastery} (the blended mastery probability reports show, knowledge tracing's P(known)
 * and its counters), per misconception {@code misconception_belief}, and in {@code learner_model}
 * the model's attempt count and the logistic tracker's evidence ({@link Ability}, packed by {@link AbilityBytes}). The
 * variants already served come from {@code item_served}.
 */
@Singleton
public class StudentStates {

    private static final String SKILL = "skill";
    private static final String BELIEF = "belief";
    private static final String MODEL = "model";
    private static final String SEEN = "seen";
    private static final String CURRENT = "current";
    private static final String STALE = "stale";
    private static final String KNOWN = "known_attempts";
    private static final String COURSE = "course_id";
    private static final String USER = "user_id";

    /**
     * Makes the learners' model rows on first use, in key order; binds {@link #versionedBinds}. A
     * learner whose state is known ({@link KnownStates}) has the row already: model rows go only
     * with their course or their user, and then so does every request of theirs.
     */
    static final Rendered CREATE = Rendered.of(DSL.insertInto(LEARNER_MODEL, LEARNER_MODEL.COURSE_ID, LEARNER_MODEL.USER_ID)
            .select(DSL.select(Rendered.key("k", COURSE), Rendered.key("k", USER)).from(versioned("k"))
                    .where(knownAttempts("k").eq(inline(KnownStates.UNKNOWN)))
                    .orderBy(Rendered.key("k", COURSE), Rendered.key("k", USER)))
            .onConflictDoNothing());

    /** The learners' keys in a batch statement: binds (courses, users) as arrays. */
    private static Table<Record> learners(String alias) {
        return Rendered.positioned(alias, new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0])}, COURSE, USER);
    }

    /** The binds of {@link #learners}. */
    static List<Object> learnerBinds(List<Long> courses, List<Long> users) {
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users));
    }

    /**
     * Locks the learners' model rows until the transaction ends, in key order, so that two answers
     * of one learner update the model one after the other and two batches never wait on each other
     * in a circle; binds {@link #learnerBinds}. No key update: an item served refers to the row
     * (key share), and serving one must not wait for an answer.
     */
    static final Rendered LOCK = Rendered.of(DSL.select(LEARNER_MODEL.COURSE_ID).from(LEARNER_MODEL)
            .join(learners("k")).on(LEARNER_MODEL.COURSE_ID.eq(Rendered.key("k", COURSE)), LEARNER_MODEL.USER_ID.eq(Rendered.key("k", USER)))
            .orderBy(LEARNER_MODEL.COURSE_ID, LEARNER_MODEL.USER_ID)
            .forNoKeyUpdate().of(LEARNER_MODEL));

    /**
     * The learner's state in one query: skills (never practised ones at the model's prior), beliefs,
     * the attempt count, and, when {@code withSeen}, the variants already served in the course (what
     * choosing the next item needs; updating the model does not). Read in full, without the states
     * this instance knows: the learner's progress is asked for rarely.
     */
    public StudentState load(DSLContext tx, StudentModel model, long courseId, long userId, boolean withSeen) {
        KnownStates.Batch alone = KnownStates.unknown(List.of(courseId), List.of(userId));
        return (withSeen ? LOAD_WITH_SEEN_ALONE : LOAD_ALONE).run(tx, results -> read(model, results, alone).getFirst(),
                binds(alone, withSeen));
    }

    /** The binds of {@link #LOAD} or {@link #LOAD_WITH_SEEN}: the learners' keys and known versions, per branch of the union. */
    static List<Object> binds(KnownStates.Batch learners, boolean withSeen) {
        List<Object> keys = versionedBinds(learners);
        List<Object> binds = new ArrayList<>();
        for (int branch = 0; branch < (withSeen ? 4 : 3); branch++) {
            binds.addAll(keys);
        }
        return binds;
    }

    /**
     * The states of a batch's learners, in order, from the next result of a pipeline: a {@link #LOAD}
     * or {@link #LOAD_WITH_SEEN}. A learner whose known state the database holds still is given that
     * state (with the variants served, when read); one read afresh is remembered.
     */
    static List<StudentState> read(StudentModel model, Pipeline.Results results, KnownStates.Batch learners) throws SQLException {
        int n = learners.size();
        List<StateRows> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new StateRows(model));
        }
        results.rows(row -> {
            rows.get(row.getInt(1) - 1).add(row);
            return null;
        });
        List<StudentState> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StateRows learner = rows.get(i);
            if (learner.current) {
                StudentState known = learners.current(i);
                states.add(new StudentState(known.skills(), known.beliefs(), learner.seen, known.attempts(), known.ability()));
            } else {
                StudentState state = learner.state();
                // Only a learner with a model row has a state in the database to remember.
                if (learner.modelRow) {
                    learners.read(i, state);
                }
                states.add(state);
            }
        }
        return states;
    }

    /** One learner's rows of a {@link #LOAD}, gathered into a state. */
    private static final class StateRows {
        private final Map<Skill, SkillState> skills;
        private final Map<Misconception, Double> beliefs = new EnumMap<>(Misconception.class);
        private final Set<String> seen = new HashSet<>();
        private int attempts;
        private Ability ability = Ability.NONE;
        private boolean modelRow;
        private boolean current;

        StateRows(StudentModel model) {
            skills = new EnumMap<>(model.start().skills());
        }

        void add(ResultSet row) throws SQLException {
            String key = row.getString(3);
            switch (row.getString(2)) {
                case SKILL -> skills.put(Skill.valueOf(key), new SkillState(row.getDouble(4), row.getInt(5), row.getInt(6),
                        row.getInt(7), row.getInt(8)));
                case BELIEF -> beliefs.put(Misconception.valueOf(key), row.getDouble(4));
                case MODEL -> {
                    modelRow = true;
                    current = CURRENT.equals(key);
                    attempts = row.getInt(5);
                    ability = current ? Ability.NONE : AbilityBytes.unpack(row.getBytes(9));
                }
                default -> seen.add(key);
            }
        }

        StudentState state() {
            return new StudentState(skills, beliefs, seen, attempts, ability);
        }
    }

    static final Rendered LOAD = Rendered.of(loadQuery(false));
    static final Rendered LOAD_WITH_SEEN = Rendered.of(loadQuery(true));
    private static final Pipeline LOAD_ALONE = Pipeline.of(LOAD);
    private static final Pipeline LOAD_WITH_SEEN_ALONE = Pipeline.of(LOAD_WITH_SEEN);

    /** The binds of {@link #versioned}. */
    static List<Object> versionedBinds(KnownStates.Batch learners) {
        return List.of(Pipeline.SqlArray.int8(learners.courses()), Pipeline.SqlArray.int8(learners.users()),
                Pipeline.SqlArray.int4(learners.versions()));
    }

    /** The learners of a batch read with the attempts count of the state known of each ({@link KnownStates}); binds (courses, users, versions). */
    private static Table<Record> versioned(String alias) {
        return Rendered.positioned(alias, new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Integer[0])},
                COURSE, USER, KNOWN);
    }

    /** The attempts count of the state known of each learner of {@link #versioned}. */
    private static Field<Integer> knownAttempts(String alias) {
        return DSL.field(DSL.name(alias, KNOWN), SQLDataType.INTEGER);
    }

    /**
     * The union {@link #load} reads, each row with its learner's position in the batch; binds {@link #binds}.
     * Skills and beliefs come only for learners whose model row holds another attempts count than
     * the state known ({@link KnownStates}); the model's row comes for every learner, marked
     * {@link #CURRENT} (and without the ability) when the known state is the stored one.
     */
    private static Select<Record9<Long, String, String, Double, Integer, Integer, Integer, Integer, byte[]>> loadQuery(boolean withSeen) {
        Field<Long> position = Rendered.position("k");
        Field<byte[]> noAbility = DSL.castNull(SQLDataType.BLOB);
        Condition stale = LEARNER_MODEL.ATTEMPTS.ne(knownAttempts("k"));
        Condition learner = LEARNER_MODEL.COURSE_ID.eq(Rendered.key("k", COURSE)).and(LEARNER_MODEL.USER_ID.eq(Rendered.key("k", USER)));
        var rows = select(position, inline(SKILL), SKILL_MASTERY.SKILL, coalesce(SKILL_MASTERY.P_KNOWN, SKILL_MASTERY.P_MASTERY),
                        SKILL_MASTERY.EVIDENCE_COUNT,
                        SKILL_MASTERY.LAST_PRACTISED, SKILL_MASTERY.STREAK, SKILL_MASTERY.REVIEWS_PASSED, noAbility)
                .from(versioned("k")).join(LEARNER_MODEL).on(learner, stale).join(SKILL_MASTERY)
                .on(SKILL_MASTERY.COURSE_ID.eq(LEARNER_MODEL.COURSE_ID), SKILL_MASTERY.USER_ID.eq(LEARNER_MODEL.USER_ID))
                .unionAll(select(position, inline(BELIEF), MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.BELIEF,
                        MISCONCEPTION_BELIEF.EVIDENCE_COUNT, inline(0), inline(0), inline(0), noAbility)
                        .from(versioned("k")).join(LEARNER_MODEL).on(learner, stale).join(MISCONCEPTION_BELIEF)
                        .on(MISCONCEPTION_BELIEF.COURSE_ID.eq(LEARNER_MODEL.COURSE_ID),
                                MISCONCEPTION_BELIEF.USER_ID.eq(LEARNER_MODEL.USER_ID))
                        .where(MISCONCEPTION_BELIEF.BELIEF.gt(inline(0.0))))
                .unionAll(select(position, inline(MODEL), DSL.when(stale, inline(STALE)).otherwise(inline(CURRENT)),
                        inline((Double) null), LEARNER_MODEL.ATTEMPTS, inline(0), inline(0), inline(0),
                        DSL.when(stale, LEARNER_MODEL.ABILITY).otherwise(noAbility))
                        .from(versioned("k")).join(LEARNER_MODEL).on(learner));
        if (withSeen) {
            rows = rows.unionAll(select(position, inline(SEEN), ITEM_SERVED.VARIANT_KEY, inline((Double) null), inline(0),
                    inline(0), inline(0), inline(0), noAbility)
                    .from(versioned("k")).join(ITEM_SERVED)
                    .on(ITEM_SERVED.COURSE_ID.eq(Rendered.key("k", COURSE)), ITEM_SERVED.USER_ID.eq(Rendered.key("k", USER))));
        }
        return rows;
    }

    /**
     * A learner's model change to store: {@code before} becomes {@code after}, with {@code diagnosed}
     * codes seen now. With {@code changed} false (an answer that is no evidence) it stores nothing.
     */
    record Change(long courseId, long userId, StudentState before, StudentState after, Set<Misconception> diagnosed,
            boolean changed) {
    }

    /**
     * The binds of {@link #SAVE_SKILLS}, {@link #SAVE_BELIEFS} and {@link #SAVE_MODEL}, one list each,
     * that store the changes of a batch: for each learner the skills that changed, the beliefs that
     * changed (a belief the model dropped is stored as 0), and the attempt count and ability.
     */
    static List<List<?>> saveBinds(StudentModel model, List<Change> changes) {
        SkillRows skills = new SkillRows();
        List<Long> beliefCourses = new ArrayList<>();
        List<Long> beliefUsers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Double> beliefs = new ArrayList<>();
        List<Boolean> seenNow = new ArrayList<>();
        List<Long> modelCourses = new ArrayList<>();
        List<Long> modelUsers = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<byte[]> abilities = new ArrayList<>();
        for (Change change : changes) {
            if (!change.changed()) {
                continue;
            }
            StudentState before = change.before();
            StudentState after = change.after();
            Map<Skill, Double> masteryBefore = model.masteryProbabilities(before);
            Map<Skill, Double> masteryAfter = model.masteryProbabilities(after);
            for (Skill skill : Skill.values()) {
                SkillState s = after.skill(skill);
                double mastery = masteryAfter.get(skill);
                // The logistic tracker's general ability moves every skill's blended probability.
                if (s.equals(before.skill(skill)) && Math.abs(mastery - masteryBefore.get(skill)) < 1e-9) {
                    continue;
                }
                skills.add(change.courseId(), change.userId(), skill, mastery, s);
            }
            Set<Misconception> held = EnumSet.noneOf(Misconception.class);
            held.addAll(before.beliefs().keySet());
            held.addAll(after.beliefs().keySet());
            for (Misconception code : held) {
                double belief = after.belief(code);
                boolean seen = change.diagnosed().contains(code);
                if (belief == before.belief(code) && !seen) {
                    continue;
                }
                beliefCourses.add(change.courseId());
                beliefUsers.add(change.userId());
                codes.add(code.name());
                beliefs.add(belief);
                seenNow.add(seen);
            }
            modelCourses.add(change.courseId());
            modelUsers.add(change.userId());
            attempts.add(after.attempts());
            abilities.add(AbilityBytes.pack(after.ability()));
        }
        return List.of(skills.binds(),
                List.of(Pipeline.SqlArray.int8(beliefCourses), Pipeline.SqlArray.int8(beliefUsers), Pipeline.SqlArray.text(codes),
                        Pipeline.SqlArray.float8(beliefs), Pipeline.SqlArray.bool(seenNow)),
                List.of(Pipeline.SqlArray.int8(modelCourses), Pipeline.SqlArray.int8(modelUsers), Pipeline.SqlArray.int4(attempts),
                        Pipeline.SqlArray.bytea(abilities)));
    }

    /** The parallel arrays of {@link #SAVE_SKILLS}. */
    private static final class SkillRows {
        private final List<Long> courses = new ArrayList<>();
        private final List<Long> users = new ArrayList<>();
        private final List<String> skills = new ArrayList<>();
        private final List<Double> masteries = new ArrayList<>();
        private final List<Double> known = new ArrayList<>();
        private final List<Integer> opportunities = new ArrayList<>();
        private final List<Integer> lastPractised = new ArrayList<>();
        private final List<Integer> streaks = new ArrayList<>();
        private final List<Integer> reviews = new ArrayList<>();

        void add(long course, long user, Skill skill, double mastery, SkillState s) {
            courses.add(course);
            users.add(user);
            skills.add(skill.name());
            masteries.add(mastery);
            known.add(s.known());
            opportunities.add(s.opportunities());
            lastPractised.add(s.lastPractised());
            streaks.add(s.streak());
            reviews.add(s.reviewsPassed());
        }

        List<Object> binds() {
            return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users), Pipeline.SqlArray.text(skills),
                    Pipeline.SqlArray.float8(masteries), Pipeline.SqlArray.float8(known), Pipeline.SqlArray.int4(opportunities),
                    Pipeline.SqlArray.int4(lastPractised), Pipeline.SqlArray.int4(streaks), Pipeline.SqlArray.int4(reviews));
        }
    }

    /** Upserts the changed skills of a batch's learners, given as parallel arrays; binds {@link SkillRows#binds}. */
    static final Rendered SAVE_SKILLS = Rendered.of(DSL.insertInto(SKILL_MASTERY, SKILL_MASTERY.COURSE_ID, SKILL_MASTERY.USER_ID,
                    SKILL_MASTERY.SKILL, SKILL_MASTERY.P_MASTERY, SKILL_MASTERY.P_KNOWN, SKILL_MASTERY.EVIDENCE_COUNT,
                    SKILL_MASTERY.LAST_PRACTISED, SKILL_MASTERY.STREAK, SKILL_MASTERY.REVIEWS_PASSED)
            .select(DSL.select(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT), Rendered.unnested(USER).cast(SQLDataType.BIGINT),
                            Rendered.unnested("skill").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("p_mastery").cast(SQLDataType.DOUBLE), Rendered.unnested("p_known").cast(SQLDataType.DOUBLE),
                            Rendered.unnested("evidence_count").cast(SQLDataType.INTEGER), Rendered.unnested("last_practised").cast(SQLDataType.INTEGER),
                            Rendered.unnested("streak").cast(SQLDataType.INTEGER), Rendered.unnested("reviews_passed").cast(SQLDataType.INTEGER))
                    .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0]), DSL.val(new Double[0]),
                            DSL.val(new Double[0]), DSL.val(new Integer[0]), DSL.val(new Integer[0]), DSL.val(new Integer[0]),
                            DSL.val(new Integer[0])},
                            COURSE, USER, "skill", "p_mastery", "p_known", "evidence_count", "last_practised",
                            "streak", "reviews_passed")))
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
     * Upserts the changed beliefs (course, user, code, belief, seen now) given as parallel arrays;
     * one more piece of evidence each, and the codes seen now get {@code last_seen_at}.
     */
    static final Rendered SAVE_BELIEFS = Rendered.of(DSL.insertInto(MISCONCEPTION_BELIEF, MISCONCEPTION_BELIEF.COURSE_ID,
                    MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE, MISCONCEPTION_BELIEF.BELIEF,
                    MISCONCEPTION_BELIEF.EVIDENCE_COUNT, MISCONCEPTION_BELIEF.LAST_SEEN_AT)
            .select(DSL.select(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT), Rendered.unnested(USER).cast(SQLDataType.BIGINT),
                            Rendered.unnested("code").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("belief").cast(SQLDataType.DOUBLE), DSL.inline(1),
                            DSL.when(Rendered.unnested("seen").cast(SQLDataType.BOOLEAN).isTrue(), currentOffsetDateTime())
                                    .otherwise(DSL.inline((java.time.OffsetDateTime) null)))
                    .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0]), DSL.val(new Double[0]),
                            DSL.val(new Boolean[0])},
                            COURSE, USER, "code", "belief", "seen")))
            .onConflict(MISCONCEPTION_BELIEF.COURSE_ID, MISCONCEPTION_BELIEF.USER_ID, MISCONCEPTION_BELIEF.CODE)
            .doUpdate()
            .set(MISCONCEPTION_BELIEF.BELIEF, excluded(MISCONCEPTION_BELIEF.BELIEF))
            .set(MISCONCEPTION_BELIEF.EVIDENCE_COUNT, MISCONCEPTION_BELIEF.EVIDENCE_COUNT.plus(inline(1)))
            .set(MISCONCEPTION_BELIEF.LAST_SEEN_AT, coalesce(excluded(MISCONCEPTION_BELIEF.LAST_SEEN_AT), MISCONCEPTION_BELIEF.LAST_SEEN_AT))
            .set(MISCONCEPTION_BELIEF.UPDATED_AT, currentOffsetDateTime()));

    /** Stores the learners' attempt counts and the logistic tracker's evidence; binds (courses, users, attempts, packed abilities). */
    static final Rendered SAVE_MODEL = Rendered.of(DSL.update(LEARNER_MODEL)
            .set(LEARNER_MODEL.ATTEMPTS, Rendered.unnested("attempts").cast(SQLDataType.INTEGER))
            .set(LEARNER_MODEL.ABILITY, Rendered.unnested("ability").cast(SQLDataType.BLOB))
            .set(LEARNER_MODEL.UPDATED_AT, currentOffsetDateTime())
            .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Integer[0]), DSL.val(new byte[0][])},
                            COURSE, USER, "attempts", "ability"))
            .where(LEARNER_MODEL.COURSE_ID.eq(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT)),
                    LEARNER_MODEL.USER_ID.eq(Rendered.unnested(USER).cast(SQLDataType.BIGINT))));
}
