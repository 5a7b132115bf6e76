package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.mastery.Items.bank;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinePoliciesTest {

    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT);

    @Test
    void theFixedSheetServesTheSameItemsInTheSameOrderWhateverTheAnswers() {
        FixedPolicy sheet = new FixedPolicy(3);
        List<Candidate> practiceSet = bank(5);

        List<String> right = run(sheet, practiceSet, true);
        List<String> wrong = run(sheet, practiceSet, false);

        assertThat(right).hasSize(3 * Skill.values().length).isEqualTo(wrong);
        assertThat(right.subList(0, 3)).containsExactly("DECOMPOSE#0", "DECOMPOSE#1", "DECOMPOSE#2");
        assertThat(sheet.next(model.start(), List.of())).isInstanceOf(Selection.NothingToServe.class);
    }

    @Test
    void aSheetWithMixedReviewTakesTheNextItemOfEverySkillInTurnAfterTheBlocks() {
        FixedPolicy sheet = new FixedPolicy(2, 2);

        List<String> served = run(sheet, bank(5), true);

        int skills = Skill.values().length;
        assertThat(served).hasSize(4 * skills);
        assertThat(served.subList(0, 2)).containsExactly("DECOMPOSE#0", "DECOMPOSE#1");
        assertThat(served.subList(2 * skills, 2 * skills + 2)).containsExactly("DECOMPOSE#2", "OUTER_DERIVATIVE#2");
        assertThat(served.get(3 * skills)).isEqualTo("DECOMPOSE#3");
    }

    @Test
    void anItemOfSeveralSkillsCountsOnTheSheetForEachOfThem() {
        List<Candidate> practiceSet = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            practiceSet.add(Items.item("d" + i, Skill.DECOMPOSE));
            practiceSet.add(new Candidate("do" + i, "decompose+outer/plain", java.util.Set.of(Skill.DECOMPOSE,
                    Skill.OUTER_DERIVATIVE), java.util.Set.of(), 0.5));
        }

        // Three of decomposition alone, then three that also need the outer derivative; in the review round
        // decomposition has had six already, so only the outer derivative gets one more.
        assertThat(run(new FixedPolicy(3), practiceSet, true)).containsExactly("d0", "d1", "d2", "do0", "do1", "do2");
        assertThat(run(new FixedPolicy(3, 1), practiceSet, true)).containsExactly("d0", "d1", "d2", "do0", "do1", "do2",
                "do3");
        StudentState afterThree = model.start();
        for (Candidate item : practiceSet.subList(0, 3)) {
            afterThree = model.update(afterThree, Attempt.right(item));
        }
        // d0, do0, d1: decomposition was exercised three times, the outer derivative once.
        assertThat(new FixedPolicy(3).declaresMastered(afterThree, Skill.DECOMPOSE)).isTrue();
        assertThat(new FixedPolicy(3).declaresMastered(afterThree, Skill.OUTER_DERIVATIVE)).isFalse();
    }

    @Test
    void streakThreeMovesOnAfterThreeRightInARow() {
        StreakPolicy streak = new StreakPolicy(3);

        assertThat(run(streak, bank(5), true)).hasSize(3 * Skill.values().length);

        // All wrong: the first skill never gets its streak, and the policy says so once its items run out.
        StudentState state = model.start();
        Selection next;
        int served = 0;
        while ((next = streak.next(state, bank(5))) instanceof Selection.Serve serve) {
            state = model.update(state, Attempt.wrong(serve.item()));
            served++;
        }
        assertThat(served).isEqualTo(5);
        assertThat(next).isInstanceOf(Selection.NothingToServe.class);
        assertThat(streak.declaresMastered(state, Skill.DECOMPOSE)).isFalse();
    }

    private List<String> run(Policy policy, List<Candidate> practiceSet, boolean right) {
        StudentState state = model.start();
        List<String> served = new ArrayList<>();
        Selection next;
        while ((next = policy.next(state, practiceSet)) instanceof Selection.Serve serve) {
            served.add(serve.item().variantKey());
            state = model.update(state, right ? Attempt.right(serve.item()) : Attempt.wrong(serve.item()));
        }
        assertThat(next).isInstanceOf(Selection.Complete.class);
        return served;
    }
}
