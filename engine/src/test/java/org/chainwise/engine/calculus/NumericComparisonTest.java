package org.chainwise.engine.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.sum;

import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.api.Test;

class NumericComparisonTest {

    private static final Var X = new Var("x");

    private static Agreement compare(Expr expected, Expr actual) {
        NumericFunction reference = NumericFunction.compile(expected, "x");
        return NumericComparison.compare(reference, NumericFunction.compile(actual, "x"), SamplePoints.forFunction(reference));
    }

    @Test
    void trigIdentityIsTheSame() {
        Expr doubleAngle = apply(Fn.SIN, product(num(2), X));
        Expr expanded = product(num(2), apply(Fn.SIN, X), apply(Fn.COS, X));
        assertThat(compare(doubleAngle, expanded)).isEqualTo(Agreement.SAME);
    }

    @Test
    void logRuleIsComparedWhereBothAreDefined() {
        Expr reference = quotient(num(2), X);
        Expr viaLogRule = Derivative.of(product(num(2), apply(Fn.LN, X)), "x");
        assertThat(compare(reference, viaLogRule)).isEqualTo(Agreement.SAME);
    }

    @Test
    void constantFactorOffIsDifferent() {
        Expr reference = product(num(2), X, apply(Fn.COS, power(X, num(2))));
        assertThat(compare(reference, product(X, apply(Fn.COS, power(X, num(2)))))).isEqualTo(Agreement.DIFFERENT);
        assertThat(compare(reference, product(num(-2), X, apply(Fn.COS, power(X, num(2)))))).isEqualTo(Agreement.DIFFERENT);
    }

    @Test
    void anAnswerDefinedNowhereIsInconclusive() {
        Expr nowhere = apply(Fn.LN, sum(num(-1), product(num(-1), power(X, num(2)))));
        assertThat(compare(X, nowhere)).isEqualTo(Agreement.INCONCLUSIVE);
    }

    @Test
    void pointsAvoidTheReferencesPolesAndGaps() {
        NumericFunction reference = NumericFunction.compile(apply(Fn.LN, X), "x");
        SamplePoints points = SamplePoints.forFunction(reference);
        assertThat(points.size()).isEqualTo(SamplePoints.DEFAULT_COUNT);
        assertThat(points.points()).allSatisfy(p -> assertThat(p[0]).isPositive());
        assertThat(SamplePoints.forFunction(reference)).isEqualTo(points);
    }
}
