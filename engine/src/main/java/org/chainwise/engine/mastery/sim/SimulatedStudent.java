package org.chainwise.engine.mastery.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;

/**
 * A simulated student whose true state the harness can read. Each generating model (knowledge tracing,
 * performance factors, Elo) says how likely a right answer is and how practice changes the student; all
 * share the same misconception layer: a held misconception halves the chance of a right answer and the
 * learning on the skill it undermines, shows in the diagnosis of most wrong answers there, and goes away
 * with a remediation item (half the time) or by itself (rarely). A skill is truly mastered when the
 * generating model says so and no misconception undermining it is held. The student is mutable: it is
 * a simulation device, not persisted state.
 */
public abstract sealed class SimulatedStudent permits BktStudent, LogisticStudent {

    /** Each misconception code is held at the start with this probability. */
    static final double MISCONCEPTION_PREVALENCE = 0.1;
    private static final double HELD_PENALTY = 0.5;
    private static final double DIAGNOSED_WHEN_HELD = 0.8;
    private static final double SPURIOUS_DIAGNOSIS = 0.15;
    private static final double CLEARED_BY_REMEDIATION = 0.5;
    private static final double CLEARED_BY_ITSELF = 0.05;

    private final Set<Misconception> held = EnumSet.noneOf(Misconception.class);

    SimulatedStudent(SplittableRandom random) {
        for (Misconception code : Misconception.values()) {
            if (!MisconceptionSkills.of(code).isEmpty() && random.nextDouble() < MISCONCEPTION_PREVALENCE) {
                held.add(code);
            }
        }
    }

    /** The generating model's probability of a right answer, before the misconception layer. */
    abstract double modelProbability(Candidate item);

    /** The generating model's own prediction of the next answer from the history it has seen. */
    abstract double oracle(Candidate item);

    /** The generating model's learning from one attempt, with {@code gain} scaling it per skill. */
    abstract void learn(Candidate item, boolean right, double[] gain, SplittableRandom random);

    /** One step of time passing: forgetting. */
    abstract void forget(SplittableRandom random);

    /** Whether the generating model counts {@code skill} as mastered. */
    abstract boolean modelMasters(Skill skill);

    /** The true probability of a right answer to {@code item} now. */
    public final double probabilityCorrect(Candidate item) {
        return modelProbability(item) * (undermined(item) ? HELD_PENALTY : 1);
    }

    /** Whether {@code skill} is truly mastered now. */
    public final boolean masters(Skill skill) {
        return modelMasters(skill) && !undermines(skill);
    }

    /** The misconceptions held now. */
    public final Set<Misconception> held() {
        return Set.copyOf(held);
    }

    /** Answers {@code item}, learns from it, and lets one step of time pass. */
    public final Attempt answer(Candidate item, SplittableRandom random) {
        boolean right = random.nextDouble() < probabilityCorrect(item);
        Set<Misconception> diagnosed = right ? Set.of() : diagnose(item, random);
        double[] gain = new double[Skill.values().length];
        for (Skill skill : item.skills()) {
            gain[skill.ordinal()] = undermines(skill) ? HELD_PENALTY : 1;
        }
        Attempt attempt = new Attempt(item, right, diagnosed);
        learn(item, right, gain, random);
        held.removeIf(code -> item.remediates().contains(code) ? random.nextDouble() < CLEARED_BY_REMEDIATION
                : overlaps(item, code) && random.nextDouble() < CLEARED_BY_ITSELF);
        forget(random);
        return attempt;
    }

    private Set<Misconception> diagnose(Candidate item, SplittableRandom random) {
        for (Misconception code : held) {
            if (overlaps(item, code)) {
                return random.nextDouble() < DIAGNOSED_WHEN_HELD ? Set.of(code) : Set.of();
            }
        }
        if (random.nextDouble() < SPURIOUS_DIAGNOSIS) {
            List<Misconception> possible = new ArrayList<>();
            for (Misconception code : Misconception.values()) {
                if (overlaps(item, code)) {
                    possible.add(code);
                }
            }
            if (!possible.isEmpty()) {
                return Set.of(possible.get(random.nextInt(possible.size())));
            }
        }
        return Set.of();
    }

    private boolean undermined(Candidate item) {
        for (Misconception code : held) {
            if (overlaps(item, code)) {
                return true;
            }
        }
        return false;
    }

    private boolean undermines(Skill skill) {
        for (Misconception code : held) {
            if (MisconceptionSkills.of(code).contains(skill)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Candidate item, Misconception code) {
        for (Skill skill : MisconceptionSkills.of(code)) {
            if (item.skills().contains(skill)) {
                return true;
            }
        }
        return false;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
