package org.chainwise.engine.expr;

import java.util.Objects;

/** {@code base ^ exponent}. */
public record Power(Expr base, Expr exponent) implements Expr {

    public Power {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(exponent, "exponent");
    }
}
