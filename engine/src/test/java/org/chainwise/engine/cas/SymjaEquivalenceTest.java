package org.chainwise.engine.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.sum;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.matheclipse.core.interfaces.IExpr;

class SymjaEquivalenceTest {

    private static final Var X = new Var("x");
    private static final SymjaEquivalence CAS = new SymjaEquivalence(Duration.ofSeconds(5));

    @BeforeAll
    static void warm() {
        SymjaEquivalence.warmUp();
    }

    private static Expr sin(Expr u) {
        return apply(Fn.SIN, u);
    }

    private static Expr cos(Expr u) {
        return apply(Fn.COS, u);
    }

    private static Expr ln(Expr u) {
        return apply(Fn.LN, u);
    }

    private static Expr exp(Expr u) {
        return apply(Fn.EXP, u);
    }

    private static Expr x(long k) {
        return product(num(k), X);
    }

    /** Student form, teacher form, what the CAS must establish, why. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(product(num(2), sin(X), cos(X)), sin(x(2)), Equivalence.EQUIVALENT, "double angle"),
                Arguments.of(power(cos(X), num(-2)), power(apply(Fn.SEC, X), num(2)), Equivalence.EQUIVALENT, "1/cos^2 = sec^2"),
                Arguments.of(sum(num(1), power(apply(Fn.TAN, X), num(2))), power(apply(Fn.SEC, X), num(2)), Equivalence.EQUIVALENT, "1 + tan^2 = sec^2"),
                Arguments.of(sum(power(sin(X), num(2)), power(cos(X), num(2))), num(1), Equivalence.EQUIVALENT, "Pythagoras"),
                Arguments.of(new Power(X, num(Rational.of(-1, 2))), quotient(num(1), apply(Fn.SQRT, X)), Equivalence.EQUIVALENT, "negative fractional power"),
                Arguments.of(new Product(num(6), new Sum(x(3), num(1))), sum(x(18), num(6)), Equivalence.EQUIVALENT, "expanded polynomial"),
                Arguments.of(new Product(List.of(num(2), new Power(exp(X), num(2)))), product(num(2), exp(x(2))), Equivalence.EQUIVALENT, "(e^x)^2 = e^(2x)"),
                Arguments.of(new Power(Const.E, x(2)), exp(x(2)), Equivalence.EQUIVALENT, "e^(2x) = exp(2x)"),
                Arguments.of(new Product(num(3), new Product(power(sin(X), num(2)), cos(X))), product(num(3), cos(X), power(sin(X), num(2))), Equivalence.EQUIVALENT, "unsimplified product"),
                Arguments.of(product(num(2), ln(X)), ln(power(X, num(2))), Equivalence.EQUIVALENT_FOR_POSITIVE_VARIABLES, "log rule, valid for x > 0"),
                Arguments.of(ln(product(num(3), X)), sum(ln(num(3)), ln(X)), Equivalence.EQUIVALENT_FOR_POSITIVE_VARIABLES, "log of a product"),
                Arguments.of(product(X, cos(power(X, num(2)))), product(num(2), X, cos(power(X, num(2)))), Equivalence.NOT_EQUIVALENT, "off by a factor"),
                Arguments.of(product(num(-2), X, cos(power(X, num(2)))), product(num(2), X, cos(power(X, num(2)))), Equivalence.NOT_EQUIVALENT, "off by a sign"),
                Arguments.of(product(num(3), power(sin(X), num(3)), cos(X)), product(num(3), power(sin(X), num(2)), cos(X)), Equivalence.NOT_EQUIVALENT, "exponent off by one"),
                Arguments.of(sum(sin(X), num(Rational.of(1, 1_000_000_000_000L))), sin(X), Equivalence.NOT_EQUIVALENT, "a difference below double precision's tolerance"),
                Arguments.of(sum(sin(X), product(num(Rational.of(1, 1_000_000_000_000L)), cos(power(X, num(3))))), sin(X), Equivalence.NOT_EQUIVALENT, "a tiny non-constant difference"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("fixtures")
    void decides(Expr student, Expr teacher, Equivalence expected, String comment) {
        assertThat(CAS.decide(student, teacher, "x")).isEqualTo(expected);
    }

    @Test
    void variablesNamedLikeSymjaCommandsAreInertSymbols() {
        // The adapter takes only our AST; a variable named Quit is a symbol, not a command to run.
        for (String name : List.of("Quit", "ReadString", "Import", "Exit", "Run")) {
            Var v = new Var(name);
            assertThat(CAS.decide(product(num(2), sin(v), cos(v)), sin(product(num(2), v)), name))
                    .isEqualTo(Equivalence.EQUIVALENT);
        }
    }

    @Test
    void translationUsesOnlyArithmeticAndElementaryFunctions() {
        Expr everything = sum(Stream.of(Fn.values()).map(f -> apply(f, power(X, num(Rational.of(1, 3))))).toList());
        String form = SymjaTranslation.forVariables(List.of("x")).toSymja(sum(everything, new Product(Const.PI, Const.E))).fullFormString();
        assertThat(form.replaceAll("\\b(Plus|Times|Power|Rational|Sin|Cos|Tan|Sec|Csc|Cot|ArcSin|ArcCos|ArcTan|Sinh|Cosh|Tanh|Exp|Log|Sqrt|Pi|E)\\b", "")
                .replaceAll("v0\\$?\\d*", "").replaceAll("[\\[\\]()0-9,\\s/-]", ""))
                .as("heads other than arithmetic and elementary functions in %s", form)
                .isEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aComputationPastTheLimitIsUnknownAndTheWorkersRecover() {
        SymjaEquivalence hasty = new SymjaEquivalence(Duration.ofMillis(50));
        Expr heavy = power(sum(X, num(1), sin(X)), num(300));
        Expr expandedByHand = power(sum(sin(X), X, num(1)), num(301));
        long start = System.nanoTime();
        assertThat(hasty.decide(heavy, expandedByHand, "x")).isEqualTo(Equivalence.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        // Workers stuck in the abandoned computation are replaced: ordinary questions still get answers.
        assertThat(CAS.decide(product(num(2), sin(X), cos(X)), sin(x(2)), "x")).isEqualTo(Equivalence.EQUIVALENT);
    }

    @Test
    void aNumberIsANumber() {
        assertThat(CAS.decide(Num.of(3, 4), num(Rational.of(6, 8)), "x")).isEqualTo(Equivalence.EQUIVALENT);
        assertThat(CAS.decide(Num.of(3, 4), num(1), "x")).isEqualTo(Equivalence.NOT_EQUIVALENT);
    }

    @Test
    void symjaMessagesNeverReachStandardOutput() {
        // The grade command writes JSON Lines on standard output; Symja's "Infinite expression 1/0" must not.
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SymjaWorkers workers = new SymjaWorkers(1);
            Expr reciprocalOfZero = new Power(new Sum(X, new Product(Num.MINUS_ONE, X)), Num.MINUS_ONE);
            IExpr symja = SymjaTranslation.forVariables(List.of("x")).toSymja(reciprocalOfZero);
            assertThat(workers.run(engine -> engine.evaluate(symja), Duration.ofSeconds(5))).isPresent();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
