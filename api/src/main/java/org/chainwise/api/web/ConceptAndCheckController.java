package org.chainwise.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.Checks;
import org.chainwise.api.service.Concepts;

/**
 * {@code GET /api/v1/concepts/{key}}: a part of the chain-rule page (such as
 * {@code misconception:OUTER_AT_X}, the repair a diagnosis points at); {@code POST /api/v1/check}:
 * the {@code grade} contract. Both need a session.
 */
@Controller("/api/v1")
class ConceptAndCheckController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16_384;

    private final Concepts concepts;
    private final Checks checks;

    ConceptAndCheckController(Concepts concepts, Checks checks) {
        this.concepts = concepts;
        this.checks = checks;
    }

    @Get("/concepts/{+key}")
    @Produces(MediaType.APPLICATION_JSON)
    String concept(Actor actor, @PathVariable String key) {
        return concepts.byKey(key).orElseThrow(() -> ApiException.notFound("unknown_concept",
                "The chain-rule page has no part keyed \"" + (key.length() > 60 ? key.substring(0, 60) + "…" : key)
                        + "\"; keys look like misconception:OUTER_AT_X or equation:chain-rule."));
    }

    @Post(value = "/check", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    String check(Actor actor, @Body String body) {
        if (body.length() > MAX_BODY) {
            throw ApiException.badRequest("request_too_large", "A check request is at most " + MAX_BODY + " characters.", null);
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            request = null;
        }
        return checks.check(request);
    }
}
