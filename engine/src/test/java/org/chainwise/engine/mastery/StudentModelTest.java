package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.chainwise.engine.mastery.Items.item;
import static org.chainwise.engine.mastery.Items.remedy;

import java.util.Map;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.Test;

class StudentModelTest {

    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT);

    @Test
    void aStudentWithNoHistoryIsAtThePriorsAndMastersNothing() {
        StudentState state = model.start();

        for (Skill skill : Skill.values()) {
            assertThat(state.skill(skill).known()).isEqualTo(BktParameters.DEFAULT.prior());
            assertThat(model.mastered(state, skill)).isFalse();
        }
        assertThat(state.beliefs()).isEmpty();
        assertThat(model.held(state)).isEmpty();
        // prior 0.2: 0.2 * (1 - 0.1) + 0.8 * 0.12
        assertThat(model.predictTracing(state, item("a", Skill.DECOMPOSE))).isCloseTo(0.276, within(1e-9));
        // The logistic tracker: the default intercept, averaged over the prior of ability and skill ability.
        double logistic = 1 / (1 + Math.exp(0.4 / Math.sqrt(1 + Math.PI * 0.7 / 8)));
        assertThat(model.predict(state, item("a", Skill.DECOMPOSE))).isCloseTo((0.276 + logistic) / 2, within(1e-9));
    }

    @Test
    void aRightAnswerRaisesKnowledgeAndAWrongOneLowersIt() {
        StudentState start = model.start();
        Candidate item = item("a", Skill.DECOMPOSE);

        double afterRight = model.update(start, Attempt.right(item)).skill(Skill.DECOMPOSE).known();
        double afterWrong = model.update(start, Attempt.wrong(item)).skill(Skill.DECOMPOSE).known();

        // Posterior after a right answer: 0.18 / (0.18 + 0.096) = 0.652; then learning: + 0.348 * 0.15.
        assertThat(afterRight).isCloseTo(0.652174 + (1 - 0.652174) * 0.15, within(1e-5));
        assertThat(afterWrong).isLessThan(0.2 + 0.8 * 0.15).isLessThan(afterRight);
    }

    @Test
    void updateIsAPureFunction() {
        StudentState start = model.start();
        StudentState next = model.update(start, Attempt.right(item("a", Skill.DECOMPOSE)));

        assertThat(start).isEqualTo(model.start());
        assertThat(next.attempts()).isEqualTo(1);
        assertThat(next.seen()).containsExactly("a");
        assertThat(next.skill(Skill.DECOMPOSE).lastPractised()).isEqualTo(1);
        assertThat(next.skill(Skill.OUTER_DERIVATIVE)).isEqualTo(start.skill(Skill.OUTER_DERIVATIVE));
    }

    @Test
    void rightAnswersLeadToMasteryAndAllWrongNeverDoes() {
        StudentState right = model.start();
        StudentState wrong = model.start();
        for (int i = 0; i < 30; i++) {
            right = model.update(right, Attempt.right(item("r" + i, Skill.INNER_FACTOR)));
            wrong = model.update(wrong, Attempt.wrong(item("w" + i, Skill.INNER_FACTOR)));
        }

        assertThat(model.mastered(right, Skill.INNER_FACTOR)).isTrue();
        assertThat(model.mastered(wrong, Skill.INNER_FACTOR)).isFalse();
        // Everything wrong keeps the skill near what one opportunity's learning alone would give.
        assertThat(wrong.skill(Skill.INNER_FACTOR).known()).isLessThan(0.2);
        assertThat(wrong.skill(Skill.INNER_FACTOR).streak()).isZero();
    }

    @Test
    void aDiagnosedMisconceptionRisesAndDisappearsWithCleanAnswers() {
        StudentState state = model.start();
        state = model.update(state, Attempt.wrong(item("a", Skill.EVALUATE_AT_INNER), Misconception.OUTER_AT_X));
        assertThat(state.belief(Misconception.OUTER_AT_X)).isCloseTo(0.6, within(1e-9));
        state = model.update(state, Attempt.wrong(item("b", Skill.EVALUATE_AT_INNER), Misconception.OUTER_AT_X));
        assertThat(state.belief(Misconception.OUTER_AT_X)).isCloseTo(0.84, within(1e-9));
        assertThat(model.held(state)).containsExactly(Misconception.OUTER_AT_X);

        // A right answer on an unrelated skill says nothing about OUTER_AT_X.
        StudentState unrelated = model.update(state, Attempt.right(item("c", Skill.DECOMPOSE)));
        assertThat(unrelated.belief(Misconception.OUTER_AT_X)).isEqualTo(state.belief(Misconception.OUTER_AT_X));

        state = model.update(state, Attempt.right(remedy("d", Skill.EVALUATE_AT_INNER, Misconception.OUTER_AT_X)));
        state = model.update(state, Attempt.right(item("e", Skill.EVALUATE_AT_INNER)));
        assertThat(state.belief(Misconception.OUTER_AT_X)).isLessThan(StudentModel.HELD);
        assertThat(model.held(state)).isEmpty();
    }

    @Test
    void aHeldMisconceptionBlocksMasteryOfTheSkillItUndermines() {
        StudentState state = model.start();
        for (int i = 0; i < 20; i++) {
            state = model.update(state, Attempt.right(item("r" + i, Skill.EVALUATE_AT_INNER)));
        }
        assertThat(model.mastered(state, Skill.EVALUATE_AT_INNER)).isTrue();

        state = model.update(state, Attempt.wrong(item("x", Skill.EVALUATE_AT_INNER), Misconception.OUTER_AT_X));

        assertThat(model.mastered(state, Skill.EVALUATE_AT_INNER)).isFalse();
    }

    @Test
    void anItemWithTwoSkillsIsRightOnlyWhenBothAreKnown() {
        Candidate both = new Candidate("b", "pair", Set.of(Skill.MULTI_LAYER, Skill.INNER_FACTOR), Set.of(), 0.5);
        StudentState state = model.start();
        for (int i = 0; i < 20; i++) {
            state = model.update(state, Attempt.right(item("r" + i, Skill.INNER_FACTOR)));
        }

        double known = state.skill(Skill.INNER_FACTOR).known() * state.skill(Skill.MULTI_LAYER).known();
        assertThat(model.predictTracing(state, both)).isCloseTo(known * 0.9 + (1 - known) * 0.12, within(1e-9));
        assertThat(model.predict(state, both)).isLessThan(model.predict(state, item("x", Skill.INNER_FACTOR)));

        // A wrong answer mostly blames the skill that was less likely known.
        StudentState after = model.update(state, Attempt.wrong(both));
        double dropInner = state.skill(Skill.INNER_FACTOR).known() - after.skill(Skill.INNER_FACTOR).known();
        double dropMulti = state.skill(Skill.MULTI_LAYER).known() - after.skill(Skill.MULTI_LAYER).known();
        assertThat(dropInner).isLessThan(dropMulti);
    }

    @Test
    void familyRatesWinOverSkillRatesAndDifficultyShiftsTheDefaults() {
        Candidate hard = new Candidate("h", "f/hard", Set.of(Skill.DECOMPOSE), Set.of(), 0.9);
        Candidate easy = new Candidate("e", "f/easy", Set.of(Skill.DECOMPOSE), Set.of(), 0.1);
        assertThat(model.emission(hard).guess()).isLessThan(model.emission(easy).guess());
        assertThat(model.emission(hard).slip()).isGreaterThan(model.emission(easy).slip());

        StudentModel fitted = new StudentModel(ModelParameters.DEFAULT.withFamilies(
                Map.of("f/hard", new GuessSlip(0.01, 0.3))));
        assertThat(fitted.emission(hard)).isEqualTo(new GuessSlip(0.01, 0.3));
    }

    @Test
    void guessAndSlipStayBelowOneHalf() {
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, 0.5, 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuessSlip(0.1, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attempt(item("a", Skill.DECOMPOSE), true, Set.of(Misconception.OUTER_AT_X)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
