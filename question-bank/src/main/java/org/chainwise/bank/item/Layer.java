package org.chainwise.bank.item;

import java.util.Objects;

/**
 * One layer of a composition, numbered from 1 at the outside, written as a function of its own
 * input: {@code sin(u)} of {@code u} for the outer layer of {@code sin(x^2)}, {@code x^2} of {@code x} inside.
 */
public record Layer(int number, String variable, Formula function) {

    public Layer {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(function, "function");
        if (number < 1) {
            throw new IllegalArgumentException("layers are numbered from 1, got " + number);
        }
    }
}
