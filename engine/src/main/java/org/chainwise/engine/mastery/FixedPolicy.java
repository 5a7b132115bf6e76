package org.chainwise.engine.mastery;

import java.util.List;
import java.util.Map;

/**
 * The baseline of a fixed exercise sheet: the first {@code perSkill} items of every skill in
 * {@link PracticeOrder}, the same for every student, done when all were served.
 */
public final class FixedPolicy implements Policy {

    private final int perSkill;
    private final PracticeOrder order = new PracticeOrder();

    public FixedPolicy(int perSkill) {
        if (perSkill < 1) {
            throw new IllegalArgumentException("at least one item per skill, got " + perSkill);
        }
        this.perSkill = perSkill;
    }

    @Override
    public Selection next(StudentState state, List<Candidate> practiceSet) {
        if (practiceSet.isEmpty()) {
            return new Selection.NothingToServe("the practice set is empty");
        }
        for (Map.Entry<Skill, List<Candidate>> skill : order.of(practiceSet).entrySet()) {
            List<Candidate> items = skill.getValue();
            for (Candidate item : items.subList(0, Math.min(perSkill, items.size()))) {
                if (!state.seen().contains(item.variantKey())) {
                    return new Selection.Serve(item, Selection.Purpose.LEARN);
                }
            }
        }
        return new Selection.Complete();
    }

    /** A skill counts as mastered once its block of the sheet was worked through. */
    @Override
    public boolean declaresMastered(StudentState state, Skill skill) {
        return state.skill(skill).opportunities() >= perSkill;
    }
}
