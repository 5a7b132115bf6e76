package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of a fixed exercise sheet, the same for every student: for every skill in {@link PracticeOrder}
 * a block of its next items until {@code perSkill} items on the sheet exercise it, then {@code reviewPerSkill}
 * rounds of mixed review, round r taking every skill in turn and adding its next items until {@code perSkill + r}
 * exercise it (as a textbook's cumulative review does); done when all were served. An item with several skills counts for
 * each of them, on the sheet as in {@link #declaresMastered}, so a skill that earlier items already
 * exercised enough gets no item of its own.
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
            Sheet sheet = new Sheet();
            bySkill.forEach((skill, items) -> sheet.fill(skill, items, perSkill));
            for (int round = 1; round <= reviewPerSkill; round++) {
                for (Map.Entry<Skill, List<Candidate>> skill : bySkill.entrySet()) {
                    sheet.fill(skill.getKey(), skill.getValue(), perSkill + round);
                }
            }
            lastSheet = List.copyOf(sheet.items);
            lastSet = practiceSet;
        }
        return lastSheet;
    }

    /** A sheet being written: its items, and how many of them exercise each skill. */
    private static final class Sheet {
        final List<Candidate> items = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final int[] counts = new int[Skill.values().length];

        /** Adds the next items of {@code candidates} not yet on the sheet until {@code skill} has {@code target} items. */
        void fill(Skill skill, List<Candidate> candidates, int target) {
            for (int i = 0; i < candidates.size() && counts[skill.ordinal()] < target; i++) {
                Candidate item = candidates.get(i);
                if (keys.add(item.variantKey())) {
                    items.add(item);
                    item.skills().forEach(s -> counts[s.ordinal()]++);
                }
            }
        }
    }
}
