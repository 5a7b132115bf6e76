package org.chainwise.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Grader;

/**
 * {@code grade}: JSON Lines in, one JSON line out per input line, in order, flushed as it is written
 * (the contract of DESIGN.md). A line that is not a request gets an {@code invalid} line of its own;
 * nothing stops the loop but the end of the input.
 */
final class GradeCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The grader the command line uses: {@link GradeResponse#standardGrader()}. */
    static Grader standardGrader() {
        return GradeResponse.standardGrader();
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
        JsonNode request;
        try {
            request = line.isBlank() ? null : JSON.readTree(line);
        } catch (JsonProcessingException e) {
            request = null;
        }
        return GradeResponse.respond(grader, request, start).toString();
    }
}
