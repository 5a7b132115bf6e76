package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chainwise.engine.mastery.Items.item;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticTrackerTest {

    private final LogisticTracker tracker = new LogisticTracker(LogisticParameters.DEFAULT);

    private Ability answer(Ability ability, Skill skill, boolean correct, int times) {
        for (int i = 0; i < times; i++) {
            ability = tracker.update(ability, item("i" + i, skill), correct);
        }
        return ability;
    }

    @Test
    void rightAnswersRaiseTheSkillAndTheGeneralAbilityCarriesToOtherSkills() {
        Ability none = Ability.NONE;
        Ability right = answer(none, Skill.DECOMPOSE, true, 6);
        Ability wrong = answer(none, Skill.DECOMPOSE, false, 6);
        Candidate decompose = item("d", Skill.DECOMPOSE);
        Candidate outer = item("o", Skill.OUTER_DERIVATIVE);

        assertThat(tracker.predict(tracker.skills(right), decompose))
                .isGreaterThan(tracker.predict(tracker.skills(none), decompose))
                .isGreaterThan(tracker.predict(tracker.skills(wrong), decompose));
        // Never practised, but the student who answered right is believed abler in general.
        assertThat(tracker.predict(tracker.skills(right), outer))
                .isGreaterThan(tracker.predict(tracker.skills(none), outer))
                .isGreaterThan(tracker.predict(tracker.skills(wrong), outer));
        assertThat(right.successes().get(Skill.DECOMPOSE.ordinal())).isEqualTo(6.0);
    }

    @Test
    void allWrongNeverMastersAndManyRightDoes() {
        int k = Skill.INNER_FACTOR.ordinal();

        assertThat(tracker.skills(answer(Ability.NONE, Skill.INNER_FACTOR, false, 30)).masteryProbability(k))
                .isLessThan(0.01);
        assertThat(tracker.skills(answer(Ability.NONE, Skill.INNER_FACTOR, true, 15)).masteryProbability(k))
                .isGreaterThan(StudentModel.MASTERY);
    }

    @Test
    void practiceCountsDecayWithTheRetention() {
        LogisticParameters forgetting = new LogisticParameters(Map.of(), -2, Map.of(), 0.3, 0.1, 0.9, 0.5, 0.2, 0.1);
        LogisticTracker tracker = new LogisticTracker(forgetting);
        Ability once = tracker.update(Ability.NONE, item("a", Skill.DECOMPOSE), true);
        Ability later = tracker.update(once, item("b", Skill.OUTER_DERIVATIVE), true);

        assertThat(once.successes().get(Skill.DECOMPOSE.ordinal())).isCloseTo(0.9, within(1e-12));
        assertThat(later.successes().get(Skill.DECOMPOSE.ordinal())).isCloseTo(0.81, within(1e-12));
    }

    @Test
    void anItemOfTwoSkillsMovesBothAndAWrongAnswerIsBlamedOnTheWeakerSkill() {
        Ability strong = answer(Ability.NONE, Skill.DECOMPOSE, true, 12);
        Candidate both = new Candidate("both", "both/plain", java.util.Set.of(Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE),
                java.util.Set.of(), 0.5);
        int decompose = Skill.DECOMPOSE.ordinal();
        int outer = Skill.OUTER_DERIVATIVE.ordinal();
        LogisticTracker.Skills before = tracker.skills(strong);

        LogisticTracker.Skills right = tracker.skills(tracker.update(strong, both, true));
        LogisticTracker.Skills wrong = tracker.skills(tracker.update(strong, both, false));

        assertThat(right.mean()[decompose]).isGreaterThan(before.mean()[decompose]);
        assertThat(right.mean()[outer]).isGreaterThan(before.mean()[outer]);
        double blamedOnDecompose = before.mean()[decompose] - wrong.mean()[decompose];
        double blamedOnOuter = before.mean()[outer] - wrong.mean()[outer];
        assertThat(blamedOnOuter).isGreaterThan(2 * blamedOnDecompose);
        // A right answer to both is less likely than to either alone: the product of the skills' probabilities.
        assertThat(tracker.predict(before, both)).isCloseTo(
                tracker.predict(before, item("d", Skill.DECOMPOSE)) * tracker.predict(before, item("o", Skill.OUTER_DERIVATIVE)),
                within(1e-12));
    }
}
