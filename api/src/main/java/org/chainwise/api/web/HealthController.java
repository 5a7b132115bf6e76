package org.chainwise.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.chainwise.api.store.DatabaseProbe;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. */
@Controller("/health")
class HealthController {

    private final DatabaseProbe database;

    HealthController(DatabaseProbe database) {
        this.database = database;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Health> health() {
        boolean reachable = database.reachable();
        Health health = new Health(reachable ? "up" : "down", reachable);
        return HttpResponse.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }
}
