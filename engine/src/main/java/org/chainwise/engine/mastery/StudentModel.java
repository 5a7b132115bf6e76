package org.chainwise.engine.mastery;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.chainwise.engine.diagnose.Misconception;

/**
 * Bayesian knowledge tracing per skill, a logistic performance tracker with the student's own ability
 * and pace ({@link LogisticParameters}), and a belief per misconception code, as pure functions from a
 * state and an attempt to the next state. In knowledge tracing an item that needs several skills is
 * answered right when all are known (the skills are treated as independent), so each skill gets its
 * exact posterior under that conjunction. Predictions and mastery average the two trackers with the
 * weight calibration found for knowledge tracing ({@link ModelParameters#tracingWeight}): where learning is a
 * switch, knowledge tracing fits and decides; where it is gradual, the logistic tracker does, and
 * knowledge tracing alone would declare mastery too early. A skill is mastered when the averaged
 * probability reaches {@link #MASTERY}.
 */
public final class StudentModel {

    /** A skill is mastered when its mastery probability is at least this. */
    public static final double MASTERY = 0.95;

    /** A misconception is treated as held, and remediated, from this belief on. */
    public static final double HELD = 0.5;

    private final ModelParameters parameters;
    private final LogisticTracker tracker;

    public StudentModel(ModelParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.tracker = new LogisticTracker(parameters.logistic());
    }

    /** The model's parameters. */
    public ModelParameters parameters() {
        return parameters;
    }

