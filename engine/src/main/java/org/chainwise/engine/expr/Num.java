package org.chainwise.engine.expr;

import java.util.Objects;

/** An exact rational constant. */
public record Num(Rational value) implements Expr {

    public static final Num ZERO = new Num(Rational.ZERO);
    public static final Num ONE = new Num(Rational.ONE);
    public static final Num MINUS_ONE = new Num(Rational.MINUS_ONE);

    public Num {
        Objects.requireNonNull(value, "value");
    }

    public static Num of(long integer) {
        return new Num(Rational.of(integer));
    }

    public static Num of(long numerator, long denominator) {
        return new Num(Rational.of(numerator, denominator));
    }
}
