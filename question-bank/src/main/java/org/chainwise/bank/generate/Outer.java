package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;

import java.util.List;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Rational;

/** The outer functions the bank composes, each written as a function of its input u with small constants. */
public enum Outer {
    SIN {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.SIN, u);
        }
    },
    COS {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.COS, u);
        }
    },
    TAN {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.TAN, u);
        }
    },
    SEC {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.SEC, u);
        }
    },
    EXP {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.EXP, u);
        }
    },
    LN {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.LN, u);
        }
    },
    SQRT {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.SQRT, u);
        }
    },
    /** u^n for n from 2 up to 5 (bounded by the largest constant). */
    POWER {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return power(u, num(dice.between(2, Math.min(5, maxConstant))));
        }
    },
    /** u^-n: 1/u, 1/u^2, 1/u^3. */
    NEGATIVE_POWER {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return power(u, num(-dice.between(1, 3)));
        }
    },
    /** u^(p/q) with the fractions a course uses; 1/2 is {@link #SQRT}. */
    FRACTIONAL_POWER {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return power(u, new Num(dice.pick(FRACTIONS)));
        }
    },
    /** a^u for a in 2, 3, 5, 10. */
    EXPONENTIAL_BASE {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return power(num(dice.pick(List.of(2, 3, 5, 10))), u);
        }
    },
    ARCSIN {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.ASIN, u);
        }
    },
    ARCTAN {
        @Override
        public Expr of(Expr u, Dice dice, int maxConstant) {
            return apply(Fn.ATAN, u);
        }
    };

    private static final List<Rational> FRACTIONS = List.of(
            Rational.of(1, 3), Rational.of(2, 3), Rational.of(3, 2), Rational.of(5, 2), Rational.of(3, 4), Rational.of(-1, 2));

    /** f(u) with this outer function and constants drawn from {@code dice}. */
    public abstract Expr of(Expr u, Dice dice, int maxConstant);

    /** The name used in family names: {@code sin}, {@code fractional-power}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
     * e^(ln x) is x, ln(e^x) is x, and a power of a power is one power (or, as sqrt(x^2), |x|).
     */
    public boolean suits(Shape argument) {
        return switch (shape()) {
            case EXPONENTIAL -> argument != Shape.LOGARITHM;
            case LOGARITHM -> argument != Shape.EXPONENTIAL;
            case POWER -> argument != Shape.POWER;
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
