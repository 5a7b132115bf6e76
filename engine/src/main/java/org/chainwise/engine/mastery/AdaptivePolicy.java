package org.chainwise.engine.mastery;

import java.util.List;
import java.util.Objects;
import org.chainwise.engine.diagnose.Misconception;

/**
 * Chooses by expected learning value under the {@link StudentModel}: first a remediation item for a
 * misconception believed held, then a spaced review of a mastered skill that is due, else practice of
 * an unmastered skill whose prerequisites are mastered. Among eligible items it prefers the largest
 * expected gain in knowledge and a predicted success near {@link #TARGET_SUCCESS}; remaining ties are
 * broken by a hash of the seed, so the choice is deterministic given the seed. The goal is every skill
 * the practice set exercises.
 */
public final class AdaptivePolicy implements Policy {

    /** Items the student answers right about this often teach best without discouraging. */
    public static final double TARGET_SUCCESS = 0.7;

    // How much a step of predicted success away from the target costs against a unit of expected gain.
    // Small, so that the expected learning decides and the target breaks near-ties: at 0.5 the target
    // outweighed the learning and held items near 0.7 even where a harder item teaches more (MASTERY.md).
    private static final double DISTANCE_WEIGHT = 0.1;
    private static final int[] PREREQUISITES = prerequisiteMasks();

    private final StudentModel model;
    private final long seed;
    // The last practice set's index: the api asks about the same set at every step of a student.
    private volatile PracticeIndex index;

    public AdaptivePolicy(StudentModel model, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.seed = seed;
    }

    @Override
    public Selection next(StudentState state, List<Candidate> practiceSet) {
        if (practiceSet.isEmpty()) {
            return new Selection.NothingToServe("the practice set is empty");
        }
        PracticeIndex items = index(practiceSet);
        int goal = 0;
        for (int mask : items.skills()) {
            goal |= mask;
        }
        Skill[] skills = Skill.values();
        double[] known = new double[skills.length];
        double[] toGo = new double[skills.length];
        LogisticTracker.Skills performance = model.performance(state);
        int mastered = 0;
        for (Skill skill : skills) {
            known[skill.ordinal()] = state.skill(skill).known();
            toGo[skill.ordinal()] = model.parameters().skill(skill).learn() * (1 - known[skill.ordinal()]);
            if ((goal & bit(skill)) != 0 && model.mastered(state, skill, performance)) {
                mastered |= bit(skill);
            }
        }
        int unmastered = goal & ~mastered;
        if (unmastered == 0) {
            return new Selection.Complete();
        }
        Scan scan = new Scan(state, items, known, toGo, performance, seed);
        for (Misconception code : model.held(state)) {
            int remedy = scan.best(0, -1, 1 << code.ordinal(), 0);
            if (remedy >= 0) {
                return new Selection.Serve(items.items().get(remedy), Selection.Purpose.REMEDIATE);
            }
        }
        Skill due = mostOverdue(state, mastered);
        if (due != null) {
            int review = scan.best(bit(due), mastered, 0, 0);
            if (review >= 0) {
                return new Selection.Serve(items.items().get(review), Selection.Purpose.REVIEW);
            }
        }
        int frontier = 0;
        for (Skill skill : skills) {
            int needed = PREREQUISITES[skill.ordinal()] & goal;
            if ((unmastered & bit(skill)) != 0 && (needed & ~mastered) == 0) {
                frontier |= bit(skill);
            }
        }
        int practice = scan.best(frontier, mastered | frontier, 0, frontier);
        if (practice < 0) {
            // Only items that also need a skill whose prerequisites are not mastered are left.
            practice = scan.best(unmastered, -1, 0, unmastered);
        }
        return practice < 0
                ? new Selection.NothingToServe("every variant that exercises an unmastered skill was served")
                : new Selection.Serve(items.items().get(practice), Selection.Purpose.LEARN);
    }

    @Override
    public boolean declaresMastered(StudentState state, Skill skill) {
        return model.mastered(state, skill);
    }

    private PracticeIndex index(List<Candidate> practiceSet) {
        PracticeIndex current = index;
        if (current == null || current.items() != practiceSet) {
            current = PracticeIndex.of(practiceSet, model);
            index = current;
        }
        return current;
    }

    /** The mastered skill longest past its review gap, or null when none is due. */
    private static Skill mostOverdue(StudentState state, int mastered) {
        Skill due = null;
        int mostOverdue = -1;
        for (Skill skill : Skill.values()) {
            SkillState s = state.skill(skill);
            int overdue = state.attempts() - s.lastPractised();
            if ((mastered & bit(skill)) != 0 && s.reviewDue(state.attempts()) && overdue > mostOverdue) {
                mostOverdue = overdue;
                due = skill;
            }
        }
        return due;
    }

    /** One selection's view of a student over a practice set: what {@link #best} scans. */
    private record Scan(StudentState state, PracticeIndex items, double[] known, double[] toGo,
            LogisticTracker.Skills performance, long seed) {

        /**
         * The unseen item with the highest value among those that exercise a skill of {@code touching}
         * (any item when 0), need no skill outside {@code within} (-1 for all skills), and remediate a
         * code of {@code remediating} (any item when 0); -1 when there is none. The value is the expected
         * progress of the {@code learning} skills it exercises, blended as the predictions are (knowledge
         * tracing: the learning rate times the probability the skill is still unknown; logistic: the
         * expected rise of the mastery probability from the student's gains for a right and a wrong
         * answer), less the distance of its predicted success from the target.
         */
        int best(int touching, int within, int remediating, int learning) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            int[] skills = items.skills();
            for (int i = 0; i < skills.length; i++) {
                int mask = skills[i];
                if ((touching != 0 && (mask & touching) == 0) || (mask & ~within) != 0
                        || (remediating != 0 && (items.remediates()[i] & remediating) == 0)) {
                    continue;
                }
                Candidate item = items.items().get(i);
                double tracing = items.predictTracing(i, known);
                double logistic = items.predictLogistic(i, performance);
                double w = items.tracingWeight();
                double gain = 0;
                for (int bits = mask & learning; bits != 0; bits &= bits - 1) {
                    int k = Integer.numberOfTrailingZeros(bits);
                    gain += w * toGo[k] + (1 - w) * performance.expectedProgress(k, logistic);
                }
                double predicted = w * tracing + (1 - w) * logistic;
                double value = gain - DISTANCE_WEIGHT * Math.abs(predicted - TARGET_SUCCESS)
                        + 1e-9 * tieBreak(state.attempts(), item.variantKey());
                // The seen check costs a hash lookup: only for an item that would win.
                if (value > bestValue && !state.seen().contains(item.variantKey())) {
                    bestValue = value;
                    best = i;
                }
            }
            return best;
        }

        private double tieBreak(int attempt, String variantKey) {
            long z = seed ^ (variantKey.hashCode() * 0x9E3779B97F4A7C15L) ^ ((long) attempt << 32);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
        }
    }

    private static int bit(Skill skill) {
        return 1 << skill.ordinal();
    }

    private static int[] prerequisiteMasks() {
        int[] masks = new int[Skill.values().length];
        for (Skill skill : Skill.values()) {
            masks[skill.ordinal()] = PracticeIndex.mask(Prerequisites.of(skill));
        }
        return masks;
    }
}
