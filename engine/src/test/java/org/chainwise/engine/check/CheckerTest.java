package org.chainwise.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.num;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.cas.SymjaEquivalence;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker's fixture table: function, student answer (built exactly as written, unsimplified),
 * expected outcome, comment. The teacher answer is always the derivative of the function.
 */
class CheckerTest {

    private static final Var X = new Var("x");
    private static final Checker CHECKER = new Checker(new SymjaEquivalence(Duration.ofSeconds(5)), 100);

    @BeforeAll
    static void warm() {
        SymjaEquivalence.warmUp();
    }

    // Builders that keep what they are given, as the parser does.
    private static Expr times(Expr... factors) {
        return new Product(List.of(factors));
    }

    private static Expr plus(Expr... terms) {
        return new Sum(List.of(terms));
    }

    private static Expr pow(Expr base, long exponent) {
        return new Power(base, Num.of(exponent));
    }

    private static Expr pow(Expr base, long numerator, long denominator) {
        return new Power(base, new Num(Rational.of(numerator, denominator)));
    }

    private static Expr over(Expr numerator, Expr denominator) {
        return times(numerator, pow(denominator, -1));
    }

    private static Expr neg(Expr e) {
        return times(Num.MINUS_ONE, e);
    }

    private static Expr n(long value) {
        return Num.of(value);
    }

    private static Expr sin(Expr u) {
        return new Apply(Fn.SIN, u);
    }

    private static Expr cos(Expr u) {
        return new Apply(Fn.COS, u);
    }

    private static Expr tan(Expr u) {
        return new Apply(Fn.TAN, u);
    }

    private static Expr sec(Expr u) {
        return new Apply(Fn.SEC, u);
    }

    private static Expr exp(Expr u) {
        return new Apply(Fn.EXP, u);
    }

    private static Expr ln(Expr u) {
        return new Apply(Fn.LN, u);
    }

    private static Expr sqrt(Expr u) {
        return new Apply(Fn.SQRT, u);
    }

    private static final Expr X2 = pow(X, 2);
    private static final Expr LINEAR = plus(times(n(3), X), n(1));

