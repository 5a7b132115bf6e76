package org.chainwise.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.check.Grade;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.diagnose.Diagnosis;

/**
 * {@code grade}: JSON Lines in, one JSON line out per input line, in order, flushed as it is written
 * (the contract of DESIGN.md). A line that is not a request gets an {@code invalid} line of its own;
 * nothing stops the loop but the end of the input.
 */
final class GradeCommand implements Command {

    /** Items whose preparation (derivative, sample points, buggy derivatives) is kept. */
    static final int CACHED_ITEMS = 1_000;
    /** Symja decisions kept, per (correct answer, simplified answer). */
    static final int CACHED_DECISIONS = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("function", "variable", "answer");

    /** A wrong answer: graded without Symja, through everything else. */
    private static final String WARM_UP_REQUEST =
            "{\"id\": \"warm-up\", \"function\": \"sin(x^2)\", \"variable\": \"x\", \"answer\": \"cos(x^2)\"}";

    private final Grader grader;

    GradeCommand(Grader grader) {
        this.grader = grader;
    }

    GradeCommand() {
        this(standardGrader());
    }

    /** The grader the command line uses: Symja with its default limit and the caches above. */
    static Grader standardGrader() {
        return new Grader(new Checker(new SymjaEquivalence(), CACHED_DECISIONS), CACHED_ITEMS);
    }

    @Override
    public String summary() {
        return "grade answers: JSON Lines {id, function, variable, answer} on stdin, one JSON line each on stdout";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) throws Exception {
        // Symja's start-up and the first use of everything else (JSON, parser, printers, diagnoser) overlap.
        Thread symja = Thread.ofPlatform().name("symja-warm-up").start(SymjaEquivalence::warmUp);
        respond(WARM_UP_REQUEST);
        symja.join();
        PrintStream lines = new PrintStream(out, false, StandardCharsets.UTF_8);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.println(respond(line));
            lines.flush();
        }
        return 0;
    }

    /** The response line for one request line; never throws. */
    String respond(String line) {
        long start = System.nanoTime();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        JsonNode request;
        try {
            request = line.isBlank() ? null : JSON.readTree(line);
        } catch (JsonProcessingException e) {
            request = null;
        }
        response.set("id", request != null && request.get("id") != null && request.get("id").isValueNode()
                ? request.get("id") : JsonNodeFactory.instance.nullNode());
        Optional<String> problem = problemWith(request);
        if (problem.isPresent()) {
            fill(response, Grade.invalid(InputError.outsideAnswer(problem.get()), java.time.Duration.ZERO), start);
            return response.toString();
        }
        Grade grade;
        try {
            grade = grader.grade(request.get("function").asText(), request.get("variable").asText(), request.get("answer").asText());
        } catch (RuntimeException | StackOverflowError e) {
            // A defect somewhere in the engine must cost this line only, not the lines after it.
            grade = Grade.invalid(InputError.outsideAnswer("the answer could not be graded"), java.time.Duration.ZERO);
        }
        fill(response, grade, start);
        return response.toString();
    }

    private static Optional<String> problemWith(JsonNode request) {
        if (request == null) {
            return Optional.of("each line must be one JSON object such as {\"id\": \"c1\", \"function\": \"sin(x^2)\","
                    + " \"variable\": \"x\", \"answer\": \"2x cos(x^2)\"}");
        }
        if (!request.isObject()) {
            return Optional.of("each line must be a JSON object, not " + request.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String field : REQUIRED) {
            JsonNode value = request.get(field);
            if (value == null || value.isNull()) {
                return Optional.of("missing field \"" + field + "\"");
            }
            if (!value.isTextual()) {
                return Optional.of("field \"" + field + "\" must be a string");
            }
        }
        return Optional.empty();
    }

    private static void fill(ObjectNode response, Grade grade, long start) {
        response.put("verdict", grade.verdict().wireName());
        grade.interpretedAs().ifPresentOrElse(interpretation -> {
            ObjectNode shown = response.putObject("interpretedAs");
            shown.put("text", interpretation.text());
            shown.put("latex", interpretation.latex());
        }, () -> response.putNull("interpretedAs"));
        ArrayNode misconceptions = response.putArray("misconceptions");
        for (Diagnosis diagnosis : grade.misconceptions()) {
            ObjectNode entry = misconceptions.addObject();
            entry.put("code", diagnosis.code().name());
            entry.put("layer", diagnosis.layer());
            entry.put("explanation", diagnosis.explanation());
        }
        response.put("ms", Math.round((System.nanoTime() - start) / 1e3) / 1e3);
        grade.error().ifPresent(error -> {
            ObjectNode shown = response.putObject("error");
            shown.put("message", error.message());
            shown.put("position", error.position());
        });
    }
}
