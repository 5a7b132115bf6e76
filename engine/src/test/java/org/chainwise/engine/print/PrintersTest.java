package org.chainwise.engine.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.difference;
import static org.chainwise.engine.expr.Algebra.negate;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.sum;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintersTest {

    private static final Var X = new Var("x");

    /** Expression, plain text, LaTeX. */
    static Stream<Arguments> examples() {
        return Stream.of(
                arguments(Derivative.of(apply(Fn.SIN, power(X, num(2))), "x"), "2*x*cos(x^2)", "2x\\cos\\left(x^{2}\\right)"),
                arguments(negate(apply(Fn.SIN, X)), "-sin(x)", "-\\sin\\left(x\\right)"),
                arguments(difference(X, num(3)), "x - 3", "x-3"),
                arguments(quotient(apply(Fn.COS, X), product(num(2), apply(Fn.SQRT, X))),
                        "cos(x)/(2*sqrt(x))", "\\frac{\\cos\\left(x\\right)}{2\\sqrt{x}}"),
                arguments(Derivative.of(apply(Fn.SQRT, X), "x"), "1/(2*sqrt(x))", "\\frac{1}{2\\sqrt{x}}"),
                arguments(apply(Fn.EXP, product(num(2), X)), "e^(2*x)", "e^{2x}"),
                arguments(apply(Fn.EXP, X), "e^x", "e^{x}"),
                arguments(apply(Fn.EXP, negate(X)), "e^(-x)", "e^{-x}"),
                arguments(power(sum(product(num(3), X), num(1)), num(2)), "(3*x + 1)^2", "\\left(3x+1\\right)^{2}"),
                arguments(power(apply(Fn.SIN, X), num(3)), "sin(x)^3", "\\sin^{3}\\left(x\\right)"),
                arguments(num(Rational.of(1, 2)), "1/2", "\\frac{1}{2}"),
                arguments(num(Rational.of(-3, 4)), "-3/4", "-\\frac{3}{4}"),
                arguments(num(-5), "-5", "-5"),
                arguments(product(num(Rational.of(1, 2)), X), "x/2", "\\frac{x}{2}"),
                arguments(product(num(Rational.of(-3, 2)), X), "-3*x/2", "-\\frac{3x}{2}"),
                arguments(power(X, num(Rational.of(1, 2))), "x^(1/2)", "x^{\\frac{1}{2}}"),
                arguments(power(X, Num.MINUS_ONE), "1/x", "\\frac{1}{x}"),
                arguments(power(X, num(-2)), "1/x^2", "\\frac{1}{x^{2}}"),
                arguments(power(X, num(Rational.of(-1, 2))), "1/x^(1/2)", "\\frac{1}{x^{\\frac{1}{2}}}"),
                arguments(new Product(num(2), num(3)), "2*3", "2\\cdot 3"),
                arguments(new Product(X, num(2)), "x*2", "x\\cdot 2"),
                arguments(new Product(num(2), new Power(num(3), X)), "2*3^x", "2\\cdot 3^{x}"),
                arguments(product(num(2), Const.PI, X), "2*pi*x", "2\\pi x"),
                arguments(new Product(Const.E, X), "e*x", "e x"),
                arguments(new Sum(X, negate(sum(X, num(1)))), "x - (x + 1)", "x-\\left(x+1\\right)"),
                arguments(sum(power(X, num(2)), product(num(-3), X), num(2)), "x^2 - 3*x + 2", "x^{2}-3x+2"),
                arguments(new Sum(X, new Sum(X, num(1))), "x + (x + 1)", "x+\\left(x+1\\right)"),
                arguments(new Power(num(-2), X), "(-2)^x", "\\left(-2\\right)^{x}"),
                arguments(new Product(X, num(-3)), "x*(-3)", "x\\left(-3\\right)"),
                arguments(new Power(new Power(X, num(2)), num(3)), "(x^2)^3", "\\left(x^{2}\\right)^{3}"),
                arguments(new Power(num(2), new Power(num(3), num(2))), "2^(3^2)", "2^{3^{2}}"),
                arguments(new Power(new Apply(Fn.EXP, X), num(2)), "(e^x)^2", "\\left(e^{x}\\right)^{2}"),
                arguments(new Power(new Apply(Fn.SQRT, X), num(3)), "sqrt(x)^3", "\\left(\\sqrt{x}\\right)^{3}"),
                arguments(new Power(new Apply(Fn.SIN, X), num(Rational.of(1, 2))),
                        "sin(x)^(1/2)", "\\left(\\sin\\left(x\\right)\\right)^{\\frac{1}{2}}"),
                arguments(new Power(new Power(new Apply(Fn.SIN, X), num(2)), num(3)),
                        "(sin(x)^2)^3", "\\left(\\sin^{2}\\left(x\\right)\\right)^{3}"),
                arguments(new Apply(Fn.ASIN, X), "arcsin(x)", "\\arcsin\\left(x\\right)"),
                arguments(power(apply(Fn.LN, X), Num.MINUS_ONE), "1/ln(x)", "\\frac{1}{\\ln\\left(x\\right)}"),
                arguments(negate(power(X, num(2))), "-x^2", "-x^{2}"),
                arguments(new Power(negate(X), num(2)), "(-x)^2", "\\left(-x\\right)^{2}"),
                arguments(new Sum(negate(X), X), "-x + x", "-x+x"),
                arguments(new Product(Num.ONE, X), "1*x", "1x"),
                arguments(new Power(X, negate(X)), "x^(-x)", "x^{-x}"),
                arguments(new Product(new Sum(X, num(1)), new Power(new Sum(X, num(-1)), Num.MINUS_ONE)), "(x + 1)/(x - 1)",
                        "\\frac{x+1}{x-1}"),
                arguments(new Power(X, new Apply(Fn.SIN, X)), "x^(sin(x))", "x^{\\sin\\left(x\\right)}"),
                arguments(new Power(Const.E, X), "e^x", "e^{x}"),
                arguments(new Product(X, new Sum(X, num(1))), "x*(x + 1)", "x\\left(x+1\\right)"),
                arguments(new Product(new Sum(X, num(1)), new Sum(X, num(-1))), "(x + 1)*(x - 1)",
                        "\\left(x+1\\right)\\left(x-1\\right)"),
                arguments(new Product(X, new Product(num(2), X)), "x*2*x", "x\\cdot 2x"),
                arguments(new Product(num(2), new Product(num(-1), X)), "2*(-x)", "2\\left(-x\\right)"),
                arguments(new Product(X, new Power(new Product(num(2), X), Num.MINUS_ONE)), "x/(2*x)", "\\frac{x}{2x}"),
                arguments(new Product(X, new Power(new Sum(X, num(1)), Num.MINUS_ONE)), "x/(x + 1)", "\\frac{x}{x+1}"),
                arguments(new Power(new Product(X, new Power(num(2), Num.MINUS_ONE)), num(2)), "(x/2)^2",
                        "\\left(\\frac{x}{2}\\right)^{2}"),
                arguments(new Power(new Power(X, Num.MINUS_ONE), num(2)), "(1/x)^2", "\\left(\\frac{1}{x}\\right)^{2}"),
                arguments(Derivative.of(apply(Fn.TAN, apply(Fn.EXP, apply(Fn.SIN, X))), "x"),
                        "sec(e^(sin(x)))^2*e^(sin(x))*cos(x)",
                        "\\sec^{2}\\left(e^{\\sin\\left(x\\right)}\\right)e^{\\sin\\left(x\\right)}\\cos\\left(x\\right)"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void printsPlainText(Expr e, String plain, String latex) {
        assertThat(PlainText.print(e)).isEqualTo(plain);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void printsLatex(Expr e, String plain, String latex) {
        assertThat(Latex.print(e)).isEqualTo(latex);
    }
}
