package org.chainwise.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.check.Grade;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.diagnose.Diagnosis;

/**
 * The {@code grade} contract of DESIGN.md as JSON, in one place for the command line and the HTTP
 * API's {@code POST /api/v1/check}: a request {@code {id, function, variable, answer}} in, the
 * response {@code {id, verdict, interpretedAs, misconceptions, ms, error?}} out.
 */
public final class GradeResponse {

    /** The fields a request must have, each a string. */
    public static final List<String> REQUIRED = List.of("function", "variable", "answer");

    /** Items whose preparation (derivative, sample points, buggy derivatives) the standard grader keeps. */
    public static final int CACHED_ITEMS = 1_000;
    /** Symja decisions the standard grader keeps, per (correct answer, simplified answer). */
    public static final int CACHED_DECISIONS = 20_000;

    private GradeResponse() {
    }

    /** The grader behind the contract: Symja with its default limit and the caches above. */
    public static Grader standardGrader() {
        return new Grader(new Checker(new SymjaEquivalence(), CACHED_DECISIONS), CACHED_ITEMS);
    }

    /**
     * The response to {@code request} (null when the input was not JSON), graded by {@code grader};
     * never throws. {@code start} is the {@link System#nanoTime()} the request arrived at.
     */
    public static ObjectNode respond(Grader grader, JsonNode request, long start) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("id", request != null && request.get("id") != null && request.get("id").isValueNode()
                ? request.get("id") : JsonNodeFactory.instance.nullNode());
        Optional<Problem> problem = problemWith(request);
        if (problem.isPresent()) {
            fill(response, Grade.invalid(InputError.outsideAnswer(problem.get().message()), Duration.ZERO), start);
            return response;
        }
        Grade grade;
        try {
            grade = grader.grade(request.get("function").asText(), request.get("variable").asText(), request.get("answer").asText());
        } catch (RuntimeException | StackOverflowError e) {
            // A defect somewhere in the engine must cost this request only, not the ones after it.
            grade = Grade.invalid(InputError.outsideAnswer("the answer could not be graded"), Duration.ZERO);
        }
        fill(response, grade, start);
        return response;
    }

    /** What is wrong with a request, naming the field when one is at fault (null when the whole request is). */
    public record Problem(String message, String field) {
    }

    /** Why {@code request} cannot be graded, or empty when it can. */
    public static Optional<Problem> problemWith(JsonNode request) {
        if (request == null) {
            return Optional.of(new Problem("each request must be one JSON object such as {\"id\": \"c1\", \"function\": \"sin(x^2)\","
                    + " \"variable\": \"x\", \"answer\": \"2x cos(x^2)\"}", null));
        }
        if (!request.isObject()) {
            return Optional.of(new Problem("each request must be a JSON object, not "
                    + request.getNodeType().name().toLowerCase(Locale.ROOT), null));
        }
        for (String field : REQUIRED) {
            JsonNode value = request.get(field);
            if (value == null || value.isNull()) {
                return Optional.of(new Problem("missing field \"" + field + "\"", field));
            }
            if (!value.isTextual()) {
                return Optional.of(new Problem("field \"" + field + "\" must be a string", field));
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
