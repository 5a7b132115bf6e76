package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.mastery.Items.bank;
import static org.chainwise.engine.mastery.Items.item;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reviews timed by the logistic tracker's own forgetting estimate. */
class ForecastReviewTest {

    // The logistic tracker alone decides (w = 0) and its practice counts lose 2% at every attempt.
    private static final LogisticParameters FORGETTING = new LogisticParameters(Map.of(), -2.0, Map.of(), 0.3, 0.1,
            0.98, 0.5, 0.2, 0.1);
    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT.withLogistic(FORGETTING, 0.0));
    private final AdaptivePolicy policy = new AdaptivePolicy(model, 7);

    private StudentState decomposeMastered() {
        StudentState state = model.start();
        for (int i = 0; model.masteryProbability(state, Skill.DECOMPOSE) < StudentModel.MASTERY + 0.03; i++) {
            assertThat(i).as("right answers before DECOMPOSE is clearly mastered").isLessThan(60);
            state = model.update(state, Attempt.right(item("d" + i, Skill.DECOMPOSE)));
        }
        return state;
    }

    @Test
    void theForecastStartsAtTheMasteryProbabilityAndFallsWithTime() {
        StudentState state = decomposeMastered();
        LogisticTracker.Skills performance = model.performance(state);

        assertThat(model.masteryAfter(state, Skill.DECOMPOSE, 0, performance))
                .isCloseTo(model.masteryProbability(state, Skill.DECOMPOSE), org.assertj.core.data.Offset.offset(1e-12));
        double previous = 1;
        for (int steps = 0; steps <= 200; steps += 20) {
            double forecast = model.masteryAfter(state, Skill.DECOMPOSE, steps, performance);
            assertThat(forecast).isLessThanOrEqualTo(previous);
            previous = forecast;
        }
        assertThat(previous).isLessThan(StudentModel.MASTERY);
        // Without forgetting the forecast stays where it is.
        StudentModel steady = new StudentModel(ModelParameters.DEFAULT.withLogistic(LogisticParameters.DEFAULT, 0.0));
        assertThat(steady.forecastsForgetting()).isFalse();
        assertThat(model.forecastsForgetting()).isTrue();
    }

    @Test
    void aMasteredSkillIsReviewedJustBeforeItsForecastFallsBelowMasteryAndNotWhileItIsSafe() {
        StudentState state = decomposeMastered();
        List<Candidate> practiceSet = bank(200);
        int reviewedAt = -1;
        for (int step = 0; step < 300 && reviewedAt < 0; step++) {
            boolean lapsingSoon = model.masteryAfter(state, Skill.DECOMPOSE, AdaptivePolicy.REVIEW_LEAD,
                    model.performance(state)) < StudentModel.MASTERY;
            boolean mastered = model.mastered(state, Skill.DECOMPOSE);
            Selection.Serve serve = (Selection.Serve) policy.next(state, practiceSet);
            if (serve.purpose() == Selection.Purpose.REVIEW) {
                assertThat(serve.item().skills()).containsExactly(Skill.DECOMPOSE);
                assertThat(lapsingSoon).as("reviewed only when the forecast says it would lapse soon").isTrue();
                assertThat(mastered).as("reviewed before it lapsed").isTrue();
                reviewedAt = step;
            } else {
                assertThat(!mastered || !lapsingSoon).as("a skill about to lapse is reviewed first").isTrue();
                assertThat(serve.item().skills()).doesNotContain(Skill.DECOMPOSE);
            }
            // Wrong answers elsewhere: nothing else gets mastered, DECOMPOSE only decays.
            state = model.update(state, Attempt.wrong(serve.item()));
        }

        assertThat(reviewedAt).as("the decaying skill was reviewed").isNotNegative();
    }
}
