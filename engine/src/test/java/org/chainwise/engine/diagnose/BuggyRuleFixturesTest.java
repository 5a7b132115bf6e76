package org.chainwise.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.diagnose.Misconception.ADDED_NOT_MULTIPLIED;
import static org.chainwise.engine.diagnose.Misconception.COMPOSED_DERIVATIVES;
import static org.chainwise.engine.diagnose.Misconception.MISSING_INNER;
import static org.chainwise.engine.diagnose.Misconception.OUTER_AT_X;
import static org.chainwise.engine.diagnose.Misconception.PRODUCT_RULE;
import static org.chainwise.engine.diagnose.Misconception.REVERSED_NESTING;
import static org.chainwise.engine.diagnose.Misconception.WRONG_OUTER_DERIVATIVE;
import static org.chainwise.engine.diagnose.Typed.E;
import static org.chainwise.engine.diagnose.Typed.X;
import static org.chainwise.engine.diagnose.Typed.asin;
import static org.chainwise.engine.diagnose.Typed.atan;
import static org.chainwise.engine.diagnose.Typed.cos;
import static org.chainwise.engine.diagnose.Typed.exp;
import static org.chainwise.engine.diagnose.Typed.ln;
import static org.chainwise.engine.diagnose.Typed.minus;
import static org.chainwise.engine.diagnose.Typed.n;
import static org.chainwise.engine.diagnose.Typed.over;
import static org.chainwise.engine.diagnose.Typed.plus;
import static org.chainwise.engine.diagnose.Typed.pow;
import static org.chainwise.engine.diagnose.Typed.sec;
import static org.chainwise.engine.diagnose.Typed.sin;
import static org.chainwise.engine.diagnose.Typed.sqrt;
import static org.chainwise.engine.diagnose.Typed.tan;
import static org.chainwise.engine.diagnose.Typed.times;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.chainwise.engine.expr.Expr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture table per buggy rule: a function, the answer a student holding the misconception types,
 * and the code and layer the diagnoser must name first. Two-layer functions first, then three-layer ones.
 */
class BuggyRuleFixturesTest {

    static final Expr SIN_X2 = sin(pow(X, 2));
    static final Expr COS_X2 = cos(pow(X, 2));
    static final Expr LINEAR_SQUARED = pow(plus(times(n(3), X), n(1)), 2);
    static final Expr EXP_2X = pow(E, times(n(2), X));
    static final Expr SIN_CUBED = pow(sin(X), 3);
    static final Expr SQRT_X2_1 = sqrt(plus(pow(X, 2), n(1)));
    static final Expr LN_X2_1 = ln(plus(pow(X, 2), n(1)));
    static final Expr TAN_3X = tan(times(n(3), X));
    static final Expr TWO_TO_X2 = pow(n(2), pow(X, 2));
    static final Expr ASIN_2X = asin(times(n(2), X));
    static final Expr ATAN_X2 = atan(pow(X, 2));
    static final Expr SIN_COS_X2 = sin(cos(pow(X, 2)));
    static final Expr EXP_SIN_3X = exp(sin(times(n(3), X)));
    static final Expr LN_X2_1_CUBED = pow(ln(plus(pow(X, 2), n(1))), 3);
    static final Expr LN_SQRT = ln(sqrt(plus(pow(X, 2), n(1))));
    static final Expr THREE_SIN_X2 = times(n(3), sin(pow(X, 2)));

    private static final Map<Expr, Diagnoser> DIAGNOSERS = new ConcurrentHashMap<>();

    record Row(Expr function, Expr answer, Misconception code, int layer) {
    }

    static Row row(Expr function, Expr answer, Misconception code, int layer) {
        return new Row(function, answer, code, layer);
    }

    static List<Diagnosis> diagnose(Expr function, Expr answer) {
        return DIAGNOSERS.computeIfAbsent(function, f -> Diagnoser.forFunction(f, "x")).diagnose(answer);
    }

