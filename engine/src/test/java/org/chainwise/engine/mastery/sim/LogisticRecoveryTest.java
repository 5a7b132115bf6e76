package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chainwise.engine.mastery.Calibration;
import org.chainwise.engine.mastery.LogisticParameters;
import org.junit.jupiter.api.Test;

/** The logistic tracker's fit recovers the generating parameters of performance-factors students. */
class LogisticRecoveryTest {

    @Test
    void theFitOnPerformanceFactorsStudentsFindsTheirGainsRetentionAndSpread() {
        Simulation simulation = new Simulation(Population.PFA, "adaptive", 1, 11, 200, 20, 300, 10, 0, 30, false);

        Calibration.Result fit = simulation.calibrate(Bank.of(30));
        LogisticParameters p = fit.parameters().logistic();

        assertThat(p.successGain()).isCloseTo(PfaStudent.SUCCESS_GAIN, within(0.05));
        assertThat(p.failureGain()).isCloseTo(PfaStudent.FAILURE_GAIN, within(0.08));
        assertThat(p.retention()).isCloseTo(PfaStudent.COUNT_RETENTION, within(0.002));
        assertThat(Math.sqrt(p.abilityVariance())).isCloseTo(PfaStudent.ABILITY_SPREAD, within(0.2));
        // Knowledge tracing predicts these learners worse than the logistic tracker, so it gets little weight.
        assertThat(fit.parameters().tracingWeight()).isLessThan(0.3);
    }

    @Test
    void onItemsThatNeedSeveralSkillsAtOnceTheFitStillFindsThem() {
        // Most items need two to four skills, right only when every one is: the fit must use that likelihood
        // (counting such an answer once per skill as if independent, it diverged, gains near 1e126).
        Simulation simulation = new Simulation(Population.PFA, "adaptive", 1, 11, 200, 20, 300, 10, 0, 30, true);

        LogisticParameters p = simulation.calibrate(Bank.combinedOf(30)).parameters().logistic();

        assertThat(p.successGain()).isCloseTo(PfaStudent.SUCCESS_GAIN, within(0.05));
        assertThat(p.failureGain()).isCloseTo(PfaStudent.FAILURE_GAIN, within(0.08));
        assertThat(p.retention()).isCloseTo(PfaStudent.COUNT_RETENTION, within(0.002));
        assertThat(Math.sqrt(p.abilityVariance())).isCloseTo(PfaStudent.ABILITY_SPREAD, within(0.2));
        assertThat(p.difficultySlope()).isCloseTo(-2.0, within(0.2));
    }
}
