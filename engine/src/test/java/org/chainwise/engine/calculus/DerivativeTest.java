package org.chainwise.engine.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DerivativeTest {

    private static final Var X = new Var("x");

    static Stream<Expr> functions() {
        return Stream.of(
                apply(Fn.SIN, power(X, num(2))),
                power(sum(product(num(3), X), num(1)), num(2)),
                apply(Fn.EXP, product(num(2), X)),
                power(apply(Fn.SIN, X), num(3)),
                apply(Fn.SIN, apply(Fn.COS, X)),
                apply(Fn.LN, sum(power(X, num(2)), num(1))),
                apply(Fn.SQRT, sum(product(num(4), X), num(1))),
                apply(Fn.TAN, apply(Fn.EXP, apply(Fn.SIN, X))),
                apply(Fn.ATAN, product(num(3), X)),
                apply(Fn.ASIN, product(num(Rational.of(1, 2)), X)),
                power(num(2), apply(Fn.COS, X)),
                power(X, X),
                apply(Fn.SEC, power(X, num(3))),
                apply(Fn.COT, sum(X, num(1))),
                power(sum(power(X, num(2)), num(1)), num(Rational.of(-3, 2))));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void agreesWithCentralDifferences(Expr f) {
        NumericFunction value = NumericFunction.compile(f, "x");
        NumericFunction derivative = NumericFunction.compile(Derivative.of(f, "x"), "x");
        for (double x : new double[] {0.3, 0.7, 1.1, 1.9}) {
            double h = 1e-5;
            double expected = (value.evaluate(x + h) - value.evaluate(x - h)) / (2 * h);
            assertThat(derivative.evaluate(x)).as("%s at %s", f, x)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void chainRuleResultIsWrittenAsATeacherWouldWriteIt() {
        Expr derivative = Derivative.of(apply(Fn.SIN, power(X, num(2))), "x");
        assertThat(derivative).isEqualTo(new Product(List.of(num(2), X, apply(Fn.COS, power(X, num(2))))));
    }

    @Test
    void constantsDifferentiateToZero() {
        assertThat(Derivative.of(apply(Fn.SIN, num(2)), "x")).isEqualTo(Num.ZERO);
        assertThat(Derivative.of(new Var("y"), "x")).isEqualTo(Num.ZERO);
    }

    @Test
    void realOddRootsOfNegativeNumbers() {
        NumericFunction cubeRoot = NumericFunction.compile(power(X, num(Rational.of(1, 3))), "x");
        assertThat(cubeRoot.evaluate(-8)).isCloseTo(-2, org.assertj.core.data.Offset.offset(1e-12));
        NumericFunction squareRoot = NumericFunction.compile(power(X, num(Rational.of(1, 2))), "x");
        assertThat(squareRoot.evaluate(-4)).isNaN();
    }
}
