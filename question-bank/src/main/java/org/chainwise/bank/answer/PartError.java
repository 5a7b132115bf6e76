package org.chainwise.bank.answer;

import java.util.Objects;
import org.chainwise.engine.check.InputError;

/** Why one part of an answer (such as {@code answer}, or {@code f} of a decomposition) is invalid. */
public record PartError(String part, InputError error) {

    public PartError {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(error, "error");
    }
}
