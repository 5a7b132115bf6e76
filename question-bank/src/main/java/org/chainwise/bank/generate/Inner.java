package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.List;
import java.util.Locale;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Var;

/**
 * The innermost functions of x. Complexity 1 is the bare shape ({@code x^2}, {@code sin(x)}), 2 adds
 * a coefficient or a shift, 3 adds a further term.
 */
public enum Inner {
    /** a x + b, never the bare x. */
    LINEAR {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            int a = complexity == 1 ? dice.between(2, maxConstant) : dice.nonZero(maxConstant);
            int b = dice.nonZero(maxConstant);
            return sum(product(num(a), x), num(b));
        }
    },
    /** x^n, then a x^n + c, then a x^n + b x + c. */
    POLYNOMIAL {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            Expr leading = product(num(complexity == 1 ? 1 : dice.between(1, maxConstant)), power(x, num(dice.between(2, 3))));
            return switch (complexity) {
                case 1 -> leading;
                case 2 -> sum(leading, num(dice.nonZero(maxConstant)));
                default -> sum(leading, product(num(dice.nonZero(maxConstant)), x), num(dice.nonZero(maxConstant)));
            };
        }
    },
    /** sin x, cos x or tan x, then of k x, then with a shift. */
    TRIG {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            Fn f = dice.pick(List.of(Fn.SIN, Fn.COS, Fn.TAN));
            return apply(f, scaledAndShifted(x, dice, complexity, maxConstant));
        }
    },
    /** e^x, then e^(k x) (decay e^(-x) too), then e^(k x + b). */
    EXPONENTIAL {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            if (complexity == 2 && dice.chance(0.4)) {
                return apply(Fn.EXP, product(num(-dice.between(1, maxConstant)), x));
            }
            return apply(Fn.EXP, scaledAndShifted(x, dice, complexity, maxConstant));
        }
    },
    /** ln x, then ln(a x + b), then ln(x^2 + c). */
    LOGARITHMIC {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            return apply(Fn.LN, radicand(x, dice, complexity, maxConstant));
        }
    },
    /** sqrt(x), then sqrt(a x + b), then sqrt(x^2 + c). */
    ROOT {
        @Override
        public Expr of(Var x, Dice dice, int complexity, int maxConstant) {
            return apply(Fn.SQRT, radicand(x, dice, complexity, maxConstant));
        }
    };

    /** g(x) with this shape, at the given complexity (1 to 3), with constants up to {@code maxConstant}. */
    public abstract Expr of(Var x, Dice dice, int complexity, int maxConstant);

    /** The name used in family names: {@code linear}, {@code root}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What kind of function g is at {@code complexity}: a bare x^n or root is a power, for instance. */
    public Outer.Shape shape(int complexity) {
        return switch (this) {
            case EXPONENTIAL -> Outer.Shape.EXPONENTIAL;
            case LOGARITHMIC -> Outer.Shape.LOGARITHM;
            case ROOT -> Outer.Shape.POWER;
            case POLYNOMIAL -> complexity == 1 ? Outer.Shape.POWER : Outer.Shape.OTHER;
            case LINEAR, TRIG -> Outer.Shape.OTHER;
        };
    }

    private static Expr scaledAndShifted(Var x, Dice dice, int complexity, int maxConstant) {
        return switch (complexity) {
            case 1 -> x;
            case 2 -> product(num(dice.between(2, maxConstant)), x);
            default -> sum(product(num(dice.between(2, maxConstant)), x), num(dice.nonZero(maxConstant)));
        };
    }

    /** An argument that is positive on a good part of the line, so ln and sqrt are defined there. */
    private static Expr radicand(Var x, Dice dice, int complexity, int maxConstant) {
        return switch (complexity) {
            case 1 -> x;
            case 2 -> sum(product(num(dice.between(2, maxConstant)), x), num(dice.nonZero(maxConstant)));
            default -> sum(power(x, num(2)), num(dice.between(1, maxConstant)));
        };
    }
}
