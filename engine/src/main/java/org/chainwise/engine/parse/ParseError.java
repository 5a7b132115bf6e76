package org.chainwise.engine.parse;

import java.util.Objects;

/**
 * Why a text is not an acceptable answer: a stable code (such as {@code UNKNOWN_FUNCTION}), a message
 * a student understands, and the span of the offending characters.
 */
public record ParseError(String code, String message, Span span) {

    public ParseError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }
}
