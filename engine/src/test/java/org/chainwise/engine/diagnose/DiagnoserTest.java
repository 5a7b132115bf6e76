package org.chainwise.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.COS_X2;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.EXP_2X;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.EXP_SIN_3X;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.LINEAR_SQUARED;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.LN_X2_1;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.LN_X2_1_CUBED;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.SIN_COS_X2;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.SIN_CUBED;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.SIN_X2;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.SQRT_X2_1;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.TAN_3X;
import static org.chainwise.engine.diagnose.BuggyRuleFixturesTest.TWO_TO_X2;
import static org.chainwise.engine.diagnose.Misconception.COMPOSED_DERIVATIVES;
import static org.chainwise.engine.diagnose.Misconception.MISSING_INNER;
import static org.chainwise.engine.diagnose.Misconception.OUTER_AT_X;
import static org.chainwise.engine.diagnose.Misconception.REVERSED_NESTING;
import static org.chainwise.engine.diagnose.Misconception.WRONG_OUTER_DERIVATIVE;
import static org.chainwise.engine.diagnose.Typed.E;
import static org.chainwise.engine.diagnose.Typed.X;
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
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DiagnoserTest {

    private static final Var Y = new Var("y");

    record Found(Misconception code, int layer) {
    }

    record PairRow(Expr function, Expr answer, List<Found> expected) {
    }

    private static Found found(Misconception code, int layer) {
        return new Found(code, layer);
    }

    private static List<Found> diagnose(Expr function, Expr answer) {
        return Diagnoser.forFunction(function, "x").diagnose(answer).stream()
                .map(d -> found(d.code(), d.layer())).toList();
    }

    static Stream<PairRow> pairs() {
        return Stream.of(
                new PairRow(SIN_X2, minus(cos(pow(X, 2))), List.of(found(MISSING_INNER, 1), found(WRONG_OUTER_DERIVATIVE, 1))),
                new PairRow(COS_X2, times(sin(X), n(2), X), List.of(found(OUTER_AT_X, 1), found(WRONG_OUTER_DERIVATIVE, 1))),
                new PairRow(SIN_COS_X2, times(cos(X), minus(sin(pow(X, 2)))), List.of(found(OUTER_AT_X, 1), found(MISSING_INNER, 2))),
                new PairRow(SIN_COS_X2, times(cos(X), minus(sin(X)), n(2), X), List.of(found(OUTER_AT_X, 1), found(OUTER_AT_X, 2))),
                new PairRow(EXP_SIN_3X, times(exp(sin(times(n(3), X))), minus(cos(times(n(3), X)))),
                        List.of(found(MISSING_INNER, 2), found(WRONG_OUTER_DERIVATIVE, 2))),
                new PairRow(LN_X2_1_CUBED, over(times(n(3), pow(ln(plus(pow(X, 2), n(1))), 3)), plus(pow(X, 2), n(1))),
                        List.of(found(WRONG_OUTER_DERIVATIVE, 1), found(MISSING_INNER, 2))));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void pairsOfBugsAreNamedOutermostFirst(PairRow row) {
        assertThat(diagnose(row.function(), row.answer())).isEqualTo(row.expected());
    }

    @Test
    void aMiddleFactorLeftOutIsAlsoALnDerivativeTakenAsOne() {
        Expr answer = times(n(3), pow(ln(plus(pow(X, 2), n(1))), 2), n(2), X);
        assertThat(diagnose(LN_X2_1_CUBED, answer)).containsExactly(found(MISSING_INNER, 1), found(WRONG_OUTER_DERIVATIVE, 2));
    }

    @Test
    void aSignSlipAtEitherOfTwoTrigLayersIsReportedAtBoth() {
        Expr answer = times(cos(cos(pow(X, 2))), sin(pow(X, 2)), n(2), X);
        assertThat(diagnose(SIN_COS_X2, answer))
                .containsExactly(found(WRONG_OUTER_DERIVATIVE, 1), found(WRONG_OUTER_DERIVATIVE, 2));
    }

    @Test
    void equalBuggyDerivativesAreAllReportedInRegistryOrder() {
        // -2 sin(x) cos(x) is both -sin(2x), the composed derivatives, and the derivative of cos(x)^2.
        Expr answer = times(cos(cos(pow(X, 2))), n(-2), cos(X), sin(X));
        assertThat(diagnose(SIN_COS_X2, answer)).containsExactly(found(COMPOSED_DERIVATIVES, 2), found(REVERSED_NESTING, 2));
        assertThat(diagnose(EXP_2X, times(n(2), pow(E, X)))).containsExactly(found(OUTER_AT_X, 1), found(REVERSED_NESTING, 1));
    }

    static Stream<Expr> functions() {
        return Stream.of(SIN_X2, COS_X2, LINEAR_SQUARED, EXP_2X, SIN_CUBED, SQRT_X2_1, LN_X2_1, TAN_3X, TWO_TO_X2,
                SIN_COS_X2, EXP_SIN_3X, LN_X2_1_CUBED, times(n(3), sin(pow(X, 2))), sin(plus(X, n(1))),
                ln(sqrt(plus(pow(X, 2), n(1)))), sin(cos(tan(pow(X, 2)))));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theCorrectDerivativeIsNeverDiagnosed(Expr function) {
        Diagnoser diagnoser = Diagnoser.forFunction(function, "x");
        assertThat(diagnoser.diagnose(Derivative.of(function, "x"))).isEmpty();
        assertThat(diagnoser.diagnose(diagnoser.correctDerivative())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void everyDistractorIsDiagnosedAsItsOwnMisconception(Expr function) {
        Diagnoser diagnoser = Diagnoser.forFunction(function, "x");
        assertThat(diagnoser.buggyDerivatives()).isNotEmpty().allSatisfy(buggy ->
                assertThat(diagnoser.diagnose(buggy.derivative())).first()
                        .satisfies(d -> assertThat(found(d.code(), d.layer())).isEqualTo(found(buggy.code(), buggy.layer()))));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void distractorsDifferFromTheCorrectDerivativeAndFromEachOther(Expr function) {
        Diagnoser diagnoser = Diagnoser.forFunction(function, "x");
        NumericFunction reference = NumericFunction.compile(diagnoser.correctDerivative(), "x");
        SamplePoints points = SamplePoints.forFunction(reference);
        List<double[]> values = diagnoser.buggyDerivatives().stream()
                .map(b -> points.valuesOf(NumericFunction.compile(b.derivative(), "x"))).toList();
        for (int i = 0; i < values.size(); i++) {
            assertThat(NumericComparison.compare(points.valuesOf(reference), values.get(i))).isEqualTo(Agreement.DIFFERENT);
            for (int j = 0; j < i; j++) {
                assertThat(NumericComparison.compare(values.get(j), values.get(i))).isEqualTo(Agreement.DIFFERENT);
            }
        }
    }

    @Test
    void aLinearInnerFunctionHasNoMissingInnerFactor() {
        Diagnoser diagnoser = Diagnoser.forFunction(sin(plus(X, n(1))), "x");
        assertThat(diagnoser.diagnose(cos(plus(X, n(1))))).isEmpty();
        assertThat(diagnoser.buggyDerivatives()).noneMatch(b -> b.code() == MISSING_INNER);
    }

    @Test
    void unrelatedWrongAnswersFitNothing() {
        assertThat(diagnose(SIN_X2, pow(X, 3))).isEmpty();
        assertThat(diagnose(SIN_X2, n(7))).isEmpty();
        assertThat(diagnose(SIN_X2, tan(X))).isEmpty();
        assertThat(diagnose(EXP_SIN_3X, times(n(5), pow(X, 4)))).isEmpty();
        assertThat(diagnose(LN_X2_1_CUBED, sec(X))).isEmpty();
    }

    @Test
    void explanationsUseTheItemsOwnFunctions() {
        Diagnoser diagnoser = Diagnoser.forFunction(SIN_X2, "x");
        assertThat(diagnoser.diagnose(times(n(2), X, cos(X))).getFirst().explanation())
                .isEqualTo("You used cos(x) where the outer derivative must be read at the inner function: cos(x^2).");
        assertThat(diagnoser.diagnose(cos(pow(X, 2))).getFirst().explanation())
                .isEqualTo("You left out the derivative of the inner function x^2: multiply by 2*x.");
        assertThat(Diagnoser.forFunction(SIN_COS_X2, "x").diagnose(times(cos(pow(X, 2)), minus(sin(pow(X, 2))), n(2), X)))
                .first().extracting(Diagnosis::explanation).isEqualTo(
                        "You used cos(x^2) where the outer derivative must be read at the whole inner function: cos(cos(x^2)).");
        assertThat(Diagnoser.forFunction(SIN_COS_X2, "x").diagnose(times(cos(cos(pow(X, 2))), n(2), X)))
                .first().extracting(Diagnosis::explanation).isEqualTo(
                        "In the derivative of the inner function cos(x^2) you left out the factor -sin(x^2): multiply by it.");
        assertThat(diagnoser.diagnose(times(minus(cos(pow(X, 2))), n(2), X)).getFirst().explanation())
                .isEqualTo("You used -cos(x^2) as the derivative of sin(x^2) with respect to x^2, but it is cos(x^2):"
                        + " the derivative of sin is cos, with no minus sign.");
    }

    @Test
    void aSlipInOneTermOfASumIsNamedWithItsTermAndTheOtherTermsRight() {
        Expr sum = plus(SIN_X2, pow(X, 3));
        Diagnoser diagnoser = Diagnoser.forFunction(sum, "x");

        List<Diagnosis> outerAtX = diagnoser.diagnose(plus(times(cos(X), n(2), X), times(n(3), pow(X, 2))));
        List<Diagnosis> missingInner = diagnoser.diagnose(plus(cos(pow(X, 2)), times(n(3), pow(X, 2))));

        assertThat(outerAtX).extracting(Diagnosis::code, Diagnosis::layer).containsExactly(org.assertj.core.groups.Tuple.tuple(OUTER_AT_X, 1));
        assertThat(outerAtX.getFirst().explanation()).isEqualTo("In the term sin(x^2): You used cos(x) where the outer"
                + " derivative must be read at the inner function: cos(x^2).");
        assertThat(missingInner).extracting(Diagnosis::code).containsExactly(MISSING_INNER);
        assertThat(diagnoser.diagnose(Derivative.of(sum, "x"))).isEmpty();
        assertThat(diagnoser.diagnose(plus(times(cos(X), n(2), X), sec(X)))).as("the other term wrong as no rule makes it").isEmpty();
    }

    @Test
    void aSumOfMoreTermsThanAnyItemHasIsNotDiagnosedTermByTerm() {
        List<Expr> terms = new java.util.ArrayList<>(List.of(SIN_X2));
        for (int k = 1; k < PartwiseCandidates.MAX_PARTS + 1; k++) {
            terms.add(pow(X, k + 2));
        }
        Expr longSum = plus(terms.toArray(Expr[]::new));
        Expr slipInFirst = plus(times(cos(X), n(2), X), Derivative.of(plus(terms.subList(1, terms.size()).toArray(Expr[]::new)), "x"));

        assertThat(Diagnoser.forFunction(longSum, "x").diagnose(slipInFirst)).isEmpty();
        assertThat(Diagnoser.forFunction(plus(terms.subList(0, PartwiseCandidates.MAX_PARTS).toArray(Expr[]::new)), "x")
                .diagnose(plus(times(cos(X), n(2), X), Derivative.of(plus(terms.subList(1, PartwiseCandidates.MAX_PARTS).toArray(Expr[]::new)), "x"))))
                .extracting(Diagnosis::code).containsExactly(OUTER_AT_X);
    }

    @Test
    void aSlipInOneFactorOfAProductIsNamedWithItsFactorAndTheProductRuleRight() {
        Expr product = times(X, SIN_X2);
        Diagnoser diagnoser = Diagnoser.forFunction(product, "x");

        List<Diagnosis> outerAtX = diagnoser.diagnose(plus(SIN_X2, times(X, cos(X), n(2), X)));

        assertThat(outerAtX).extracting(Diagnosis::code).containsExactly(OUTER_AT_X);
        assertThat(outerAtX.getFirst().explanation()).startsWith("In the factor sin(x^2): You used cos(x) where");
        assertThat(diagnoser.diagnose(Derivative.of(product, "x"))).isEmpty();
        assertThat(Diagnoser.forFunction(times(SIN_X2, EXP_2X), "x").diagnose(
                plus(times(cos(X), n(2), X, EXP_2X), times(SIN_X2, EXP_2X))))
                .extracting(Diagnosis::code).containsExactly(OUTER_AT_X, MISSING_INNER);
    }

    @Test
    void oneSlipInEachOfTwoTermsIsNamedTwice() {
        Expr sum = plus(SIN_X2, EXP_2X);

        assertThat(Diagnoser.forFunction(sum, "x").diagnose(plus(times(cos(X), n(2), X), exp(times(n(2), X)))))
                .extracting(Diagnosis::code).containsExactly(OUTER_AT_X, MISSING_INNER);
    }

    static Stream<Expr> oddFunctions() {
        return Stream.of(n(5), X, times(X, sin(X)), plus(sin(X), cos(X)), pow(X, X), times(Y, X), sin(Y),
                ln(minus(plus(n(1), pow(X, 2)))), over(n(1), X), pow(n(0), X), sqrt(minus(pow(X, 2))),
                sin(sin(sin(sin(sin(sin(sin(sin(X)))))))), deepNest(20));
    }

    static Stream<Expr> oddAnswers() {
        return Stream.of(n(0), X, Y, times(Y, cos(X)), ln(minus(plus(n(1), pow(X, 2)))), over(n(1), n(0)),
                pow(n(10), pow(n(10), n(10))), pow(X, pow(X, pow(X, X))), cos(pow(X, 2)), deepNest(500),
                plus(Stream.generate(() -> X).limit(2_000).toArray(Expr[]::new)));
    }

    private static Expr deepNest(int depth) {
        Expr nest = X;
        for (int i = 0; i < depth; i++) {
            nest = sin(nest);
        }
        return nest;
    }

    @ParameterizedTest
    @MethodSource("oddFunctions")
    void neverThrows(Expr function) {
        assertThatCode(() -> {
            Diagnoser diagnoser = Diagnoser.forFunction(function, "x");
            diagnoser.buggyDerivatives();
            oddAnswers().forEach(diagnoser::diagnose);
        }).doesNotThrowAnyException();
    }

    @Test
    void aFunctionWithoutAChainHasNothingToDiagnose() {
        assertThat(Diagnoser.forFunction(sin(X), "x").buggyDerivatives()).allMatch(b -> b.code() == WRONG_OUTER_DERIVATIVE);
        assertThat(Diagnoser.forFunction(n(5), "x").buggyDerivatives()).isEmpty();
        assertThat(Diagnoser.forFunction(X, "x").diagnose(n(2))).isEmpty();
    }
}
