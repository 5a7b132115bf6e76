package org.chainwise.engine.check;

import java.util.Objects;

/**
 * Why an answer is invalid: a message a student understands and the 1-based position of the offending
 * character in the answer, or {@link #NOT_IN_ANSWER} when the fault is elsewhere (the request, the item).
 */
public record InputError(String message, int position) {

    /** The position of an error that does not lie in the answer's text. */
    public static final int NOT_IN_ANSWER = 0;

    public InputError {
        Objects.requireNonNull(message, "message");
        if (position < 0) {
            throw new IllegalArgumentException("positions are 1-based, or 0 outside the answer: " + position);
        }
    }

    /** An error that is not located in the answer's text. */
    public static InputError outsideAnswer(String message) {
        return new InputError(message, NOT_IN_ANSWER);
    }
}
