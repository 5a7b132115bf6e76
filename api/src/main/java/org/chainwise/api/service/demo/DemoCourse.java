package org.chainwise.api.service.demo;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.COURSE;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chainwise.api.identity.Role;
import org.chainwise.api.service.PracticeEngine;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.NoteStore;
import org.chainwise.api.store.People;
import org.chainwise.api.store.PracticeHistory;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.bank.ItemCandidate;
import org.chainwise.bank.VariantPool;
import org.chainwise.bank.answer.ItemGrade;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.SkillState;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo course "Chain rule demo" on the local platform: one instructor ({@value #INSTRUCTOR}), six
 * learners with a week of history ({@link LearnerScript#demo()}), two practice sets and three notes (two
 * shared). The history is real: items drawn from the question bank, wrong answers taken from each item's
 * own distractors, every answer graded by the engine, and the skill and misconception rows are the
 * engine's student model after exactly those answers. {@link #seed()} is idempotent.
 */
@Singleton
public class DemoCourse {

    /** The course's LTI context id on the local deployment: sign in with {@code "course": "chainwise-demo"}. */
    public static final String CONTEXT_ID = "chainwise-demo";
    public static final String TITLE = "Chain rule demo";
    public static final String INSTRUCTOR = "teacher";
    public static final String INSTRUCTOR_NAME = "Dr. Tess Okafor";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCourse.class);

    /** Any constant shared by every node: it serialises seeding when several start at once. */
    private static final long SEED_LOCK = 0x43_57_44_45_4D_4FL;

    private final DSLContext dsl;
    private final People people;
    private final PracticeSets practiceSets;
    private final PracticeHistory history;
    private final NoteStore notes;
    private final PracticeEngine engine;
    private final Clock clock;

    DemoCourse(DSLContext dsl, People people, PracticeSets practiceSets, PracticeHistory history, NoteStore notes,
            PracticeEngine engine) {
        this.dsl = dsl;
        this.people = people;
        this.practiceSets = practiceSets;
        this.history = history;
        this.notes = notes;
        this.engine = engine;
        this.clock = Clock.systemUTC();
    }

    /** The seeded course: its id, the instructor's, each learner's by subject, the two sets; {@code created} on the first call only. */
    public record Seeded(long courseId, long instructorId, Map<String, Long> learners, List<Long> practiceSetIds,
            boolean created) {

        public Seeded {
            learners = Map.copyOf(learners);
            practiceSetIds = List.copyOf(practiceSetIds);
        }
    }

    /** The two practice sets, in order: the one most history is in, then a three-layer drill. */
    static List<PracticeSetDefinition> practiceSetDefinitions() {
        return List.of(
                new PracticeSetDefinition("demo:basics", "Chain rule basics",
                        List.of(Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR),
                        List.of("outer-sin", "outer-cos", "outer-exp", "outer-power"), new CompletionRule.Mastery(0.95)),
                new PracticeSetDefinition("demo:three-layers", "Three-layer chains",
                        List.of(Skill.MULTI_LAYER, Skill.INNER_FACTOR), List.of("nested"), new CompletionRule.ItemCount(10)));
    }

    /** Seeds the course unless it exists; either way returns it. */
    public Seeded seed() {
        Optional<Seeded> found = dsl.transactionResult(cfg -> existing(cfg.dsl()));
        if (found.isPresent()) {
            return found.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Drawing and grading is pure and the slow part: done before the transaction opens.
        long begin = System.nanoTime();
        List<PlannedLearner> plan = plan(engine.parts(), now);
        long planned = System.nanoTime();
        Seeded seeded = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // Two nodes starting at once both find no course; the lock lets one write and the other find it.
            tx.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, SEED_LOCK)).fetch();
            return existing(tx).orElseGet(() -> write(tx, people.localDeployment(tx), plan));
        });
        if (seeded.created()) {
            LOG.info("Demo course: {} answers drawn and graded in {} ms, written in {} ms",
                    plan.stream().mapToInt(p -> p.answers().size()).sum(), (planned - begin) / 1_000_000,
                    (System.nanoTime() - planned) / 1_000_000);
        }
        return seeded;
    }

    private Optional<Seeded> existing(DSLContext tx) {
        return tx.select(COURSE.ID).from(COURSE)
                .where(COURSE.DEPLOYMENT_ID.eq(people.localDeployment(tx)), COURSE.LTI_CONTEXT_ID.eq(CONTEXT_ID))
                .fetchOptional(COURSE.ID)
                .map(courseId -> read(tx, courseId));
    }

    private Seeded read(DSLContext tx, long courseId) {
        long platform = people.localPlatform(tx);
        Map<String, Long> learners = new LinkedHashMap<>();
        for (LearnerScript script : LearnerScript.demo()) {
            tx.select(APP_USER.ID).from(APP_USER)
                    .where(APP_USER.PLATFORM_ID.eq(platform), APP_USER.SUBJECT.eq(script.subject()))
                    .fetchOptional(APP_USER.ID).ifPresent(id -> learners.put(script.subject(), id));
        }
        long instructor = tx.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.PLATFORM_ID.eq(platform), APP_USER.SUBJECT.eq(INSTRUCTOR)).fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new IllegalStateException("the course " + CONTEXT_ID
                        + " exists but was not seeded (someone signed in to it first): it has no instructor " + INSTRUCTOR));
        List<Long> sets = practiceSets.inCourse(tx, courseId).stream().map(StoredPracticeSet::id).toList();
        return new Seeded(courseId, instructor, learners, sets, false);
    }

    private Seeded write(DSLContext tx, long deployment, List<PlannedLearner> plan) {
        long platform = people.localPlatform(tx);
        long courseId = people.upsertCourse(tx, deployment, CONTEXT_ID, TITLE);
        long instructor = people.upsertUser(tx, platform, INSTRUCTOR, INSTRUCTOR_NAME, null);
        people.grantRole(tx, courseId, instructor, Role.INSTRUCTOR);
        List<Long> sets = new ArrayList<>();
        List<PracticeSetDefinition> definitions = practiceSetDefinitions();
        for (int i = 0; i < definitions.size(); i++) {
            sets.add(practiceSets.create(tx, courseId, "demo-set-" + (i + 1), definitions.get(i)).id());
        }
        Map<String, Long> learners = new LinkedHashMap<>();
        Map<String, List<Long>> attempts = new LinkedHashMap<>();
        for (PlannedLearner learner : plan) {
            long userId = people.upsertUser(tx, platform, learner.script().subject(), learner.script().name(), null);
            people.grantRole(tx, courseId, userId, Role.LEARNER);
            learners.put(learner.script().subject(), userId);
            attempts.put(learner.script().subject(), writeHistory(tx, courseId, userId, sets, learner));
        }
        writeNotes(tx, courseId, instructor, learners, attempts);
        return new Seeded(courseId, instructor, learners, sets, true);
    }

    private List<Long> writeHistory(DSLContext tx, long courseId, long userId, List<Long> sets, PlannedLearner learner) {
        List<PracticeHistory.Served> served = new ArrayList<>();
        List<PracticeHistory.Graded> graded = new ArrayList<>();
        int[] attempted = new int[sets.size()];
        int[] correct = new int[sets.size()];
        Instant[] started = new Instant[sets.size()];
        for (PlannedAnswer answer : learner.answers()) {
            boolean right = answer.grade().correct();
            Instant servedAt = answer.submittedAt().minus(Duration.ofSeconds(90));
            served.add(new PracticeHistory.Served(courseId, userId, sets.get(answer.set()), answer.item(), servedAt,
                    answer.submittedAt(), right));
            graded.add(graded(learner, answer));
            attempted[answer.set()]++;
            correct[answer.set()] += right ? 1 : 0;
            if (started[answer.set()] == null) {
                started[answer.set()] = servedAt;
            }
        }
        if (learner.answers().isEmpty()) {
            return List.of();
        }
        // The learner's model row and runs first: the items served refer to them.
        List<Query> owners = new ArrayList<>();
        owners.add(history.learnerModel(tx, courseId, userId, learner.state().attempts(), learner.answers().getLast().submittedAt()));
        for (int s = 0; s < sets.size(); s++) {
            if (started[s] != null) {
                owners.add(history.enrollment(tx, courseId, userId, sets.get(s), started[s], attempted[s], correct[s]));
            }
        }
        tx.batch(owners).execute();
        List<Long> attemptIds = history.attempts(tx, courseId, userId, history.served(tx, served), graded);
        List<Query> batch = new ArrayList<>();
        for (int i = 0; i < attemptIds.size(); i++) {
            history.misconceptions(tx, attemptIds.get(i), graded.get(i).misconceptions()).ifPresent(batch::add);
        }
        batch.addAll(model(tx, courseId, userId, learner, learner.answers().getLast().submittedAt()));
        if (!batch.isEmpty()) {
            tx.batch(batch).execute();
        }
        return attemptIds;
    }

    /** The statements storing the student model's skills and beliefs after the learner's answers (its row is written first). */
    private List<Query> model(DSLContext tx, long courseId, long userId, PlannedLearner learner, Instant at) {
        List<Query> queries = new ArrayList<>();
        StudentState state = learner.state();
        for (Skill skill : Skill.values()) {
            SkillState s = state.skill(skill);
            if (s.opportunities() > 0) {
                queries.add(history.skill(tx, courseId, userId, skill.name(), s.known(), s.opportunities(),
                        s.lastPractised(), s.streak(), s.reviewsPassed(), at));
            }
        }
        for (Map.Entry<Misconception, Double> belief : state.beliefs().entrySet()) {
            List<PlannedAnswer> seen = learner.answers().stream()
                    .filter(a -> a.grade().misconceptions().stream().anyMatch(d -> d.code() == belief.getKey())).toList();
            queries.add(history.belief(tx, courseId, userId, belief.getKey().name(), belief.getValue(),
                    learner.beliefUpdates().getOrDefault(belief.getKey(), 0),
                    seen.isEmpty() ? null : seen.getLast().submittedAt(), at));
        }
        return queries;
    }

    private void writeNotes(DSLContext tx, long courseId, long instructor, Map<String, Long> learners,
            Map<String, List<Long>> attempts) {
        notes.insert(tx, learners.get("ben"), courseId, new NoteStore.Texts("misconception:OUTER_AT_X",
                "Why is the outer derivative read at x^2 and not at x? I keep writing 2x cos(x) for sin(x^2).",
                "Four of my answers were marked OUTER_AT_X. My answer and the right one agree at x = 0 and nowhere else.",
                "A picture of where the outer function is evaluated when x moves.",
                "Try the linked-graphs demo at x = 1.5 and watch where u lands.", "shared"));
        notes.insert(tx, learners.get("chen"), courseId, new NoteStore.Texts("attempt:" + attempts.get("chen").getFirst(),
                "I wrote only the outer derivative. How do I know when I have multiplied by everything inside?",
                "The checker said MISSING_INNER on three items; the fourth time I remembered the inner factor.",
                "A check I can run on my own answer before I submit it.", null, "shared"));
        notes.insert(tx, learners.get("ana"), courseId, new NoteStore.Texts("equation:chain-rule/leibniz",
                "Is dy/dx = dy/du * du/dx the same rule as f'(g(x)) g'(x), or only a way to remember it?",
                null, "Seeing both forms give the same derivative on one example.", "Work the sine-of-a-square example both ways.",
                "private"));
        notes.insert(tx, instructor, courseId, new NoteStore.Texts("claim:chain-rule/outer-at-inner",
                "Ben and Chen both struggle here: is one worked example enough, or do they need the demo first?",
                "OUTER_AT_X and MISSING_INNER are the two held misconceptions in this course.", null,
                "Open the demo in Thursday's class.", "private"));
    }

    private static PracticeHistory.Graded graded(PlannedLearner learner, PlannedAnswer answer) {
        ItemGrade grade = answer.grade();
        UUID submission = UUID.nameUUIDFromBytes((CONTEXT_ID + "/" + learner.script().subject() + "/"
                + answer.submittedAt()).getBytes(StandardCharsets.UTF_8));
        List<PracticeHistory.Diagnosed> diagnosed = grade.misconceptions().stream()
                .map(d -> new PracticeHistory.Diagnosed(d.code().name(), d.layer(), d.explanation())).toList();
        return new PracticeHistory.Graded(submission, answer.typed(), grade.interpretedAs().orElseThrow().text(),
                grade.interpretedAs().orElseThrow().latex(), grade.verdict().wireName(),
                diagnosed, answer.submittedAt().minus(Duration.ofSeconds(70)), answer.submittedAt(),
                grade.time().toNanos() / 1e6);
    }

    record PlannedAnswer(int set, Item item, String typed, ItemGrade grade, Instant submittedAt) {
    }

    record PlannedLearner(LearnerScript script, List<PlannedAnswer> answers, StudentState state,
            Map<Misconception, Integer> beliefUpdates) {
    }

    /**
     * Every learner's answers, graded by the practice engine's item grader, and the student model after
     * them, taken in exactly as the practice service takes in a submission: a function of the engine and {@code now}.
     */
    List<PlannedLearner> plan(PracticeEngine.Parts parts, Instant now) {
        List<PracticeSetDefinition> sets = practiceSetDefinitions();
        List<LearnerScript> scripts = LearnerScript.demo();
        List<PlannedLearner> planned = new ArrayList<>();
        for (int l = 0; l < scripts.size(); l++) {
            LearnerScript script = scripts.get(l);
            // Each learner practised on an afternoon of the last week, an answer every two and a half minutes.
            Instant start = now.minus(Duration.ofDays(6 - l)).minus(Duration.ofHours(2));
            Set<String> seen = new HashSet<>();
            StudentState state = parts.model().start();
            List<PlannedAnswer> answers = new ArrayList<>();
            Map<Misconception, Integer> beliefUpdates = new java.util.EnumMap<>(Misconception.class);
            for (int i = 0; i < script.steps().size(); i++) {
                LearnerScript.Step step = script.steps().get(i);
                List<String> families = sets.get(step.set()).families();
                String family = families.get((l + i) % families.size());
                Item item = itemFor(parts.pool(), family, l + i, step.wrongBy(), seen);
                seen.add(item.variantKey());
                String typed = step.wrongBy().map(code -> distractor(item, code).answer().text())
                        .orElse(item.canonicalAnswer().text());
                ItemGrade grade = parts.items().grade(item, Map.of("answer", typed));
                answers.add(new PlannedAnswer(step.set(), item, typed, grade, start.plus(Duration.ofSeconds(150L * i))));
                Set<Misconception> diagnosed = new HashSet<>();
                grade.misconceptions().forEach(d -> diagnosed.add(d.code()));
                StudentState before = state;
                state = parts.model().update(state, new Attempt(ItemCandidate.of(item), grade.correct(), diagnosed));
                // As the practice service counts it: every answer that moved a belief or diagnosed its code.
                for (Misconception code : Misconception.values()) {
                    if (diagnosed.contains(code) || before.belief(code) != state.belief(code)) {
                        beliefUpdates.merge(code, 1, Integer::sum);
                    }
                }
            }
            planned.add(new PlannedLearner(script, answers, state, beliefUpdates));
        }
        return planned;
    }

    /**
     * A pooled variant of the family, from the {@code start}-th on, that is new to the learner and, for a
     * wrong answer, has a distractor of the code: the items practice serves, so a note can draw them again.
     */
    private static Item itemFor(VariantPool pool, String family, int start, Optional<Misconception> wrongBy,
            Set<String> seen) {
        List<Item> variants = pool.variants(family);
        for (int k = 0; k < variants.size(); k++) {
            Item item = variants.get((start + k) % variants.size());
            boolean fits = wrongBy.map(code -> item.distractors().stream().anyMatch(d -> d.code() == code)).orElse(true);
            if (fits && !seen.contains(item.variantKey())) {
                return item;
            }
        }
        throw new IllegalStateException("no pooled item of " + family + " is new to the learner with a distractor " + wrongBy);
    }

    private static Distractor distractor(Item item, Misconception code) {
        return item.distractors().stream().filter(d -> d.code() == code).findFirst().orElseThrow();
    }

}
