package org.chainwise.bank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    @Test
    void sampleWritesOneJsonLinePerItemWithTheContractFields() throws Exception {
        Run run = run("sample", "--family", "all", "--count", "40", "--seed", "3");
        assertThat(run.exit()).isZero();
        List<JsonNode> items = lines(run.out());
        assertThat(items).hasSize(40);
        for (JsonNode item : items) {
            for (String field : List.of("id", "family", "seed", "type", "stem", "function", "variable", "canonicalAnswer",
                    "layers", "skills", "distractors", "hints")) {
                assertThat(item.has(field)).as(field + " in " + item).isTrue();
            }
            assertThat(item.get("hints")).hasSize(3);
            assertThat(item.get("distractors")).allSatisfy(d -> {
                assertThat(d.get("answer").asText()).isNotBlank();
                assertThat(d.get("code").asText()).matches("[A-Z_]+");
            });
        }
        assertThat(items.stream().map(i -> i.get("type").asText()).distinct())
                .contains("DIFFERENTIATE", "EVALUATE_AT_POINT", "DECOMPOSE", "SPOT_THE_ERROR", "GRAPH_PATHS", "JACOBIAN", "PREDICT");
    }

    @Test
    void theSameSeedWritesTheSameLinesAndAnotherSeedOthers() {
        String first = run("sample", "--family", "outer-sin", "--count", "5", "--seed", "11").out();
        assertThat(run("sample", "--family", "outer-sin", "--count", "5", "--seed", "11").out()).isEqualTo(first);
        assertThat(run("sample", "--family", "outer-sin", "--count", "5", "--seed", "12").out()).isNotEqualTo(first);
    }

    @Test
    void oneFamilyGivesOnlyItsOwnItems() throws Exception {
        assertThat(lines(run("sample", "--family", "jacobian", "--count", "4", "--seed", "1").out()))
                .allSatisfy(i -> assertThat(i.get("family").asText()).isEqualTo("jacobian"));
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        Run unknownFamily = run("sample", "--family", "outer-cosh");
        assertThat(unknownFamily.exit()).isEqualTo(2);
        assertThat(unknownFamily.err()).contains("no family named 'outer-cosh'");
        Run badCount = run("sample", "--count", "many");
        assertThat(badCount.exit()).isEqualTo(2);
        assertThat(badCount.err()).contains("--count needs a whole number");
        assertThat(run("shuffle").exit()).isEqualTo(2);
        assertThat(run().err()).contains("usage");
    }
}
