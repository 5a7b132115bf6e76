package org.chainwise.engine.expr;

import java.util.Objects;

/** An elementary function applied to one argument: {@code sin(x^2)}. */
public record Apply(Fn function, Expr argument) implements Expr {

    public Apply {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(argument, "argument");
    }
}