    static Stream<Row> outerAtX() {
        return Stream.of(
                row(SIN_X2, times(n(2), X, cos(X)), OUTER_AT_X, 1),
                row(LINEAR_SQUARED, times(n(6), X), OUTER_AT_X, 1),
                row(EXP_2X, times(n(2), pow(E, X)), OUTER_AT_X, 1),
                row(SIN_CUBED, times(n(3), pow(X, 2), cos(X)), OUTER_AT_X, 1),
                row(SQRT_X2_1, over(times(n(2), X), times(n(2), sqrt(X))), OUTER_AT_X, 1),
                row(LN_X2_1, over(times(n(2), X), X), OUTER_AT_X, 1),
                row(TAN_3X, times(n(3), pow(sec(X), 2)), OUTER_AT_X, 1),
                row(SIN_COS_X2, times(cos(X), minus(sin(pow(X, 2))), n(2), X), OUTER_AT_X, 1),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), minus(sin(X)), n(2), X), OUTER_AT_X, 2),
                row(SIN_COS_X2, times(cos(pow(X, 2)), minus(sin(pow(X, 2))), n(2), X), OUTER_AT_X, 1),
                row(EXP_SIN_3X, times(exp(times(n(3), X)), cos(times(n(3), X)), n(3)), OUTER_AT_X, 1),
                row(EXP_SIN_3X, times(pow(E, X), cos(times(n(3), X)), n(3)), OUTER_AT_X, 1),
                row(EXP_SIN_3X, times(n(3), cos(X), pow(E, sin(times(n(3), X)))), OUTER_AT_X, 2),
                row(LN_X2_1_CUBED, times(n(3), pow(X, 2), over(times(n(2), X), plus(pow(X, 2), n(1)))), OUTER_AT_X, 1),
                row(LN_X2_1_CUBED, times(n(6), pow(ln(plus(pow(X, 2), n(1))), 2)), OUTER_AT_X, 2),
                row(LN_SQRT, times(over(n(1), SQRT_X2_1), over(n(1), times(n(2), sqrt(X))), n(2), X), OUTER_AT_X, 2),
                row(THREE_SIN_X2, times(n(3), cos(X), n(2), X), OUTER_AT_X, 1),
                row(TWO_TO_X2, times(pow(n(2), X), ln(n(2)), n(2), X), OUTER_AT_X, 1));
    }

    static Stream<Row> missingInner() {
        return Stream.of(
                row(SIN_X2, cos(pow(X, 2)), MISSING_INNER, 1),
                row(LINEAR_SQUARED, times(n(2), plus(times(n(3), X), n(1))), MISSING_INNER, 1),
                row(EXP_2X, pow(E, times(n(2), X)), MISSING_INNER, 1),
                row(SIN_CUBED, times(n(3), pow(sin(X), 2)), MISSING_INNER, 1),
                row(SQRT_X2_1, over(n(1), times(n(2), sqrt(plus(pow(X, 2), n(1))))), MISSING_INNER, 1),
                row(LN_X2_1, over(n(1), plus(pow(X, 2), n(1))), MISSING_INNER, 1),
                row(TAN_3X, pow(sec(times(n(3), X)), 2), MISSING_INNER, 1),
                row(SIN_COS_X2, cos(cos(pow(X, 2))), MISSING_INNER, 1),
                row(SIN_COS_X2, times(minus(sin(pow(X, 2))), cos(cos(pow(X, 2)))), MISSING_INNER, 2),
                row(EXP_SIN_3X, exp(sin(times(n(3), X))), MISSING_INNER, 1),
                row(EXP_SIN_3X, times(exp(sin(times(n(3), X))), cos(times(n(3), X))), MISSING_INNER, 2),
                row(LN_X2_1_CUBED, times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2)), MISSING_INNER, 1),
                row(LN_X2_1_CUBED, over(times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2)), plus(pow(X, 2), n(1))), MISSING_INNER, 2),
                row(LN_SQRT, over(n(1), SQRT_X2_1), MISSING_INNER, 1),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), n(2), X), MISSING_INNER, 1),
                row(EXP_SIN_3X, times(n(3), exp(sin(times(n(3), X)))), MISSING_INNER, 1),
                row(LN_X2_1_CUBED, times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2), n(2), X), MISSING_INNER, 1),
                row(LN_SQRT, times(over(n(1), SQRT_X2_1), over(n(1), times(n(2), SQRT_X2_1))), MISSING_INNER, 2),
                row(THREE_SIN_X2, times(n(3), cos(pow(X, 2))), MISSING_INNER, 1),
                row(TWO_TO_X2, times(pow(n(2), pow(X, 2)), ln(n(2))), MISSING_INNER, 1));
    }

    static Stream<Row> composedDerivatives() {
        return Stream.of(
                row(SIN_X2, cos(times(n(2), X)), COMPOSED_DERIVATIVES, 1),
                row(LINEAR_SQUARED, n(6), COMPOSED_DERIVATIVES, 1),
                row(EXP_2X, pow(E, n(2)), COMPOSED_DERIVATIVES, 1),
                row(SIN_CUBED, times(n(3), pow(cos(X), 2)), COMPOSED_DERIVATIVES, 1),
                row(SQRT_X2_1, over(n(1), times(n(2), sqrt(times(n(2), X)))), COMPOSED_DERIVATIVES, 1),
                row(LN_X2_1, over(n(1), times(n(2), X)), COMPOSED_DERIVATIVES, 1),
                row(TAN_3X, pow(sec(n(3)), 2), COMPOSED_DERIVATIVES, 1),
                row(SIN_COS_X2, cos(times(n(-2), X, sin(pow(X, 2)))), COMPOSED_DERIVATIVES, 1),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), minus(sin(times(n(2), X)))), COMPOSED_DERIVATIVES, 2),
                row(EXP_SIN_3X, pow(E, times(n(3), cos(times(n(3), X)))), COMPOSED_DERIVATIVES, 1),
                row(EXP_SIN_3X, times(pow(E, sin(times(n(3), X))), cos(n(3))), COMPOSED_DERIVATIVES, 2));
    }

    static Stream<Row> productRule() {
        return Stream.of(
                row(SIN_X2, plus(times(cos(X), pow(X, 2)), times(sin(X), n(2), X)), PRODUCT_RULE, 1),
                row(EXP_2X, plus(times(pow(E, X), n(2), X), times(pow(E, X), n(2))), PRODUCT_RULE, 1),
                row(SIN_CUBED, plus(times(n(3), pow(X, 2), sin(X)), times(pow(X, 3), cos(X))), PRODUCT_RULE, 1),
                row(LN_X2_1, plus(over(plus(pow(X, 2), n(1)), X), times(n(2), X, ln(X))), PRODUCT_RULE, 1),
                row(SIN_COS_X2, plus(times(cos(X), cos(pow(X, 2))), times(sin(X), n(-2), X, sin(pow(X, 2)))), PRODUCT_RULE, 1),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), plus(times(minus(sin(X)), pow(X, 2)), times(cos(X), n(2), X))),
                        PRODUCT_RULE, 2));
    }

    static Stream<Row> addedNotMultiplied() {
        return Stream.of(
                row(SIN_X2, plus(cos(pow(X, 2)), times(n(2), X)), ADDED_NOT_MULTIPLIED, 1),
                row(LINEAR_SQUARED, plus(times(n(2), plus(times(n(3), X), n(1))), n(3)), ADDED_NOT_MULTIPLIED, 1),
                row(EXP_2X, plus(pow(E, times(n(2), X)), n(2)), ADDED_NOT_MULTIPLIED, 1),
                row(LN_X2_1, plus(over(n(1), plus(pow(X, 2), n(1))), times(n(2), X)), ADDED_NOT_MULTIPLIED, 1),
                row(SIN_COS_X2, plus(cos(cos(pow(X, 2))), times(n(-2), X, sin(pow(X, 2)))), ADDED_NOT_MULTIPLIED, 1),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), plus(minus(sin(pow(X, 2))), times(n(2), X))), ADDED_NOT_MULTIPLIED, 2));
    }

    static Stream<Row> reversedNesting() {
        return Stream.of(
                row(SIN_X2, times(n(2), sin(X), cos(X)), REVERSED_NESTING, 1),
                row(SIN_CUBED, times(n(3), pow(X, 2), cos(pow(X, 3))), REVERSED_NESTING, 1),
                row(LN_X2_1, over(times(n(2), ln(X)), X), REVERSED_NESTING, 1),
                row(EXP_SIN_3X, times(cos(times(n(3), pow(E, X))), n(3), pow(E, X)), REVERSED_NESTING, 1),
                row(SIN_COS_X2, times(minus(sin(sin(pow(X, 2)))), cos(pow(X, 2)), n(2), X), REVERSED_NESTING, 1),
                row(EXP_SIN_3X, times(cos(exp(times(n(3), X))), exp(times(n(3), X)), n(3)), REVERSED_NESTING, 1),
                row(LN_X2_1_CUBED, times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2), over(times(n(2), ln(X)), X)), REVERSED_NESTING, 2));
    }

    static Stream<Row> wrongOuterDerivative() {
        return Stream.of(
                row(SIN_X2, times(minus(cos(pow(X, 2))), n(2), X), WRONG_OUTER_DERIVATIVE, 1),
                row(COS_X2, times(sin(pow(X, 2)), n(2), X), WRONG_OUTER_DERIVATIVE, 1),
                row(EXP_2X, times(n(2), X, pow(E, plus(times(n(2), X), n(-1))), n(2)), WRONG_OUTER_DERIVATIVE, 1),
                row(SQRT_X2_1, over(times(n(2), X), sqrt(plus(pow(X, 2), n(1)))), WRONG_OUTER_DERIVATIVE, 1),
                row(LINEAR_SQUARED, times(n(2), pow(plus(times(n(3), X), n(1)), 2), n(3)), WRONG_OUTER_DERIVATIVE, 1),
                row(SIN_CUBED, times(n(3), pow(sin(X), 3), cos(X)), WRONG_OUTER_DERIVATIVE, 1),
                row(LN_X2_1, times(n(2), X), WRONG_OUTER_DERIVATIVE, 1),
                row(TAN_3X, times(n(3), sec(times(n(3), X))), WRONG_OUTER_DERIVATIVE, 1),
                row(TAN_3X, times(n(-3), pow(sec(times(n(3), X)), 2)), WRONG_OUTER_DERIVATIVE, 1),
                row(TWO_TO_X2, times(pow(n(2), pow(X, 2)), n(2), X), WRONG_OUTER_DERIVATIVE, 1),
                row(ASIN_2X, over(n(2), sqrt(plus(n(1), times(n(4), pow(X, 2))))), WRONG_OUTER_DERIVATIVE, 1),
                row(ASIN_2X, over(n(2), plus(n(1), times(n(4), pow(X, 2)))), WRONG_OUTER_DERIVATIVE, 1),
                row(ATAN_X2, over(times(n(2), X), sqrt(plus(n(1), minus(pow(X, 4))))), WRONG_OUTER_DERIVATIVE, 1),
                row(TAN_3X, times(n(3), sec(times(n(3), X)), tan(times(n(3), X))), WRONG_OUTER_DERIVATIVE, 1),
                row(ATAN_X2, over(times(n(2), X), plus(n(1), minus(pow(X, 4)))), WRONG_OUTER_DERIVATIVE, 1),
                row(exp(cos(X)), times(exp(cos(X)), sin(X)), WRONG_OUTER_DERIVATIVE, 2),
                row(SIN_COS_X2, times(cos(cos(pow(X, 2))), minus(sin(pow(X, 2))), n(2), pow(X, 2)), WRONG_OUTER_DERIVATIVE, 3),
                row(EXP_SIN_3X, times(exp(sin(times(n(3), X))), minus(cos(times(n(3), X))), n(3)), WRONG_OUTER_DERIVATIVE, 2),
                row(LN_X2_1_CUBED, times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2), ln(plus(pow(X, 2), n(1))), n(2), X),
                        WRONG_OUTER_DERIVATIVE, 2),
                row(LN_SQRT, times(over(n(1), times(n(2), SQRT_X2_1)), n(2), X), WRONG_OUTER_DERIVATIVE, 1),
                row(THREE_SIN_X2, times(n(-3), cos(pow(X, 2)), n(2), X), WRONG_OUTER_DERIVATIVE, 1));
    }

    @ParameterizedTest
    @MethodSource("outerAtX")
    void outerDerivativeReadAtX(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("missingInner")
    void innerFactorLeftOut(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("composedDerivatives")
    void derivativesComposed(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("productRule")
    void compositionTreatedAsProduct(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("addedNotMultiplied")
    void innerDerivativeAdded(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("reversedNesting")
    void nestingReversed(Row row) {
        assertFirstDiagnosis(row);
    }

    @ParameterizedTest
    @MethodSource("wrongOuterDerivative")
    void elementaryDerivativeWrong(Row row) {
        assertFirstDiagnosis(row);
    }

    private static void assertFirstDiagnosis(Row row) {
        List<Diagnosis> diagnoses = diagnose(row.function(), row.answer());
        assertThat(diagnoses).as("%s for %s", ExpressionText.of(row.answer()), ExpressionText.of(row.function()))
                .isNotEmpty()
                .first()
                .satisfies(d -> {
                    assertThat(d.code()).isEqualTo(row.code());
                    assertThat(d.layer()).isEqualTo(row.layer());
                    assertThat(d.explanation()).isNotBlank();
                });
    }
}
