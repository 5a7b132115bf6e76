package org.chainwise.api.service;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.store.AnswerReads;
import org.chainwise.api.store.AnswerWrites;
import org.chainwise.api.store.Attempts;
import org.chainwise.api.store.Enrollment;
import org.chainwise.api.store.Enrollments;
import org.chainwise.api.store.KnownStates;
import org.chainwise.api.store.NewAttempt;
import org.chainwise.api.store.NextReads;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.ServedItem;
import org.chainwise.api.store.ServedItems;
import org.chainwise.api.store.StoredAttempt;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.api.store.StudentStates;
import org.chainwise.api.web.ApiException;
import org.chainwise.bank.ItemCandidate;
import org.chainwise.bank.answer.ItemGrade;
import org.chainwise.bank.answer.ItemGrader;
import org.chainwise.bank.answer.Preview;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.SolutionStep;
import org.chainwise.engine.cache.BoundedCache;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.Selection;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * A learner's practice: the next item (resumed or chosen by the mastery model), previews, graded
 * submissions, hints and worked solutions, and progress. Each operation is one transaction; a
 * submission records the attempt, its misconceptions, the student model, the item's and the run's
 * state, and tells every {@link ProgressListener}, all in the same transaction, so an acknowledged
 * answer is never half recorded. Grading runs before the transaction opens, so no connection waits
 * on the CAS. Learners reach only their own items: anything else is "not found".
 */
@Singleton
public class PracticeService {

    /** The longest answer stored (the attempt table's limit), all parts together. */
    public static final int MAX_ANSWER_LENGTH = 2_000;
    private static final int HINTS = 3;
    private static final int CACHED_ITEMS = 100_000;
    private static final int CACHED_GRADES = 20_000;
    // Batches of answers and of next items: two writers each, so that one batch runs its statements
    // while the other waits for its commit to reach the disk.
    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 64;
    // While one batch runs, the next gathers requests this long (about five more at 1,000 answers/s):
    // at 2 ms the next-item batches stayed small and fell behind when the machine was slow (README).
    private static final Duration GATHER = Duration.ofMillis(5);
    private static final long TIMEOUT_MILLIS = 30_000;

    private final DSLContext dsl;
    private final PracticeEngine engine;
    private final PracticeSets sets;
    private final ServedItems items;
    private final Attempts attempts;
    private final Enrollments enrollments;
    private final StudentStates states;
    private final NextReads nextReads;
    private final AnswerReads answerReads;
    private final AnswerWrites answerWrites;
    private final KnownStates knownStates;
    private final List<ProgressListener> listeners;
    private final SetItems.Cache setItems = new SetItems.Cache();
    private final GradeCache grades = new GradeCache(CACHED_GRADES);
    private final Batcher<PendingAnswer, Recorded> answerBatches;
    private final Batcher<PendingNext, NextItem> nextBatches;
    /**
     * Whose each item is and what it is: fixed when the item is served, so a copy here is never stale
     * (its state, which does change, is always read from the database). Spares a submit one query.
     */
    private final BoundedCache<Long, ItemState> identities = new BoundedCache<>(CACHED_ITEMS);

    PracticeService(DSLContext dsl, PracticeEngine engine, PracticeSets sets, ServedItems items, Attempts attempts,
            Enrollments enrollments, StudentStates states, NextReads nextReads, AnswerReads answerReads, AnswerWrites answerWrites,
            KnownStates knownStates, List<ProgressListener> listeners) {
        this.dsl = dsl;
        this.engine = engine;
        this.sets = sets;
        this.items = items;
        this.attempts = attempts;
        this.enrollments = enrollments;
        this.states = states;
        this.nextReads = nextReads;
        this.answerReads = answerReads;
        this.answerWrites = answerWrites;
        this.knownStates = knownStates;
        this.listeners = List.copyOf(listeners);
        this.answerBatches = new Batcher<>("answer-writer", WRITERS, MAX_BATCH, GATHER, TIMEOUT_MILLIS, PendingAnswer::learner, this::recordAll);
        this.nextBatches = new Batcher<>("next-writer", WRITERS, MAX_BATCH, GATHER, TIMEOUT_MILLIS, PendingNext::learner, this::nextAll);
    }

    @PreDestroy
    void stop() {
        answerBatches.close();
        nextBatches.close();
    }

