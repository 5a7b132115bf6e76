package org.chainwise.api.web;

import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code GET /health}: {@code status} is {@code up} or {@code down}. */
@Serdeable
public record Health(String status, boolean databaseReachable) {
}
