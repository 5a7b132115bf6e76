package org.chainwise.api.service.demo;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.COURSE;

import io.micronaut.context.BeanProvider;
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
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.NoteStore;
import org.chainwise.api.store.People;
import org.chainwise.api.store.PracticeHistory;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.check.Grade;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.SkillState;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

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

    /** Any constant shared by every node: it serialises seeding when several start at once. */
    private static final long SEED_LOCK = 0x43_57_44_45_4D_4FL;
    private static final int SEED_TRIES = 40;

    private final DSLContext dsl;
    private final People people;
    private final PracticeSets practiceSets;
    private final PracticeHistory history;
    private final NoteStore notes;
    private final BeanProvider<ItemBank> bank;
    private final Clock clock;
    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT);

    DemoCourse(DSLContext dsl, People people, PracticeSets practiceSets, PracticeHistory history, NoteStore notes,
            BeanProvider<ItemBank> bank) {
        this.dsl = dsl;
        this.people = people;
        this.practiceSets = practiceSets;
        this.history = history;
        this.notes = notes;
        this.bank = bank;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Drawing and grading is pure and the slow part: done before the transaction opens.
        List<PlannedLearner> plan = plan(bank.get(), now);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.select(org.jooq.impl.DSL.field("pg_advisory_xact_lock({0})", Object.class, SEED_LOCK)).fetch();
            long deployment = people.localDeployment(tx);
            Optional<Long> existing = tx.select(COURSE.ID).from(COURSE)
                    .where(COURSE.DEPLOYMENT_ID.eq(deployment), COURSE.LTI_CONTEXT_ID.eq(CONTEXT_ID))
                    .fetchOptional(COURSE.ID);
            if (existing.isPresent()) {
                return read(tx, existing.get());
            }
            return write(tx, deployment, plan, now);
        });
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
                .where(APP_USER.PLATFORM_ID.eq(platform), APP_USER.SUBJECT.eq(INSTRUCTOR)).fetchSingle().value1();
        List<Long> sets = practiceSets.inCourse(tx, courseId).stream().map(StoredPracticeSet::id).toList();
        return new Seeded(courseId, instructor, learners, sets, false);
    }

    private Seeded write(DSLContext tx, long deployment, List<PlannedLearner> plan, Instant now) {
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
            attempts.put(learner.script().subject(), writeHistory(tx, courseId, userId, sets, learner, now));
        }
        writeNotes(tx, courseId, instructor, learners, attempts);
        return new Seeded(courseId, instructor, learners, sets, true);
    }

    private List<Long> writeHistory(DSLContext tx, long courseId, long userId, List<Long> sets, PlannedLearner learner,
            Instant now) {
        List<Long> attemptIds = new ArrayList<>();
        int[] attempted = new int[sets.size()];
        int[] correct = new int[sets.size()];
        Instant[] started = new Instant[sets.size()];
        for (PlannedAnswer answer : learner.answers()) {
            Item item = answer.item();
            boolean right = answer.grade().verdict() == Verdict.CORRECT;
            long itemId = history.served(tx, new PracticeHistory.Served(courseId, userId, sets.get(answer.set()),
                    item.family(), parametersJson(item.parameters()), item.seed(), item.variantKey(),
                    answer.submittedAt().minus(Duration.ofSeconds(90)), answer.submittedAt(), right));
            attemptIds.add(history.attempt(tx, courseId, userId, itemId, graded(learner, answer)));
            attempted[answer.set()]++;
            correct[answer.set()] += right ? 1 : 0;
            if (started[answer.set()] == null) {
                started[answer.set()] = answer.submittedAt().minus(Duration.ofSeconds(90));
            }
        }
        for (int s = 0; s < sets.size(); s++) {
            if (started[s] != null) {
                history.enrollment(tx, courseId, userId, sets.get(s), started[s], attempted[s], correct[s]);
            }
        }
        if (!learner.answers().isEmpty()) {
            writeModel(tx, courseId, userId, learner, learner.answers().getLast().submittedAt());
        }
        return attemptIds;
    }

    private void writeModel(DSLContext tx, long courseId, long userId, PlannedLearner learner, Instant at) {
        StudentState state = learner.state();
        for (Skill skill : Skill.values()) {
            SkillState s = state.skill(skill);
            if (s.opportunities() > 0) {
                history.skill(tx, courseId, userId, skill.name(), s.known(), s.opportunities(), s.lastPractised(),
                        s.streak(), s.reviewsPassed(), at);
            }
        }
        for (Map.Entry<Misconception, Double> belief : state.beliefs().entrySet()) {
            List<PlannedAnswer> seen = learner.answers().stream()
                    .filter(a -> a.grade().misconceptions().stream().anyMatch(d -> d.code() == belief.getKey())).toList();
            history.belief(tx, courseId, userId, belief.getKey().name(), belief.getValue(), seen.size(),
                    seen.isEmpty() ? null : seen.getLast().submittedAt(), at);
        }
        history.learnerModel(tx, courseId, userId, state.attempts(), at);
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
        Grade grade = answer.grade();
        UUID submission = UUID.nameUUIDFromBytes((CONTEXT_ID + "/" + learner.script().subject() + "/"
                + answer.submittedAt()).getBytes(StandardCharsets.UTF_8));
        List<PracticeHistory.Diagnosed> diagnosed = grade.misconceptions().stream()
                .map(d -> new PracticeHistory.Diagnosed(d.code().name(), d.layer(), d.explanation())).toList();
        return new PracticeHistory.Graded(submission, answer.typed(), grade.interpretedAs().orElseThrow().text(),
                grade.interpretedAs().orElseThrow().latex(), grade.verdict().name().toLowerCase(java.util.Locale.ROOT),
                diagnosed, answer.submittedAt().minus(Duration.ofSeconds(70)), answer.submittedAt(),
                grade.time().toNanos() / 1e6);
    }

    /** The parameters as the practice service stores them: the record's components by name. */
    static String parametersJson(Parameters p) {
        return "{\"depth\": " + p.depth() + ", \"innerComplexity\": " + p.innerComplexity() + ", \"maxConstant\": "
                + p.maxConstant() + "}";
    }

    record PlannedAnswer(int set, Item item, String typed, Grade grade, Instant submittedAt) {
    }

    record PlannedLearner(LearnerScript script, List<PlannedAnswer> answers, StudentState state) {
    }

    /** Every learner's answers, graded, and the student model after them: a pure function of the bank and {@code now}. */
    List<PlannedLearner> plan(ItemBank items, Instant now) {
        Grader grader = new Grader(new Checker(new SymjaEquivalence(SymjaEquivalence.DEFAULT_LIMIT), 1024), 256);
        List<PracticeSetDefinition> sets = practiceSetDefinitions();
        List<LearnerScript> scripts = LearnerScript.demo();
        List<PlannedLearner> planned = new ArrayList<>();
        for (int l = 0; l < scripts.size(); l++) {
            LearnerScript script = scripts.get(l);
            // Each learner practised on an afternoon of the last week, an answer every two and a half minutes.
            Instant start = now.minus(Duration.ofDays(6 - l)).minus(Duration.ofHours(2));
            Set<String> seen = new HashSet<>();
            StudentState state = model.start();
            List<PlannedAnswer> answers = new ArrayList<>();
            for (int i = 0; i < script.steps().size(); i++) {
                LearnerScript.Step step = script.steps().get(i);
                List<String> families = sets.get(step.set()).families();
                String family = families.get((l + i) % families.size());
                Item item = itemFor(items, family, 1000L * l + 50L * i, step.wrongBy(), seen);
                seen.add(item.variantKey());
                String typed = step.wrongBy().map(code -> distractor(item, code).answer().text())
                        .orElse(item.canonicalAnswer().text());
                Grade grade = grader.grade(item.function().text(), item.variable(), typed);
                answers.add(new PlannedAnswer(step.set(), item, typed, grade, start.plus(Duration.ofSeconds(150L * i))));
                state = model.update(state, attemptOf(item, grade));
            }
            planned.add(new PlannedLearner(script, answers, state));
        }
        return planned;
    }

    /** The first item of the family from {@code seed} on that is new to the learner and, for a wrong answer, has a distractor of the code. */
    private static Item itemFor(ItemBank items, String family, long seed, Optional<Misconception> wrongBy, Set<String> seen) {
        Parameters parameters = items.family(family).defaults();
        long s = seed;
        for (int tries = 0; tries < SEED_TRIES; tries++) {
            Item item = items.draw(family, parameters, s);
            boolean fits = wrongBy.map(code -> item.distractors().stream().anyMatch(d -> d.code() == code)).orElse(true);
            if (fits && !seen.contains(item.variantKey())) {
                return item;
            }
            s = item.seed() + 1;
        }
        throw new IllegalStateException("no item of " + family + " near seed " + seed + " has a distractor " + wrongBy);
    }

    private static Distractor distractor(Item item, Misconception code) {
        return item.distractors().stream().filter(d -> d.code() == code).findFirst().orElseThrow();
    }

    /** The answer as the student model takes it in: right, or wrong with the codes the engine diagnosed. */
    private static Attempt attemptOf(Item item, Grade grade) {
        Candidate candidate = new Candidate(item.variantKey(), item.family(), Set.copyOf(item.skills()), Set.of(), 0.5);
        if (grade.verdict() == Verdict.CORRECT) {
            return Attempt.right(candidate);
        }
        return Attempt.wrong(candidate, grade.misconceptions().stream().map(Diagnosis::code).toArray(Misconception[]::new));
    }
}