    /** The practice sets of the actor's course. */
    public List<StoredPracticeSet> sets(Actor actor) {
        return sets.inCourse(dsl, actor.courseId());
    }

    /**
     * The learner's open item of the set, or else the one the mastery model chooses (recorded as
     * served). Runs in the next batch of "next" requests ({@link Batcher}); asking again after a
     * timeout is safe, as the item served is then the open one.
     */
    public NextItem next(Actor actor, long setId) {
        return nextBatches.run(new PendingNext(actor, setId));
    }

    /** A request for a learner's next item, waiting for its batch. */
    private record PendingNext(Actor actor, long setId) {

        /** One request per learner in a batch. */
        List<Long> learner() {
            return List.of(actor.courseId(), actor.userId());
        }
    }

    /** A chosen item waiting to be recorded with the others of its batch. */
    private record Chosen(int position, Item item, Progress progress) {
    }

    /** Chooses the next items of a batch of learners (one request each) in one transaction and records those served. */
    private List<Batcher.Result<NextItem>> nextAll(List<PendingNext> batch) {
        PracticeEngine.Parts parts = engine.parts();
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            List<NextReads.Context> reads = nextReads.read(tx, parts.model(), batch.stream()
                    .map(p -> new NextReads.Key(p.actor().courseId(), p.actor().userId(), p.setId()))
                    .toList());
            List<Batcher.Result<NextItem>> results = new ArrayList<>(Collections.nCopies(batch.size(), null));
            List<Chosen> chosen = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    switch (decide(parts, reads.get(i), batch.get(i).setId())) {
                        case Decision.Known known -> results.set(i, new Batcher.Result.Done<>(known.next()));
                        case Decision.Serve serve -> chosen.add(new Chosen(i, serve.item(), serve.progress()));
                    }
                } catch (ApiException refusal) {
                    results.set(i, new Batcher.Result.Refused<>(refusal));
                }
            }
            List<ServedItem> served = items.insert(tx, chosen.stream()
                    .map(c -> new ServedItems.NewItem(batch.get(c.position()).actor().courseId(), batch.get(c.position()).actor().userId(),
                            batch.get(c.position()).setId(), c.item()))
                    .toList());
            for (int c = 0; c < chosen.size(); c++) {
                ItemState state = new ItemState(served.get(c), chosen.get(c).item());
                identities.put(state.served().id(), state);
                results.set(chosen.get(c).position(), new Batcher.Result.Done<>(new NextItem(Optional.of(state), chosen.get(c).progress(), null)));
            }
            return results;
        });
    }

    /** What a learner's next is, from the batch's reads: known at once, or a new item to record as served. */
    private sealed interface Decision {
        /** The open item again, or no item (the set complete or spent). */
        record Known(NextItem next) implements Decision {
        }

        /** A new item, chosen by the mastery model; it is served once recorded with the batch's others. */
        record Serve(Item item, Progress progress) implements Decision {
        }
    }

    private Decision decide(PracticeEngine.Parts parts, NextReads.Context read, long setId) {
        StoredPracticeSet set = read.set().orElseThrow(() -> noSuchSet(setId));
        Enrollment counts = read.counts().orElseThrow(() -> noSuchSet(setId));
        Progress progress = Completion.progress(parts.model(), set, read.state(), counts);
        if (read.open().isPresent()) {
            return new Decision.Known(new NextItem(Optional.of(rebuild(parts, read.open().get())), progress, null));
        }
        SetItems candidates = setItems.of(set.definition(), parts);
        return switch (candidates.policy().next(read.state(), candidates.candidates())) {
            case Selection.Serve serve -> new Decision.Serve(candidates.item(serve.item().variantKey()), progress);
            case Selection.Complete complete -> new Decision.Known(new NextItem(Optional.empty(), progress,
                    "Every skill of this practice set is mastered."));
            case Selection.NothingToServe nothing -> new Decision.Known(new NextItem(Optional.empty(), progress,
                    "Nothing more to practise here: " + nothing.reason() + "."));
        };
    }

    /** The learner's item. */
    public ItemState item(Actor actor, long itemId) {
        ItemState state = rebuild(engine.parts(), owned(dsl, actor, itemId));
        identities.put(itemId, state);
        return state;
    }

    /** How {@code answer} would be read as {@code part} of an answer to the item (the first part when null); nothing is recorded. */
    public Preview preview(Actor actor, long itemId, String part, String answer) {
        ItemState state = item(actor, itemId);
        String named = part != null ? part : ItemGrader.parts(state.item()).getFirst();
        return engine.parts().items().preview(state.item(), named, answer);
    }

    /**
     * Grades and records an answer. The same {@code submissionId} again returns the first result,
     * marked duplicate, and records nothing; an answer to an item already solved, or whose solution
     * was shown, is refused (409). Grading runs on the caller's thread; recording goes into the next
     * batch of answers ({@link Batcher}), so the request returns once the transaction holding it
     * has committed.
     */
    public SubmitOutcome submit(Actor actor, long itemId, UUID submissionId, Map<String, String> answers, Instant startedAt) {
        PracticeEngine.Parts parts = engine.parts();
        ItemState target = identities.get(itemId)
                .filter(known -> known.served().courseId() == actor.courseId() && known.served().userId() == actor.userId())
                .orElseGet(() -> item(actor, itemId));
        Long setId = target.served().practiceSetId();
        if (setId == null) {
            throw noSuchSet(null);
        }
        String raw = rawAnswer(target.item(), answers);
        ItemGrade grade = grades.grade(target.item(), answers, parts.items()::grade);
        Instant now = Instant.now();
        OffsetDateTime started = startedAt == null ? null : (startedAt.isAfter(now) ? now : startedAt).atOffset(ZoneOffset.UTC);
        NewAttempt attempt = new NewAttempt(actor.courseId(), actor.userId(), itemId, submissionId, raw, grade, 0, started);
        return switch (answerBatches.run(new PendingAnswer(actor, setId, target.item(), attempt))) {
            case Recorded.Fresh fresh -> fresh.outcome();
            case Recorded.Repeated repeated ->
                    dsl.transactionResult(configuration -> repeated(configuration.dsl(), parts, actor, repeated.served(), submissionId));
        };
    }

    /** A graded answer waiting for its batch. */
    private record PendingAnswer(Actor actor, long setId, Item item, NewAttempt attempt) {

        /** One answer per learner in a batch. */
        List<Long> learner() {
            return List.of(actor.courseId(), actor.userId());
        }
    }

    /** What recording an answer did: recorded it, or found the same submission recorded already (read after the batch). */
    private sealed interface Recorded {
        record Fresh(SubmitOutcome outcome) implements Recorded {
        }

        record Repeated(ServedItem served) implements Recorded {
        }
    }

    /** An answer decided on in its batch, to be written with the others. */
    private record Decided(int position, AnswerWrites.Answer answer, Progress progress, PracticeProgress forGradeBook) {
    }

    /**
     * Records a batch of answers (one per learner) in one transaction: reads all under their
     * learners' locks, decides each (refusing the ones that cannot be taken), writes all, and tells
     * the listeners of every graded one.
     */
    private List<Batcher.Result<Recorded>> recordAll(List<PendingAnswer> batch) {
        PracticeEngine.Parts parts = engine.parts();
        List<AnswerWrites.Answer> written = new ArrayList<>();
        List<Batcher.Result<Recorded>> recorded = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            List<AnswerReads.Context> reads = answerReads.read(tx, parts.model(), batch.stream()
                    .map(p -> new AnswerReads.Key(p.actor().courseId(), p.actor().userId(), p.setId(), p.attempt().itemId(),
                            p.attempt().submissionId()))
                    .toList());
            List<Batcher.Result<Recorded>> results = new ArrayList<>(Collections.nCopies(batch.size(), null));
            List<Decided> decided = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    AnswerReads.Context read = reads.get(i);
                    ServedItem served = read.item().orElseThrow(PracticeService::unknownItem);
                    if (read.submittedFor().isPresent()) {
                        results.set(i, new Batcher.Result.Done<>(new Recorded.Repeated(served)));
                    } else {
                        decided.add(decide(parts, i, batch.get(i), served, read));
                    }
                } catch (ApiException refusal) {
                    results.set(i, new Batcher.Result.Refused<>(refusal));
                }
            }
            decided.forEach(d -> written.add(d.answer()));
            List<Long> ids = answerWrites.record(tx, parts.model(), written);
            List<PracticeProgress> graded = decided.stream().map(Decided::forGradeBook).filter(Objects::nonNull).toList();
            if (!graded.isEmpty()) {
                listeners.forEach(listener -> listener.progressed(tx, graded));
            }
            for (int d = 0; d < decided.size(); d++) {
                Decided answer = decided.get(d);
                results.set(answer.position(), new Batcher.Result.Done<>(new Recorded.Fresh(outcome(parts, ids.get(d), answer))));
            }
            return results;
        });
        // Only now that they are committed are the new states the database's.
        for (AnswerWrites.Answer answer : written) {
            if (answer.modelChanged()) {
                knownStates.remember(answer.attempt().courseId(), answer.attempt().userId(), answer.after());
            }
        }
        return recorded;
    }

    /** What one answer of a batch changes, or its refusal (409 when the item takes no more answers). */
    private static Decided decide(PracticeEngine.Parts parts, int position, PendingAnswer pending, ServedItem served,
            AnswerReads.Context read) {
        if (served.solved() || served.solutionShown()) {
            throw served.solved()
                    ? ApiException.conflict("already_solved", "This item is solved already: ask for the next one.")
                    : ApiException.conflict("solution_shown", "The solution of this item was shown: ask for the next one.");
        }
        long setId = pending.setId();
        StoredPracticeSet set = read.set().orElseThrow(() -> noSuchSet(setId));
        Enrollment counts = read.counts().orElseThrow(() -> noSuchSet(setId));
        NewAttempt answer = pending.attempt();
        ItemGrade grade = answer.grade();
        boolean graded = grade.verdict() != Verdict.INVALID;
        boolean first = graded && !served.answered();
        Set<Misconception> diagnosed = EnumSet.noneOf(Misconception.class);
        StudentState before = read.before();
        StudentState after = before;
        if (first) {
            // Only the first answer to an item is evidence for the model: later ones follow feedback.
            grade.misconceptions().forEach(d -> diagnosed.add(d.code()));
            after = parts.model().update(before, new Attempt(ItemCandidate.of(pending.item()), grade.correct(), diagnosed));
        }
        Enrollment counted = new Enrollment(counts.itemsAttempted() + (first ? 1 : 0),
                counts.itemsCorrect() + (grade.correct() ? 1 : 0), counts.completed());
        Progress progress = Completion.progress(parts.model(), set, after, counted);
        AnswerWrites.Answer write = new AnswerWrites.Answer(answer.withHintsUsed(served.hintsShown()), setId, before, after, diagnosed,
                first, new Enrollment(counted.itemsAttempted(), counted.itemsCorrect(), progress.completed()));
        PracticeProgress forGradeBook = graded
                ? Completion.forGradeBook(answer.courseId(), answer.userId(), set, progress) : null;
        return new Decided(position, write, progress, forGradeBook);
    }

    private static SubmitOutcome outcome(PracticeEngine.Parts parts, long attemptId, Decided decided) {
        ItemGrade grade = decided.answer().attempt().grade();
        Optional<InputError> error = grade.error().map(e -> e.error());
        return new SubmitOutcome(attemptId, grade.verdict(), grade.interpretedAs(), error,
                Feedback.of(parts.page(), grade.verdict(), grade.misconceptions(), error.map(InputError::message).orElse(null)),
                grade.correct(), decided.progress(), false);
    }

    /** The first result of a submission recorded already; a submission id used for another item is refused. */
    private SubmitOutcome repeated(DSLContext tx, PracticeEngine.Parts parts, Actor actor, ServedItem served, UUID submissionId) {
        StoredAttempt first = attempts.bySubmission(tx, actor.courseId(), actor.userId(), submissionId).orElseThrow();
        if (first.itemId() != served.id()) {
            throw ApiException.conflict("submission_reused",
                    "This submissionId was already used for another item: make a new one for every answer.");
        }
        Optional<InputError> error = first.errorMessage() == null ? Optional.empty()
                : Optional.of(new InputError(first.errorMessage(), first.errorPosition()));
        return new SubmitOutcome(first.id(), first.verdict(), Optional.ofNullable(first.interpretedAs()), error,
                Feedback.of(parts.page(), first.verdict(), first.misconceptions(), first.errorMessage()),
                first.verdict() == Verdict.CORRECT, progress(tx, parts, actor, served.practiceSetId()), true);
    }

    /** Reveals the next hint of the learner's item (recorded); after the third, 409. */
    public Hint hint(Actor actor, long itemId) {
        PracticeEngine.Parts parts = engine.parts();
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            ServedItem served = items.lock(tx, actor.courseId(), actor.userId(), itemId).orElseThrow(PracticeService::unknownItem);
            if (served.hintsShown() >= HINTS) {
                throw ApiException.conflict("no_more_hints", "All " + HINTS + " hints of this item are shown already;"
                        + " the worked solution is next (POST /api/v1/items/" + itemId + "/solution).");
            }
            int step = served.hintsShown() + 1;
            items.revealHint(tx, itemId, step);
            return new Hint(step, rebuild(parts, served).item().hints().inOrder().get(step - 1), HINTS - step);
        });
    }

    /** A revealed hint: its step (1 to 3), its text, and how many remain. */
    public record Hint(int step, String text, int hintsLeft) {
    }

    /** The worked solution of the learner's item, recorded as seen: after solving it, or as giving up on it (it then takes no answer). */
    public List<SolutionStep> solution(Actor actor, long itemId) {
        PracticeEngine.Parts parts = engine.parts();
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            ServedItem served = items.lock(tx, actor.courseId(), actor.userId(), itemId).orElseThrow(PracticeService::unknownItem);
            items.showSolution(tx, itemId, served.solved());
            return rebuild(parts, served).item().solution();
        });
    }

    /** The learner's progress in a set of their course. */
    public Progress progress(Actor actor, long setId) {
        PracticeEngine.Parts parts = engine.parts();
        return dsl.transactionResult(configuration -> progress(configuration.dsl(), parts, actor, setId));
    }

    private Progress progress(DSLContext tx, PracticeEngine.Parts parts, Actor actor, Long setId) {
        StoredPracticeSet set = set(tx, actor, setId);
        Enrollment counts = enrollments.find(tx, actor.courseId(), actor.userId(), setId).orElse(new Enrollment(0, 0, false));
        StudentState state = states.load(tx, parts.model(), actor.courseId(), actor.userId(), false);
        return Completion.progress(parts.model(), set, state, counts);
    }

    private StoredPracticeSet set(DSLContext tx, Actor actor, Long setId) {
        if (setId == null) {
            throw noSuchSet(null);
        }
        return sets.find(tx, actor.courseId(), setId).orElseThrow(() -> noSuchSet(setId));
    }

    private static ApiException noSuchSet(Long setId) {
        return setId == null
                ? ApiException.notFound("no_practice_set", "This item belongs to no practice set any more.")
                : ApiException.notFound("no_practice_set", "Your course has no practice set " + setId
                        + ": GET /api/v1/practice-sets lists the sets you can practise.");
    }

    private ServedItem owned(DSLContext tx, Actor actor, long itemId) {
        return items.find(tx, actor.courseId(), actor.userId(), itemId).orElseThrow(PracticeService::unknownItem);
    }

    private static ApiException unknownItem() {
        return ApiException.notFound("unknown_item", "You have no item with this id: ask for the next item of a practice set.");
    }

    private static ItemState rebuild(PracticeEngine.Parts parts, ServedItem served) {
        return new ItemState(served, parts.pool().item(served.family(), served.parameters(), served.seed()));
    }

    /** The answer as stored: the one part's text, or each part as {@code name: text} on its own line. */
    private static String rawAnswer(Item item, Map<String, String> answers) {
        List<String> parts = ItemGrader.parts(item);
        for (String name : answers.keySet()) {
            if (!parts.contains(name)) {
                throw ApiException.badRequest("unknown_part", "This item's answer has the parts " + parts + ", not \""
                        + abbreviated(name) + "\".", "answers");
            }
        }
        String raw;
        if (parts.size() == 1) {
            raw = answers.getOrDefault(parts.getFirst(), "");
        } else {
            Map<String, String> ordered = new LinkedHashMap<>();
            parts.forEach(p -> ordered.put(p, answers.getOrDefault(p, "")));
            raw = String.join("\n", ordered.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        }
        if (raw.length() > MAX_ANSWER_LENGTH) {
            throw ApiException.badRequest("answer_too_long", "An answer is at most " + MAX_ANSWER_LENGTH + " characters.", "answers");
        }
        return raw;
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
