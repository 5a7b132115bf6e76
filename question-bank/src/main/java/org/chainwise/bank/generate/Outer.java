package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;

import java.util.List;
import java.util.Locale;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Rational;

/** The outer functions the bank composes, each written as a function of its input u with small constants. */
public enum Outer {
    SIN((u, dice, k) -> apply(Fn.SIN, u)),
    COS((u, dice, k) -> apply(Fn.COS, u)),
    TAN((u, dice, k) -> apply(Fn.TAN, u)),
    SEC((u, dice, k) -> apply(Fn.SEC, u)),
    EXP((u, dice, k) -> apply(Fn.EXP, u)),
    LN((u, dice, k) -> apply(Fn.LN, u)),
    SQRT((u, dice, k) -> apply(Fn.SQRT, u)),
    /** u^n for n from 2 up to 5 (bounded by the largest constant). */
    POWER((u, dice, k) -> power(u, num(dice.between(2, Math.min(5, k))))),
    /** u^-n: 1/u, 1/u^2, 1/u^3. */
    NEGATIVE_POWER((u, dice, k) -> power(u, num(-dice.between(1, 3)))),
    /** u^(p/q) with the fractions a course uses; 1/2 is {@link #SQRT}. */
    FRACTIONAL_POWER((u, dice, k) -> power(u, new Num(dice.pick(Fractions.COMMON)))),
    /** a^u for a in 2, 3, 5, 10. */
    EXPONENTIAL_BASE((u, dice, k) -> power(num(dice.pick(List.of(2, 3, 5, 10))), u)),
    ARCSIN((u, dice, k) -> apply(Fn.ASIN, u)),
    ARCTAN((u, dice, k) -> apply(Fn.ATAN, u));

    /** How one outer function is written over its input with constants drawn from the dice. */
    @FunctionalInterface
    private interface Writer {
        Expr write(Expr u, Dice dice, int maxConstant);
    }

    private final Writer writer;

    Outer(Writer writer) {
        this.writer = writer;
    }

    /** f(u) with this outer function and constants drawn from {@code dice}. */
    public Expr of(Expr u, Dice dice, int maxConstant) {
        return writer.write(u, dice, maxConstant);
    }

    /** The fractional exponents a course uses; held apart because the constants above may not name a later static field. */
    private static final class Fractions {
        static final List<Rational> COMMON = List.of(
                Rational.of(1, 3), Rational.of(2, 3), Rational.of(3, 2), Rational.of(5, 2), Rational.of(3, 4), Rational.of(-1, 2));
    }

    /** The name used in family names: {@code sin}, {@code fractional-power}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What kind of function this is, for deciding what it may be composed with. */
    public Shape shape() {
        return switch (this) {
            case EXP, EXPONENTIAL_BASE -> Shape.EXPONENTIAL;
            case LN -> Shape.LOGARITHM;
            case SQRT, POWER, NEGATIVE_POWER, FRACTIONAL_POWER -> Shape.POWER;
            default -> Shape.OTHER;
        };
    }

    /**
     * Whether this outer function over an argument of the given shape makes an exercise worth setting:
     * e^(ln x) is x, ln(e^x) is x, a power of a power is one power (or, as sqrt(x^2), |x|), and (e^x)^3 is e^(3x).
     */
    public boolean suits(Shape argument) {
        return switch (shape()) {
            case EXPONENTIAL -> argument != Shape.LOGARITHM;
            case LOGARITHM -> argument != Shape.EXPONENTIAL;
            case POWER -> argument != Shape.POWER && argument != Shape.EXPONENTIAL;
            case OTHER -> true;
        };
    }

    /** The kinds of function that must not be composed with their own inverse or their own kind. */
    public enum Shape {
        EXPONENTIAL,
        LOGARITHM,
        POWER,
        OTHER
    }
}
