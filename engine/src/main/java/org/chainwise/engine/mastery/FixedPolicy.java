package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline of a fixed exercise sheet, the same for every student: a block of the first
 * {@code perSkill} items of every skill in {@link PracticeOrder}, then {@code reviewPerSkill} rounds of
 * mixed review that take the next item of every skill in turn (as a textbook's cumulative review does);
 * done when all were served.
 */
public final class FixedPolicy implements Policy {

    private final int perSkill;
    private final int reviewPerSkill;
    private final PracticeOrder order = new PracticeOrder();
    private List<Candidate> lastSet;
    private List<Candidate> lastSheet;

    /** A sheet of blocks only. */
    public FixedPolicy(int perSkill) {
        this(perSkill, 0);
    }

    public FixedPolicy(int perSkill, int reviewPerSkill) {
        if (perSkill < 1 || reviewPerSkill < 0) {
            throw new IllegalArgumentException("at least one item per skill and no negative review, got " + perSkill
                    + " and " + reviewPerSkill);
        }
        this.perSkill = perSkill;
        this.reviewPerSkill = reviewPerSkill;
    }

    @Override
    public Selection next(StudentState state, List<Candidate> practiceSet) {
        if (practiceSet.isEmpty()) {
            return new Selection.NothingToServe("the practice set is empty");
        }
        for (Candidate item : sheet(practiceSet)) {
            if (!state.seen().contains(item.variantKey())) {
                return new Selection.Serve(item, Selection.Purpose.LEARN);
            }
        }
        return new Selection.Complete();
    }

    /** A skill counts as mastered once its items of the sheet, block and review, were worked through. */
    @Override
    public boolean declaresMastered(StudentState state, Skill skill) {
        return state.skill(skill).opportunities() >= perSkill + reviewPerSkill;
    }

    private synchronized List<Candidate> sheet(List<Candidate> practiceSet) {
        if (practiceSet != lastSet) {
            Map<Skill, List<Candidate>> bySkill = order.of(practiceSet);
            List<Candidate> sheet = new ArrayList<>();
            bySkill.values().forEach(items -> sheet.addAll(items.subList(0, Math.min(perSkill, items.size()))));
            for (int round = 0; round < reviewPerSkill; round++) {
                for (List<Candidate> items : bySkill.values()) {
                    if (perSkill + round < items.size()) {
                        sheet.add(items.get(perSkill + round));
                    }
                }
            }
            lastSheet = List.copyOf(sheet);
            lastSet = practiceSet;
        }
        return lastSheet;
    }
}
