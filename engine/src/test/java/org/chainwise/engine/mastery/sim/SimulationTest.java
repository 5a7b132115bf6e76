package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small simulations with loose assertions; the full-size figures come from the simulate command. */
class SimulationTest {

    private static Simulation.Report run(Population population, String policy, int fixedPerSkill) {
        return new Simulation(population, policy, 60, 5, 100, 20, 300, fixedPerSkill, 0, 30, false).run();
    }

    @Test
    void onKnowledgeTracingStudentsTheAdaptivePolicyMastersWithFewerItemsThanALongSheet() {
        Simulation.Report adaptive = run(Population.BKT, "adaptive", 10);
        Simulation.Report fixed = run(Population.BKT, "fixed", 15);

        assertThat(adaptive.studentsMastered()).isGreaterThan(0.9);
        assertThat(adaptive.falseMasteryRate()).isLessThan(0.1);
        assertThat(adaptive.medianItemsToMastery()).isLessThan(fixed.medianItemsToMastery());
        assertThat(adaptive.studentsTrulyMastered()).isGreaterThanOrEqualTo(fixed.studentsTrulyMastered());
        assertThat(adaptive.auc()).isGreaterThan(0.65).isGreaterThan(adaptive.oracleAuc() - 0.05);
        assertThat(fixed.medianItemsToMastery()).isEqualTo(15.0 * 8);
        assertThat(adaptive.recoveryError().values()).allMatch(error -> error < 0.1);
    }

    @Test
    void onGradualLearnersMasteryIsDeclaredOnlyWhenItIsTrue() {
        Simulation.Report adaptive = run(Population.PFA, "adaptive", 10);

        assertThat(adaptive.studentsMastered()).isGreaterThan(0.9);
        assertThat(adaptive.falseMasteryRate()).isLessThan(0.05);
        assertThat(adaptive.studentsTrulyMastered()).isGreaterThan(0.9);
        assertThat(adaptive.auc()).isGreaterThan(adaptive.oracleAuc() - 0.03);
    }

    @Test
    void everyPopulationAndPolicyRunsAndTheSameSeedGivesTheSameReport() {
        for (Population population : Population.values()) {
            for (String policy : Simulation.POLICIES) {
                Simulation simulation = new Simulation(population, policy, 4, 3, 10, 10, 150, 10, 2, 30, false);
                Simulation.Report report = simulation.run();
                assertThat(report.responses()).isPositive();
                assertThat(report.auc()).isBetween(0.0, 1.0);
                assertThat(simulation.run()).isEqualTo(report);
            }
        }
    }

    @Test
    void theCommandPrintsOneJsonObjectAndRejectsUnknownOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulateCommand command = new SimulateCommand();

        int code = command.run(List.of("--students", "5", "--model", "elo", "--policy", "streak3", "--seed", "2",
                "--calibration", "10"), new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));

        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).isZero();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n")
                .contains("\"studentsMastered\": ", "\"medianItemsToMastery\": ", "\"falseMasteryRate\": ",
                        "\"auc\": ", "\"oracleAuc\": ", "\"model\": \"elo\"", "\"policy\": \"streak3\"");
        assertThat(command.run(List.of("--bogus", "1"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'");
        assertThatThrownBy(() -> new Simulation(Population.BKT, "random", 1, 1, 0, 1, 1, 1, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