    static Stream<Arguments> fixtures() {
        Expr sinX2 = sin(X2);
        Expr square = pow(LINEAR, 2);
        Expr e2x = exp(times(n(2), X));
        Expr sinCubed = pow(sin(X), 3);
        Expr sinCos = sin(cos(X));
        Expr threeLayers = sin(square);
        Expr expSinX2 = exp(sin(X2));
        return Stream.of(
                // sin(x²)
                Arguments.of(sinX2, times(n(2), X, cos(X2)), CheckOutcome.CONFIRMED, "the textbook form"),
                Arguments.of(sinX2, times(cos(X2), times(n(2), X)), CheckOutcome.CONFIRMED, "unsimplified product"),
                Arguments.of(sinX2, times(X, cos(X2)), CheckOutcome.DIFFERS_NUMERICALLY, "off by a constant factor"),
                Arguments.of(sinX2, times(n(-2), X, cos(X2)), CheckOutcome.DIFFERS_NUMERICALLY, "off by a sign"),
                Arguments.of(sinX2, times(n(2), X2, cos(X2)), CheckOutcome.DIFFERS_NUMERICALLY, "exponent off by one"),
                Arguments.of(sinX2, plus(times(n(2), X, cos(X2)), new Num(Rational.of(1, 1_000_000_000_000L))),
                        CheckOutcome.REFUTED_SYMBOLICALLY, "a difference below the numeric tolerance"),
                // (3x+1)²
                Arguments.of(square, times(n(6), LINEAR), CheckOutcome.CONFIRMED, "factored"),
                Arguments.of(square, plus(times(n(18), X), n(6)), CheckOutcome.CONFIRMED, "expanded polynomial"),
                Arguments.of(square, times(n(2), LINEAR, n(3)), CheckOutcome.CONFIRMED, "unsimplified product"),
                Arguments.of(square, times(n(2), LINEAR), CheckOutcome.DIFFERS_NUMERICALLY, "inner factor missing"),
                Arguments.of(square, times(n(6), pow(LINEAR, 2)), CheckOutcome.DIFFERS_NUMERICALLY, "exponent not lowered"),
                Arguments.of(square, times(n(3), LINEAR), CheckOutcome.DIFFERS_NUMERICALLY, "off by a constant factor"),
                // e^(2x)
                Arguments.of(e2x, times(n(2), new Power(Const.E, times(n(2), X))), CheckOutcome.CONFIRMED, "e^ written as a power"),
                Arguments.of(e2x, times(n(2), pow(exp(X), 2)), CheckOutcome.CONFIRMED, "(e^x)^2"),
                Arguments.of(e2x, times(n(2), exp(X), exp(X)), CheckOutcome.CONFIRMED, "e^x e^x"),
                Arguments.of(e2x, e2x, CheckOutcome.DIFFERS_NUMERICALLY, "inner factor missing"),
                Arguments.of(e2x, times(n(2), X, exp(plus(times(n(2), X), n(-1)))), CheckOutcome.DIFFERS_NUMERICALLY, "power rule on e^u"),
                Arguments.of(e2x, times(n(-2), e2x), CheckOutcome.DIFFERS_NUMERICALLY, "off by a sign"),
                // (sin x)³
                Arguments.of(sinCubed, times(n(3), pow(sin(X), 2), cos(X)), CheckOutcome.CONFIRMED, "the textbook form"),
                Arguments.of(sinCubed, times(n(3), plus(n(1), neg(pow(cos(X), 2))), cos(X)), CheckOutcome.CONFIRMED, "Pythagoras"),
                Arguments.of(sinCubed, times(n(3), sin(X), cos(X), sin(X)), CheckOutcome.CONFIRMED, "unsimplified product"),
                Arguments.of(sinCubed, times(n(3), pow(sin(X), 3), cos(X)), CheckOutcome.DIFFERS_NUMERICALLY, "exponent not lowered"),
                Arguments.of(sinCubed, times(n(3), pow(sin(X), 2)), CheckOutcome.DIFFERS_NUMERICALLY, "inner factor missing"),
                Arguments.of(sinCubed, times(n(3), pow(cos(X), 2)), CheckOutcome.DIFFERS_NUMERICALLY, "derivatives composed"),
                // sin(cos x)
                Arguments.of(sinCos, neg(times(sin(X), cos(cos(X)))), CheckOutcome.CONFIRMED, "the textbook form"),
                Arguments.of(sinCos, times(cos(cos(X)), neg(sin(X))), CheckOutcome.CONFIRMED, "unsimplified"),
                Arguments.of(sinCos, times(cos(cos(X)), sin(X)), CheckOutcome.DIFFERS_NUMERICALLY, "off by a sign"),
                Arguments.of(sinCos, cos(neg(sin(X))), CheckOutcome.DIFFERS_NUMERICALLY, "derivatives composed"),
                // three layers: sin((3x+1)²) and e^(sin(x²))
                Arguments.of(threeLayers, times(n(6), LINEAR, cos(square)), CheckOutcome.CONFIRMED, "the textbook form"),
                Arguments.of(threeLayers, times(plus(times(n(18), X), n(6)), cos(plus(times(n(9), X2), times(n(6), X), n(1)))),
                        CheckOutcome.CONFIRMED, "expanded inside and out"),
                Arguments.of(threeLayers, times(n(2), LINEAR, cos(square)), CheckOutcome.DIFFERS_NUMERICALLY, "innermost factor missing"),
                Arguments.of(threeLayers, times(n(6), LINEAR, cos(X)), CheckOutcome.DIFFERS_NUMERICALLY, "outer derivative read at x"),
                Arguments.of(expSinX2, times(n(2), X, cos(X2), exp(sin(X2))), CheckOutcome.CONFIRMED, "the textbook form"),
                Arguments.of(expSinX2, times(cos(X2), exp(sin(X2))), CheckOutcome.DIFFERS_NUMERICALLY, "innermost factor missing"),
                // trigonometric, logarithmic and power identities
                Arguments.of(tan(X2), times(n(2), X, pow(cos(X2), -2)), CheckOutcome.CONFIRMED, "1/cos² for sec²"),
                Arguments.of(tan(X2), times(n(2), X, plus(n(1), pow(tan(X2), 2))), CheckOutcome.CONFIRMED, "1 + tan² for sec²"),
                Arguments.of(sin(times(n(2), X)), times(n(2), plus(pow(cos(X), 2), neg(pow(sin(X), 2)))), CheckOutcome.CONFIRMED, "double angle"),
                Arguments.of(pow(sin(X), 2), sin(times(n(2), X)), CheckOutcome.CONFIRMED, "2 sin x cos x as sin 2x"),
                Arguments.of(ln(cos(X2)), neg(times(n(2), X, over(sin(X2), cos(X2)))), CheckOutcome.CONFIRMED, "sin/cos for tan"),
                Arguments.of(sqrt(LINEAR), times(new Num(Rational.of(3, 2)), pow(LINEAR, -1, 2)), CheckOutcome.CONFIRMED, "negative fractional power"),
                Arguments.of(sqrt(LINEAR), over(n(3), times(n(2), sqrt(LINEAR))), CheckOutcome.CONFIRMED, "over a square root"),
                Arguments.of(pow(X, 1, 2), times(new Num(Rational.of(1, 2)), pow(sqrt(X), -1)), CheckOutcome.CONFIRMED, "x^(-1/2) as 1/sqrt(x)"),
                Arguments.of(sin(ln(X2)), over(times(n(2), cos(times(n(2), ln(X)))), X), CheckOutcome.CONFIRMED_FOR_POSITIVE,
                        "log rule, valid where both are defined"),
                Arguments.of(ln(X2), times(n(2), pow(X, -1)), CheckOutcome.CONFIRMED, "2/x"),
                Arguments.of(sqrt(LINEAR), over(n(3), sqrt(LINEAR)), CheckOutcome.DIFFERS_NUMERICALLY, "the ½ of √ missing"),
                // an answer defined at none of the function's points
                Arguments.of(sinX2, ln(plus(n(-1), neg(X2))), CheckOutcome.NOT_COMPARABLE, "defined nowhere"));
    }

