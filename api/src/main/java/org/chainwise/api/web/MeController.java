package org.chainwise.api.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import org.chainwise.api.identity.Actor;

/** {@code GET /api/v1/me}: who the request's session acts as. */
@Controller("/api/v1/me")
class MeController {

    @Serdeable
    record Me(long userId, long courseId, String role) {
    }

    @Get
    Me me(Actor actor) {
        return new Me(actor.userId(), actor.courseId(), actor.role().wireName());
    }
}
