package org.chainwise.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code grade} contract end to end, through the command, with hostile and malformed lines. */
class GradeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "sin(x^2)";

    private static String request(String id, String answer) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("id", id).put("function", FUNCTION).put("variable", "x").put("answer", answer);
        return line.toString();
    }

    private static List<JsonNode> grade(List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] input = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        int status = new GradeCommand().run(List.of(), new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        List<JsonNode> responses = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            responses.add(JSON.readTree(line));
        }
        return responses;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theExampleOfTheContract() throws Exception {
        JsonNode response = grade(List.of("{\"id\": \"c1\", \"function\": \"sin(x^2)\", \"variable\": \"x\", \"answer\": \"2x cos(x²)\"}")).getFirst();
        assertThat(response.get("id").asText()).isEqualTo("c1");
        assertThat(response.get("verdict").asText()).isEqualTo("correct");
        assertThat(response.get("interpretedAs").get("text").asText()).isEqualTo("2*x*cos(x^2)");
        assertThat(response.get("interpretedAs").get("latex").asText()).isNotBlank();
        assertThat(response.get("misconceptions").isArray()).isTrue();
        assertThat(response.get("misconceptions")).isEmpty();
        assertThat(response.get("ms").isNumber()).isTrue();
        assertThat(fieldNames(response)).containsExactly("id", "verdict", "interpretedAs", "misconceptions", "ms");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anIncorrectAnswerNamesItsMisconception() throws Exception {
        JsonNode response = grade(List.of(request("w1", "cos(x^2)"))).getFirst();
        assertThat(response.get("verdict").asText()).isEqualTo("incorrect");
        JsonNode first = response.get("misconceptions").get(0);
        assertThat(first.get("code").asText()).isEqualTo("MISSING_INNER");
        assertThat(first.get("layer").asInt()).isEqualTo(1);
        assertThat(first.get("explanation").asText()).isNotBlank();
        assertThat(fieldNames(first)).containsExactly("code", "layer", "explanation");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAnswerNoBuggyRuleExplainsIsOther() throws Exception {
        JsonNode response = grade(List.of(request("w2", "x^3 + 1"))).getFirst();
        assertThat(response.get("verdict").asText()).isEqualTo("incorrect");
        assertThat(response.get("misconceptions").get(0).get("code").asText()).isEqualTo("OTHER");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hostileInputIsInvalidOrHarmlessAndTheToolCarriesOn() throws Exception {
        List<String> commands = List.of("Quit()", "Table(x,{i,1,10^9})", "ReadString(\"/etc/passwd\")",
                "Import(\"/etc/passwd\")", "Exit()", "D(x^2,x)", "d/dx sin(x^2)", "2y cos(y^2)", "\"2x cos(x^2)\"",
                "2x cos(x^2", "sine(x^2)", "", "   ");
        List<String> heavy = List.of("x^x^x^x^x^x", "10^10^10", "x^(10^10)", "(x+1)^999999999",
                "x+".repeat(2_500) + "x", "(".repeat(500) + "x" + ")".repeat(500), "(".repeat(240) + "x" + ")".repeat(240), "sin(".repeat(95) + "x" + ")".repeat(95), "sin(".repeat(500) + "x" + ")".repeat(500));
        List<String> hostile = new ArrayList<>(commands);
        hostile.addAll(heavy);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            lines.add(request("h" + i, hostile.get(i)));
        }
        lines.add(request("last", "2x cos(x^2)"));
        List<JsonNode> responses = grade(lines);
        assertThat(responses).hasSize(lines.size());
        for (int i = 0; i < hostile.size(); i++) {
            JsonNode response = responses.get(i);
            String verdict = response.get("verdict").asText();
            assertThat(response.get("id").asText()).isEqualTo("h" + i);
            if (i < commands.size()) {
                assertThat(verdict).as(hostile.get(i)).isEqualTo("invalid");
            } else {
                assertThat(verdict).as(hostile.get(i)).isIn("invalid", "incorrect");
            }
            if (verdict.equals("invalid")) {
                assertThat(response.get("error").get("message").asText()).isNotBlank();
                assertThat(response.get("error").get("position").isInt()).isTrue();
            }
        }
        assertThat(responses.getLast().get("verdict").asText()).isEqualTo("correct");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void malformedLinesGetTheirOwnInvalidLine() throws Exception {
        List<String> lines = List.of(
                "not json",
                "",
                "[1, 2]",
                "null",
                "{\"id\": \"m1\"}",
                "{\"id\": \"m2\", \"function\": 1, \"variable\": \"x\", \"answer\": \"2x\"}",
                "{\"id\": \"m3\", \"function\": \"sin(x^2)\", \"variable\": \"x\", \"answer\": [\"2x\"]}",
                "{\"id\": \"m4\", \"function\": \"sin(x^2)\", \"variable\": \"x y\", \"answer\": \"2x\"}",
                "{\"id\": \"m5\", \"function\": \"sin(x^2\", \"variable\": \"x\", \"answer\": \"2x\"}",
                "{\"id\": \"m6\", \"function\": \"sin(x^2)\"",
                request("ok", "2x cos(x^2)"));
        List<JsonNode> responses = grade(lines);
        assertThat(responses).hasSize(lines.size());
        for (JsonNode response : responses.subList(0, lines.size() - 1)) {
            assertThat(response.get("verdict").asText()).isEqualTo("invalid");
            assertThat(response.get("error").get("message").asText()).isNotBlank();
            assertThat(response.get("misconceptions")).isEmpty();
            assertThat(fieldNames(response)).containsExactly("id", "verdict", "interpretedAs", "misconceptions", "ms", "error");
        }
        assertThat(responses.get(0).get("id").isNull()).isTrue();
        assertThat(responses.get(4).get("id").asText()).isEqualTo("m1");
        assertThat(responses.get(4).get("error").get("message").asText()).contains("function");
        assertThat(responses.get(5).get("error").get("message").asText()).contains("must be a string");
        assertThat(responses.get(8).get("error").get("message").asText()).contains("function");
        assertThat(responses.getLast().get("verdict").asText()).isEqualTo("correct");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hostileFunctionsAreRefusedOrGradedAndTheToolCarriesOn() throws Exception {
        List<String> functions = List.of("Quit()", "x^x^x", "sin(".repeat(95) + "x" + ")".repeat(95),
                "x+".repeat(240) + "x", "(x+1)^999", "exp(exp(exp(exp(x))))", "y^2");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("id", "f" + i).put("function", functions.get(i)).put("variable", "x").put("answer", "2x");
            lines.add(line.toString());
        }
        lines.add(request("last", "2x cos(x^2)"));
        List<JsonNode> responses = grade(lines);
        assertThat(responses).hasSize(lines.size());
        for (int i = 0; i < functions.size(); i++) {
            assertThat(responses.get(i).get("verdict").asText()).as(functions.get(i)).isIn("invalid", "incorrect");
        }
        assertThat(responses.get(0).get("error").get("position").asInt()).isZero();
        assertThat(responses.getLast().get("verdict").asText()).isEqualTo("correct");
    }
}
