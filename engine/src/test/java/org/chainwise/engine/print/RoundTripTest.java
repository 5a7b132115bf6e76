package org.chainwise.engine.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.parse.AnswerParser;
import org.chainwise.engine.parse.ParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Printing then parsing gives back an expression of the same value, for thousands of generated
 * expressions: raw records in every shape, and what {@link Algebra} and {@link Derivative} build.
 */
class RoundTripTest {

    private static final Var X = new Var("x");
    private static final double[] POINTS = {-2.3, -0.7, 0.4, 1.3, 2.9};
    private static final int SAMPLES = 3000;
    /** Generated expressions may exceed what a student may type (a tower of four powers); those are not round trips. */
    private static final Set<String> LIMIT_CODES = Set.of("TOO_LONG", "TOO_DEEP", "TOWER_TOO_TALL",
            "EXPONENT_TOO_LARGE", "NUMBER_TOO_LARGE", "NUMBER_TOO_LONG");

    @ParameterizedTest
    @ValueSource(strings = {"plain", "latex"})
    void printedExpressionsParseBackToTheSameValue(String notation) {
        Function<Expr, String> printer = notation.equals("plain") ? PlainText::print : Latex::print;
        Random random = new Random(20261122L);
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            Expr original = generate(random, 4);
            String text = printer.apply(original);
            ParseResult result = AnswerParser.parse(text, List.of("x"));
            if (result instanceof ParseResult.Failed f) {
                if (!LIMIT_CODES.contains(f.error().code())) {
                    failures.add(text + "  ->  " + f.error().message());
                }
                continue;
            }
            Expr reread = ((ParseResult.Parsed) result).expr();
            if (!sameValue(original, reread)) {
                failures.add(text + "  ->  " + PlainText.print(reread));
            }
            // Reading is exact, printing regroups (a/b*c is printed a*c/b): after one round the text is stable.
            String again = printer.apply(reread);
            if (AnswerParser.parse(again, List.of("x")) instanceof ParseResult.Parsed p && !printer.apply(p.expr()).equals(again)) {
                failures.add(text + "  printed again as  " + again + "  and then as  " + printer.apply(p.expr()));
            }
            checked++;
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(SAMPLES * 9 / 10);
    }

    private static boolean sameValue(Expr a, Expr b) {
        NumericFunction f = NumericFunction.compile(a, "x");
        NumericFunction g = NumericFunction.compile(b, "x");
        for (double x : POINTS) {
            double u = f.evaluate(x);
            double v = g.evaluate(x);
            // The printer regroups factors, so a value at the edge of double range may overflow on one side only.
            if (Double.isFinite(u) && Double.isFinite(v) && Math.abs(u - v) > 1e-9 * Math.max(1, Math.max(Math.abs(u), Math.abs(v)))) {
                return false;
            }
        }
        return true;
    }

    private static Expr generate(Random random, int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return leaf(random);
        }
        return switch (random.nextInt(9)) {
            case 0 -> new Sum(children(random, depth));
            case 1 -> new Product(children(random, depth));
            case 2 -> new Power(generate(random, depth - 1), exponent(random));
            case 3 -> new Apply(Fn.values()[random.nextInt(Fn.values().length)], generate(random, depth - 1));
            case 4 -> new Product(Num.MINUS_ONE, generate(random, depth - 1));
            case 5 -> Algebra.simplify(new Sum(children(random, depth)));
            case 6 -> Algebra.simplify(new Product(children(random, depth)));
            case 7 -> Algebra.quotient(generate(random, depth - 1), generate(random, depth - 1));
            default -> Derivative.of(generate(random, Math.min(depth - 1, 2)), "x");
        };
    }

    private static List<Expr> children(Random random, int depth) {
        List<Expr> children = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            children.add(generate(random, depth - 1));
        }
        return children;
    }

    private static Expr exponent(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Num.of(random.nextInt(7) - 3);
            case 1 -> Num.of(random.nextBoolean() ? 1 : -1, 2);
            case 2 -> Num.of(3, 2);
            case 3 -> X;
            case 4 -> new Product(Num.of(2), X);
            default -> Num.of(2);
        };
    }

    private static Expr leaf(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1, 2 -> X;
            case 3 -> Num.of(random.nextInt(11) - 3);
            case 4 -> Num.of(random.nextInt(7) - 3, 1 + random.nextInt(4));
            case 5 -> Const.PI;
            default -> Const.E;
        };
    }
}
