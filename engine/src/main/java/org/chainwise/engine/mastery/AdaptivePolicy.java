package org.chainwise.engine.mastery;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
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
    private static final double DISTANCE_WEIGHT = 0.5;

    private final StudentModel model;
    private final long seed;

    public AdaptivePolicy(StudentModel model, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.seed = seed;
    }

    @Override
    public Selection next(StudentState state, List<Candidate> practiceSet) {
        if (practiceSet.isEmpty()) {
            return new Selection.NothingToServe("the practice set is empty");
        }
        Set<Skill> goal = EnumSet.noneOf(Skill.class);
        practiceSet.forEach(item -> goal.addAll(item.skills()));
        Set<Skill> mastered = EnumSet.noneOf(Skill.class);
        for (Skill skill : goal) {
            if (model.mastered(state, skill)) {
                mastered.add(skill);
            }
        }
        Set<Skill> unmastered = EnumSet.copyOf(goal);
        unmastered.removeAll(mastered);
        if (unmastered.isEmpty()) {
            return new Selection.Complete();
        }
        for (Misconception code : model.held(state)) {
            Candidate remedy = best(state, practiceSet, item -> item.remediates().contains(code), Set.of());
            if (remedy != null) {
                return new Selection.Serve(remedy, Selection.Purpose.REMEDIATE);
            }
        }
        Skill due = mostOverdue(state, mastered);
        if (due != null) {
            Candidate review = best(state, practiceSet,
                    item -> item.skills().contains(due) && mastered.containsAll(item.skills()), Set.of());
            if (review != null) {
                return new Selection.Serve(review, Selection.Purpose.REVIEW);
            }
        }
        Set<Skill> frontier = EnumSet.noneOf(Skill.class);
        for (Skill skill : unmastered) {
            if (Prerequisites.of(skill).stream().allMatch(pre -> mastered.contains(pre) || !goal.contains(pre))) {
                frontier.add(skill);
            }
        }
        Set<Skill> ready = EnumSet.copyOf(mastered);
        ready.addAll(frontier);
        Candidate practice = best(state, practiceSet, item -> overlaps(item.skills(), frontier)
                && ready.containsAll(item.skills()), frontier);
        if (practice == null) {
            // Only items that also need a skill whose prerequisites are not mastered are left.
            practice = best(state, practiceSet, item -> overlaps(item.skills(), unmastered), unmastered);
        }
        return practice == null
                ? new Selection.NothingToServe("every variant that exercises an unmastered skill was served")
                : new Selection.Serve(practice, Selection.Purpose.LEARN);
    }

    @Override
    public boolean declaresMastered(StudentState state, Skill skill) {
        return model.mastered(state, skill);
    }

    /** The mastered skill longest past its review gap, or null when none is due. */
    private static Skill mostOverdue(StudentState state, Set<Skill> mastered) {
        Skill due = null;
        int mostOverdue = -1;
        for (Skill skill : mastered) {
            SkillState s = state.skill(skill);
            int overdue = state.attempts() - s.lastPractised();
            if (s.reviewDue(state.attempts()) && overdue > mostOverdue) {
                mostOverdue = overdue;
                due = skill;
            }
        }
        return due;
    }

    /**
     * The unseen eligible item with the highest value: the expected gain in knowledge of the
     * {@code learning} skills it exercises (for knowledge tracing, learn times the probability the
     * skill is still unknown) less the distance of its predicted success from the target.
     */
    private Candidate best(StudentState state, List<Candidate> practiceSet,
            Predicate<Candidate> eligible, Set<Skill> learning) {
        Candidate best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Candidate item : practiceSet) {
            if (!eligible.test(item) || state.seen().contains(item.variantKey())) {
                continue;
            }
            double gain = 0;
            for (Skill skill : item.skills()) {
                if (learning.contains(skill)) {
                    gain += model.parameters().skill(skill).learn() * (1 - state.skill(skill).known());
                }
            }
            double value = gain - DISTANCE_WEIGHT * Math.abs(model.predict(state, item) - TARGET_SUCCESS)
                    + 1e-9 * tieBreak(state.attempts(), item.variantKey());
            if (value > bestValue) {
                bestValue = value;
                best = item;
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

    private static boolean overlaps(Set<Skill> a, Set<Skill> b) {
        for (Skill skill : a) {
            if (b.contains(skill)) {
                return true;
            }
        }
        return false;
    }
}
