package org.chainwise.bank.item;

import java.util.Objects;

/**
 * One named part of a canonical answer, as a function of {@code variable}: most items have one part
 * named {@code answer}; a decomposition has {@code f} (of u) and {@code g} (of x).
 */
public record AnswerPart(String name, String variable, Formula value) {

    public AnswerPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
    }
}