    @ParameterizedTest(name = "{3}: {1}")
    @MethodSource("fixtures")
    void checks(Expr function, Expr student, CheckOutcome expected, String comment) {
        ReferenceAnswer reference = ReferenceAnswer.of(Derivative.of(function, "x"), "x");
        assertThat(CHECKER.check(reference, student)).as(comment).isEqualTo(expected);
    }

    @Test
    void anUndecidedCasLeadsToTheDenseScreen() {
        // A checker whose CAS can never answer in time still accepts a right answer on numeric evidence only.
        Checker hasty = new Checker(new SymjaEquivalence(Duration.ZERO), 10);
        ReferenceAnswer reference = ReferenceAnswer.of(Derivative.of(sin(pow(X, 2)), "x"), "x");
        assertThat(hasty.check(reference, times(cos(X2), n(2), X))).isEqualTo(CheckOutcome.NUMERIC_EVIDENCE);
        assertThat(hasty.check(reference, times(cos(X2), n(3), X))).isEqualTo(CheckOutcome.DIFFERS_NUMERICALLY);
        // A tiny added term could hide below the tolerance: without Symja it is not accepted.
        Expr tinyTerm = plus(times(n(2), X, cos(X2)), times(new Power(n(10), n(-30)), sin(X)));
        assertThat(hasty.check(reference, tinyTerm)).isEqualTo(CheckOutcome.UNCONFIRMED);
    }

    @Test
    void ordinaryConstantsAreThoseANumericScreenCanSee() {
        assertThat(Checker.hasOnlyOrdinaryConstants(times(n(2), X, cos(X2)), "x")).isTrue();
        assertThat(Checker.hasOnlyOrdinaryConstants(plus(X, exp(n(-200))), "x")).isFalse();
        assertThat(Checker.hasOnlyOrdinaryConstants(plus(X, new Power(n(10), n(12))), "x")).isFalse();
        assertThat(Checker.hasOnlyOrdinaryConstants(plus(X, num(0)), "x")).isTrue();
    }
}
