package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.simplify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.verify.Sampling;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.diagnose.BuggyDerivative;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Rational;

/**
 * Exact values of a chain's derivative at whole-number points, for the items whose answer is a
 * number: a point is only chosen where the value is a small, non-zero fraction a student can reach by hand.
 */
public final class PointValues {

    private static final List<Integer> POINTS = List.of(1, 2, 0, -1, 3, -2);
    private static final int LARGEST_NUMERATOR = 500;
    private static final int LARGEST_DENOMINATOR = 100;

    private PointValues() {
    }

    /** Outer functions whose derivatives take exact values at whole numbers (sin, cos, e^u where the inner is 0). */
    private static final List<Outer> OUTERS = List.of(
            Outer.POWER, Outer.NEGATIVE_POWER, Outer.LN, Outer.ARCTAN, Outer.SIN, Outer.COS, Outer.EXP, Outer.TAN);

    /** A two-layer chain, a whole-number point, and the exact derivative there. */
    public record AtPoint(Chain chain, int x0, Rational derivative) {
    }

    /** Chains tried for one seed before it is given up; most seeds need one or two. */
    private static final int TRIES = 20;

    /** A chain with polynomial or linear inner function and a point where its derivative is friendly. */
    public static Optional<AtPoint> draw(Dice dice, Parameters parameters) {
        return draw(dice, parameters, derivative -> true);
    }

    /** As {@link #draw(Dice, Parameters)}, with only points whose exact derivative {@code accept} takes. */
    public static Optional<AtPoint> draw(Dice dice, Parameters parameters, Predicate<Rational> accept) {
        for (int i = 0; i < TRIES; i++) {
            Outer outer = dice.pick(OUTERS);
            Inner inner = dice.pick(List.of(Inner.LINEAR, Inner.POLYNOMIAL));
            Optional<AtPoint> found = Chains.draw(dice, parameters.withDepth(2), outer, inner, "x")
                    .flatMap(chain -> friendlyPoint(chain, dice, accept).map(x0 ->
                            new AtPoint(chain, x0, exact(chain.derivative(), chain.variable(), x0).orElseThrow())));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A whole-number point where the function is defined and its derivative friendly, in an order the dice choose. */
    private static Optional<Integer> friendlyPoint(Chain chain, Dice dice, Predicate<Rational> accept) {
        Expr derivative = chain.derivative();
        NumericFunction function = NumericFunction.compile(chain.function(), chain.variable());
        List<Integer> order = new ArrayList<>(POINTS);
        Collections.rotate(order, dice.between(0, order.size() - 1));
        return order.stream()
                .filter(x0 -> Double.isFinite(function.evaluate(x0)))
                .filter(x0 -> exact(derivative, chain.variable(), x0).filter(PointValues::friendly).filter(accept).isPresent())
                .findFirst();
    }

    /** The exact value of {@code e} at {@code x0}, when the engine's algebra reduces it to a number. */
    public static Optional<Rational> exact(Expr e, String variable, int x0) {
        return simplify(e.substitute(variable, Num.of(x0))) instanceof Num n ? Optional.of(n.value()) : Optional.empty();
    }

    /**
     * The buggy derivatives of the chain at {@code x0}, times {@code factor}, as numbers a student
     * would write; those undefined there or equal to the right value or to an earlier one are left out.
     */
    public static List<Distractor> buggyValues(Chain chain, int x0, Rational factor, Rational correct) {
        List<Distractor> kept = new ArrayList<>();
        List<Double> seen = new ArrayList<>(List.of(correct.doubleValue()));
        for (BuggyDerivative buggy : ChainItems.buggyDerivatives(chain.function(), chain.variable())) {
            Expr value = simplify(Algebra.product(new Num(factor),
                    buggy.derivative().substitute(chain.variable(), Num.of(x0))));
            double numeric = NumericFunction.compile(value, List.of()).evaluate();
            if (Double.isFinite(numeric) && seen.stream().noneMatch(s -> Sampling.close(s, numeric))) {
                seen.add(numeric);
                Formula shown = value instanceof Num n ? Formula.decimal(n.value()) : Formula.of(value);
                kept.add(new Distractor(shown, buggy.code(), buggy.layer()));
            }
        }
        return kept;
    }

    private static boolean friendly(Rational value) {
        return !value.isZero() && value.numerator().abs().intValue() <= LARGEST_NUMERATOR
                && value.numerator().bitLength() < 31 && value.denominator().intValue() <= LARGEST_DENOMINATOR
                && value.denominator().bitLength() < 31;
    }
}
