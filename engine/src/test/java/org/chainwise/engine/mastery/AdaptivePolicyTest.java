package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.mastery.Items.bank;
import static org.chainwise.engine.mastery.Items.item;
import static org.chainwise.engine.mastery.Items.remedy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.Test;

class AdaptivePolicyTest {

    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT);
    private final AdaptivePolicy policy = new AdaptivePolicy(model, 7);

    @Test
    void anEmptyPracticeSetIsAClearResult() {
        assertThat(policy.next(model.start(), List.of()))
                .isEqualTo(new Selection.NothingToServe("the practice set is empty"));
    }

    @Test
    void aStudentWithNoHistoryStartsOnSkillsWithoutPrerequisites() {
        Selection first = policy.next(model.start(), bank(3));

        assertThat(first).isInstanceOf(Selection.Serve.class);
        Selection.Serve serve = (Selection.Serve) first;
        assertThat(serve.purpose()).isEqualTo(Selection.Purpose.LEARN);
        assertThat(serve.item().skills()).allMatch(skill -> Prerequisites.of(skill).isEmpty());
    }

    @Test
    void itNeverRepeatsAVariantAndSaysWhenNothingIsLeft() {
        List<Candidate> practiceSet = bank(2);
        StudentState state = model.start();
        Set<String> served = new HashSet<>();
        Selection next;
        // A student who answers everything wrong masters nothing: the policy serves every variant once, then stops.
        while ((next = policy.next(state, practiceSet)) instanceof Selection.Serve serve) {
            assertThat(served.add(serve.item().variantKey())).isTrue();
            state = model.update(state, Attempt.wrong(serve.item()));
        }

        assertThat(served).hasSize(practiceSet.size());
        assertThat(next).isInstanceOf(Selection.NothingToServe.class);
    }

    @Test
    void itCompletesWhenEverySkillIsMastered() {
        List<Candidate> practiceSet = bank(12);
        StudentState state = model.start();
        Selection next;
        int served = 0;
        while ((next = policy.next(state, practiceSet)) instanceof Selection.Serve serve) {
            state = model.update(state, Attempt.right(serve.item()));
            served++;
        }

        assertThat(next).isInstanceOf(Selection.Complete.class);
        for (Skill skill : Skill.values()) {
            assertThat(policy.declaresMastered(state, skill)).isTrue();
        }
        // Before any data both trackers must agree, which takes about eight right answers a skill: far
        // fewer than the 96 of the practice set.
        assertThat(served).isLessThanOrEqualTo(10 * Skill.values().length);
    }

    @Test
    void aHeldMisconceptionGetsATargetedRemediationItem() {
        List<Candidate> practiceSet = new ArrayList<>(bank(5));
        Candidate remedy = remedy("contrast", Skill.EVALUATE_AT_INNER, Misconception.OUTER_AT_X);
        practiceSet.add(remedy);
        StudentState state = model.start();
        state = model.update(state, Attempt.wrong(item("x", Skill.EVALUATE_AT_INNER), Misconception.OUTER_AT_X));

        assertThat(policy.next(state, practiceSet)).isEqualTo(new Selection.Serve(remedy, Selection.Purpose.REMEDIATE));

        // Once the misconception has gone, practice resumes.
        state = model.update(state, Attempt.right(remedy));
        state = model.update(state, Attempt.right(item("y", Skill.EVALUATE_AT_INNER)));
        assertThat(((Selection.Serve) policy.next(state, practiceSet)).purpose()).isEqualTo(Selection.Purpose.LEARN);
    }

    @Test
    void aMasteredSkillComesBackForReviewWhenDue() {
        List<Candidate> practiceSet = bank(40);
        StudentState state = model.start();
        for (int i = 0; i < 12; i++) {
            state = model.update(state, Attempt.right(item("d" + i, Skill.DECOMPOSE)));
        }
        assertThat(model.mastered(state, Skill.DECOMPOSE)).isTrue();
        List<Selection.Purpose> purposes = new ArrayList<>();
        for (int i = 0; i < SkillState.FIRST_REVIEW_GAP + 1; i++) {
            Selection.Serve serve = (Selection.Serve) policy.next(state, practiceSet);
            purposes.add(serve.purpose());
            if (serve.purpose() == Selection.Purpose.REVIEW) {
                assertThat(serve.item().skills()).containsExactly(Skill.DECOMPOSE);
            }
            state = model.update(state, Attempt.wrong(serve.item()));
        }

        assertThat(purposes.subList(0, SkillState.FIRST_REVIEW_GAP - 12)).containsOnly(Selection.Purpose.LEARN);
        assertThat(purposes).contains(Selection.Purpose.REVIEW);
    }

    @Test
    void itAimsAtSuccessNearTheTarget() {
        Candidate easy = new Candidate("easy", "e", Set.of(Skill.DECOMPOSE), Set.of(), 0.0);
        Candidate hard = new Candidate("hard", "h", Set.of(Skill.DECOMPOSE), Set.of(), 1.0);
        StudentState state = model.start();
        StudentState known = model.update(state, Attempt.right(item("r", Skill.DECOMPOSE)));
        double easyDistance = Math.abs(model.predict(known, easy) - AdaptivePolicy.TARGET_SUCCESS);
        double hardDistance = Math.abs(model.predict(known, hard) - AdaptivePolicy.TARGET_SUCCESS);
        Candidate closer = easyDistance < hardDistance ? easy : hard;

        assertThat(((Selection.Serve) policy.next(known, List.of(easy, hard))).item()).isEqualTo(closer);
    }

    @Test
    void whereWrongAnswersTeachMoreTheHarderItemWinsAndWithEqualGainsTheTargetDecides() {
        Candidate easy = new Candidate("easy", "e", Set.of(Skill.DECOMPOSE), Set.of(), 0.0);
        Candidate medium = new Candidate("medium", "m", Set.of(Skill.DECOMPOSE), Set.of(), 0.5);
        Candidate hard = new Candidate("hard", "h", Set.of(Skill.DECOMPOSE), Set.of(), 1.0);
        List<Candidate> practiceSet = List.of(easy, medium, hard);

        // Logistic tracker only. Predicted success for a new student: easy 0.63, medium 0.41, hard 0.22.
        Candidate equalGains = first(logisticOnly(0.2, 0.2), practiceSet);
        Candidate surprise = first(logisticOnly(0.05, 0.35), practiceSet);

        // Equal gains: every item teaches as much, so the one nearest 0.7 is served.
        assertThat(equalGains).isEqualTo(easy);
        // A wrong answer moves the log-odds seven times as far as a right one (as the fit finds on Elo learners):
        // the hard item's expected learning, 0.28 against 0.16, outweighs its distance from 0.7.
        assertThat(surprise).isEqualTo(hard);
    }

    private static StudentModel logisticOnly(double successGain, double failureGain) {
        LogisticParameters logistic = new LogisticParameters(java.util.Map.of(), -2.0, java.util.Map.of(), successGain,
                failureGain, 1.0, 0.5, 0.2, 0.1);
        return new StudentModel(ModelParameters.DEFAULT.withLogistic(logistic, 0.0));
    }

    private static Candidate first(StudentModel model, List<Candidate> practiceSet) {
        return ((Selection.Serve) new AdaptivePolicy(model, 7).next(model.start(), practiceSet)).item();
    }

    @Test
    void theChoiceIsDeterministicGivenTheSeed() {
        // Identical items: only the seeded tie-break decides.
        List<Candidate> twins = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            twins.add(item("v" + i, Skill.DECOMPOSE));
        }
        StudentState state = model.start();
        Set<String> choices = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Candidate a = ((Selection.Serve) new AdaptivePolicy(model, seed).next(state, twins)).item();
            Candidate b = ((Selection.Serve) new AdaptivePolicy(model, seed).next(state, twins)).item();
            assertThat(a).isEqualTo(b);
            choices.add(a.variantKey());
        }
        assertThat(choices).hasSizeGreaterThan(1);
    }
}
