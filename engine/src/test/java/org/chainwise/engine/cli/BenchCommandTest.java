package org.chainwise.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BenchCommandTest {

    @ParameterizedTest
    @CsvSource({"'', 400", "1, 1", "250, 250", "100000, 100000"})
    void roundsAreOneNumberInRange(String argument, int expected) {
        List<String> arguments = argument.isEmpty() ? List.of() : List.of(argument);
        assertThat(BenchCommand.rounds(arguments)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "100001", "1e3", "99999999999"})
    void aBadRoundCountIsRefusedWithAMessageBeforeAnythingRuns(String argument) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new BenchCommand().run(List.of(argument), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out), new PrintStream(err));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("number of rounds, 1 to 100,000", argument);
    }
}
