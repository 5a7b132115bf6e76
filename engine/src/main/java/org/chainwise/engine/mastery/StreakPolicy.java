package org.chainwise.engine.mastery;

import java.util.List;
import java.util.Map;

/**
 * The common practice-system rule: work on the first skill (prerequisite order) without a run of
 * {@code streak} right answers, serving its items in {@link PracticeOrder}; done when every skill has one.
 */
public final class StreakPolicy implements Policy {

    private final int streak;
    private final PracticeOrder order = new PracticeOrder();

    public StreakPolicy(int streak) {
        if (streak < 1) {
            throw new IllegalArgumentException("a streak is at least one answer, got " + streak);
        }
        this.streak = streak;
    }

    @Override
    public Selection next(StudentState state, List<Candidate> practiceSet) {
        if (practiceSet.isEmpty()) {
            return new Selection.NothingToServe("the practice set is empty");
        }
        for (Map.Entry<Skill, List<Candidate>> skill : order.of(practiceSet).entrySet()) {
            if (declaresMastered(state, skill.getKey())) {
                continue;
            }
            for (Candidate item : skill.getValue()) {
                if (!state.seen().contains(item.variantKey())) {
                    return new Selection.Serve(item, Selection.Purpose.LEARN);
                }
            }
            return new Selection.NothingToServe("every variant of " + skill.getKey() + " was served without a streak of "
                    + streak);
        }
        return new Selection.Complete();
    }

    @Override
    public boolean declaresMastered(StudentState state, Skill skill) {
        return state.skill(skill).streak() >= streak;
    }
}
