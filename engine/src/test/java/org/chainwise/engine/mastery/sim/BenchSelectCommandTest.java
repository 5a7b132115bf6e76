package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenchSelectCommandTest {

    @Test
    void theBankHasDistinctVariantsAndTheCommandReportsPercentiles() {
        assertThat(BenchSelectCommand.bank(1000, new SplittableRandom(1)))
                .extracting(candidate -> candidate.variantKey()).doesNotHaveDuplicates().hasSize(1000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new BenchSelectCommand().run(List.of("--variants", "300", "--selections", "50", "--warmup", "10"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"variants\": 300", "\"p99Ms\": ", "\"cpuP99Ms\": ");
    }

    @Test
    void aNumberOptionThatIsNotANumberIsNamedInTheError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SimulateCommand().run(List.of("--students", "many"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out), new PrintStream(err));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--students needs a whole number, got 'many'");
    }
}
