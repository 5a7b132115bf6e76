package org.chainwise.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.chainwise.api.web.ApiException;
import org.chainwise.engine.cli.GradeResponse;

/**
 * {@code POST /api/v1/check}: the {@code grade} contract of DESIGN.md over HTTP, through the same
 * {@link GradeResponse} the command line uses and the grader the practice routes share. A request
 * that is not a grade request (not an object, a field missing or not a string) is a 400 naming the
 * field; an answer that cannot be read is, as in the contract, a 200 with verdict {@code invalid}.
 */
@Singleton
public class Checks {

    private final PracticeEngine engine;

    Checks(PracticeEngine engine) {
        this.engine = engine;
    }

    /** The response object of the contract, as JSON text. */
    public String check(JsonNode request) {
        long start = System.nanoTime();
        GradeResponse.problemWith(request).ifPresent(problem -> {
            throw ApiException.badRequest(problem.field() == null ? "invalid_request" : "invalid_" + problem.field(),
                    problem.message(), problem.field());
        });
        return GradeResponse.respond(engine.parts().grader(), request, start).toString();
    }
}
