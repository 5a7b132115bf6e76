package org.chainwise.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The diagnoser never throws, whatever expressions it is given: random ones, drawn reproducibly. */
class DiagnoserRobustnessTest {

    private static final List<Expr> LEAVES = List.of(new Var("x"), new Var("x"), new Var("y"), Num.ZERO, Num.ONE,
            Num.MINUS_ONE, Num.of(3), Num.of(-1, 2), Num.of(7, 3), Const.PI, Const.E);

    private static final List<Expr> EXPONENTS = List.of(Num.of(2), Num.of(-1), Num.of(1, 2), Num.of(-3, 2), Num.ZERO,
            Num.of(1_000_000_007), new Var("x"));

    static Expr random(SplittableRandom random, int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return LEAVES.get(random.nextInt(LEAVES.size()));
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Sum(random(random, depth - 1), random(random, depth - 1));
            case 1 -> new Product(random(random, depth - 1), random(random, depth - 1));
            case 2 -> new Power(random(random, depth - 1), random.nextBoolean()
                    ? EXPONENTS.get(random.nextInt(EXPONENTS.size()))
                    : random(random, depth - 1));
            default -> new Apply(Fn.values()[random.nextInt(Fn.values().length)], random(random, depth - 1));
        };
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 80).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverThrowsOnRandomFunctionsAndAnswers(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Expr function = random(random, 5);
        List<Expr> answers = Stream.generate(() -> random(random, 5)).limit(6).toList();
        assertThatCode(() -> {
            Diagnoser diagnoser = Diagnoser.forFunction(function, "x");
            diagnoser.buggyDerivatives().forEach(buggy -> diagnoser.diagnose(buggy.derivative()));
            answers.forEach(diagnoser::diagnose);
        }).as("function %s", function).doesNotThrowAnyException();
    }
}
