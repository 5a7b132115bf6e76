package org.chainwise.api.web;

import io.micronaut.serde.annotation.Serdeable;

/** The one shape of every error the api answers: {@code {"error": {"code", "message", "field"}}}. */
@Serdeable
public record ApiError(Detail error) {

    /** A stable machine code, a message a person can act on, and the request field at fault (or null). */
    @Serdeable
    public record Detail(String code, String message, String field) {
    }
}
