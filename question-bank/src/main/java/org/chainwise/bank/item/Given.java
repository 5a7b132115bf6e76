package org.chainwise.bank.item;

import java.util.Objects;

/**
 * A named quantity the stem gives the student: the point {@code x}, the nudge {@code dx}, an edge's
 * local derivative {@code du/dx} of a computation graph, a partial derivative of a Jacobian.
 */
public record Given(String name, Formula value) {

    public Given {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