    /** A student with no history: every skill at its prior, no misconception suspected. */
    public StudentState start() {
        Map<Skill, SkillState> skills = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            skills.put(skill, SkillState.unpractised(parameters.skill(skill).prior()));
        }
        return new StudentState(skills, Map.of(), Set.of(), 0);
    }

    /** The probability that the student answers {@code item} right now: the blend of both trackers' predictions. */
    public double predict(StudentState state, Candidate item) {
        double w = parameters.tracingWeight();
        return w * predictTracing(state, item) + (1 - w) * tracker.predict(tracker.skills(state.ability()), item);
    }

    /** The logistic tracker's view of {@code state}, computed once for many predictions. */
    LogisticTracker.Skills performance(StudentState state) {
        return tracker.skills(state.ability());
    }

    LogisticTracker tracker() {
        return tracker;
    }

    /** Knowledge tracing's probability that the student answers {@code item} right now. */
    public double predictTracing(StudentState state, Candidate item) {
        double allKnown = 1;
        for (Skill skill : item.skills()) {
            allKnown *= state.skill(skill).known();
        }
        // Selection calls this for every candidate, so the common case allocates nothing.
        GuessSlip family = parameters.families().get(item.family());
        return family != null ? family.correct(allKnown)
                : allKnown * (1 - defaultSlip(item)) + (1 - allKnown) * defaultGuess(item);
    }

    /** The guess and slip rates of an item: its family's where fitted, else its skills' shifted by difficulty. */
    public GuessSlip emission(Candidate item) {
        GuessSlip family = parameters.families().get(item.family());
        if (family != null) {
            return family;
        }
        return new GuessSlip(defaultGuess(item), defaultSlip(item));
    }

    // Without family rates: the mean of the item's skills' rates, shifted by difficulty. Difficulty 0.5
    // leaves them as they are; harder items are guessed less and slipped more.
    private double defaultGuess(Candidate item) {
        double guess = 0;
        for (Skill skill : item.skills()) {
            guess += parameters.skill(skill).guess();
        }
        return Math.min(0.49, guess / item.skills().size() * (1.5 - item.difficulty()));
    }

    private double defaultSlip(Candidate item) {
        double slip = 0;
        for (Skill skill : item.skills()) {
            slip += parameters.skill(skill).slip();
        }
        return Math.min(0.49, slip / item.skills().size() * (0.5 + item.difficulty()));
    }

    /** The state after {@code attempt}: a pure function, {@code state} is unchanged. */
    public StudentState update(StudentState state, Attempt attempt) {
        Candidate item = attempt.item();
        int number = state.attempts() + 1;
        GuessSlip emission = emission(item);
        LogisticTracker.Skills performance = tracker.skills(state.ability());
        Map<Skill, SkillState> skills = new EnumMap<>(state.skills());
        for (Skill skill : item.skills()) {
            SkillState before = state.skill(skill);
            double othersKnown = 1;
            for (Skill other : item.skills()) {
                if (other != skill) {
                    othersKnown *= state.skill(other).known();
                }
            }
            double rightIfKnown = emission.correct(othersKnown);
            double rightIfUnknown = emission.guess();
            double likelihoodKnown = attempt.correct() ? rightIfKnown : 1 - rightIfKnown;
            double likelihoodUnknown = attempt.correct() ? rightIfUnknown : 1 - rightIfUnknown;
            double evidence = before.known() * likelihoodKnown + (1 - before.known()) * likelihoodUnknown;
            double posterior = evidence == 0 ? before.known() : before.known() * likelihoodKnown / evidence;
            BktParameters p = parameters.skill(skill);
            double next = posterior * (1 - p.forget()) + (1 - posterior) * p.learn();
            boolean review = mastered(state, skill, performance) && before.reviewDue(number - 1);
            skills.put(skill, new SkillState(next, before.opportunities() + 1, number,
                    attempt.correct() ? before.streak() + 1 : 0,
                    review ? (attempt.correct() ? before.reviewsPassed() + 1 : 0) : before.reviewsPassed()));
        }
        Map<Misconception, Double> beliefs = new EnumMap<>(Misconception.class);
        for (Misconception code : Misconception.values()) {
            double belief = state.belief(code);
            if (attempt.diagnosed().contains(code)) {
                belief += parameters.beliefRise() * (1 - belief);
            } else if (attempt.correct() && confronts(item, code)) {
                belief *= 1 - parameters.beliefDecay();
            }
            if (belief > 1e-6) {
                beliefs.put(code, belief);
            }
        }
        Set<String> seen = new HashSet<>(state.seen());
        seen.add(item.variantKey());
        return new StudentState(skills, beliefs, seen, number,
                tracker.update(state.ability(), item, attempt.correct()));
    }

    /**
     * The probability that {@code skill} is mastered, averaged over the two trackers with the weight the
     * calibration gave each (as Bayesian model averaging does): knowledge tracing's P(known), and the
     * logistic tracker's posterior probability that a typical item of the skill is answered right at
     * least four times in five. This is the per-skill p_mastery to show and persist.
     */
    public double masteryProbability(StudentState state, Skill skill) {
        return masteryProbability(state, skill, tracker.skills(state.ability()));
    }

    /**
     * {@link #masteryProbability} of every skill, from one posterior: what storing or showing a
     * whole state needs (asking skill by skill of two states in turn would compute each posterior,
     * a matrix inverse, once per skill).
     */
    public Map<Skill, Double> masteryProbabilities(StudentState state) {
        LogisticTracker.Skills performance = tracker.skills(state.ability());
        Map<Skill, Double> probabilities = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            probabilities.put(skill, masteryProbability(state, skill, performance));
        }
        return probabilities;
    }

    double masteryProbability(StudentState state, Skill skill, LogisticTracker.Skills performance) {
        double w = parameters.tracingWeight();
        return w * state.skill(skill).known() + (1 - w) * performance.masteryProbability(skill.ordinal());
    }

    /**
     * Whether {@code skill} is mastered: {@link #masteryProbability} at least {@link #MASTERY} and
     * undermined by no held misconception.
     */
    public boolean mastered(StudentState state, Skill skill) {
        return mastered(state, skill, tracker.skills(state.ability()));
    }

    boolean mastered(StudentState state, Skill skill, LogisticTracker.Skills performance) {
        if (masteryProbability(state, skill, performance) < MASTERY) {
            return false;
        }
        for (Misconception code : MisconceptionSkills.undermining(skill)) {
            if (state.belief(code) >= HELD) {
                return false;
            }
        }
        return true;
    }

    /** The misconceptions believed held, the most likely first. */
    public List<Misconception> held(StudentState state) {
        return Stream.of(Misconception.values()).filter(code -> state.belief(code) >= HELD)
                .sorted(Comparator.comparingDouble(state::belief).reversed()).toList();
    }

    /** Whether a right answer to {@code item} is clean evidence against {@code code}. */
    private static boolean confronts(Candidate item, Misconception code) {
        if (item.remediates().contains(code)) {
            return true;
        }
        for (Skill skill : MisconceptionSkills.of(code)) {
            if (item.skills().contains(skill)) {
                return true;
            }
        }
        return false;
    }
}
