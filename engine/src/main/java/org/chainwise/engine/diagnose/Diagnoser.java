package org.chainwise.engine.diagnose;

import static org.chainwise.engine.expr.Algebra.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.diagnose.BuggyRule.Attempt;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;

/**
 * Names the misconceptions behind wrong derivatives of one function. Every buggy derivative the rules of
 * {@link BuggyRules#IN_ORDER} give, at every layer of the function's {@link Composition}, and every pair
 * of bugs (two rules at two layers, or an elementary-derivative slip with another rule at one layer), is
 * built and evaluated once, at the sample points of the correct derivative; diagnosing an answer is then
 * one evaluation of the answer and comparisons of value vectors under {@link NumericComparison}.
 *
 * <p>Most likely first: single bugs before pairs, and a pair is reported only when no single bug
 * explains the answer (the simpler explanation wins); among single bugs, outer layers before inner, then
 * registry order; among pairs, by the outer bug's layer, then the inner bug's, then registry order.
 * A buggy derivative that agrees with the correct one (as some do, say for a linear inner function) is
 * dropped, and so is a pair that agrees with a single bug, so neither is ever reported.
 *
 * <p>Building one takes from a fraction of a millisecond (two layers) to a few milliseconds (three) and
 * diagnosing takes microseconds; a diagnoser is immutable and safe to share between threads, so it is
 * meant to be built once per item and cached, like the checker's reference answer.
 */
public final class Diagnoser {

    private final Composition composition;
    private final Expr correctDerivative;
    private final String variable;
    private final double[] correctValues;
    private final SamplePoints points;
    private final List<Candidate> singles;
    private final List<Candidate> pairs;

    /** One buggy derivative: the bugs that produce it, outermost first, and its values at the points. */
    private record Candidate(List<Bug> bugs, Expr derivative, double[] values) {
    }

    /** One bug of a candidate, its diagnosis written on first use and then kept: diagnosers are shared between threads. */
    private static final class Bug {

        private final Misconception code;
        private final int layer;
        private final Supplier<String> explanation;
        private volatile Diagnosis diagnosis;

        Bug(BuggyRule rule, int layer, Attempt attempt) {
            this.code = rule.code();
            this.layer = layer;
            this.explanation = attempt.explanation();
        }

        Diagnosis diagnosis() {
            Diagnosis written = diagnosis;
            if (written == null) {
                written = new Diagnosis(code, layer, explanation.get());
                diagnosis = written;
            }
            return written;
        }
    }

    /** Where a candidate stands in the order of likelihood; compared field by field. */
    private record Rank(int bugs, int outerLayer, int innerLayer, int outerRule, int innerRule, int sequence) {

        static final Comparator<Rank> ORDER = Comparator.comparingInt(Rank::bugs)
                .thenComparingInt(Rank::outerLayer).thenComparingInt(Rank::innerLayer)
                .thenComparingInt(Rank::outerRule).thenComparingInt(Rank::innerRule)
                .thenComparingInt(Rank::sequence);
    }

    private record Ranked(Rank rank, List<Bug> bugs, Expr derivative) {
    }

    private Diagnoser(Composition composition, Expr correctDerivative, SamplePoints points, double[] correctValues,
            List<Candidate> singles, List<Candidate> pairs) {
        this.composition = composition;
        this.correctDerivative = correctDerivative;
        this.variable = composition.variable();
        this.points = points;
        this.correctValues = correctValues;
        this.singles = singles;
        this.pairs = pairs;
    }

    /** Decomposes {@code function} and precomputes every buggy derivative of it; never throws for an expression. */
    public static Diagnoser forFunction(Expr function, String variable) {
        Composition composition = Composition.of(function, variable);
        Expr correct = Derivative.of(composition.function(), variable);
        NumericFunction reference;
        try {
            reference = NumericFunction.compile(correct, variable);
        } catch (IllegalArgumentException otherVariables) {
            // A function of other variables has no chain in this variable to get wrong.
            return new Diagnoser(composition, correct, new SamplePoints(List.of()), new double[0], List.of(), List.of());
        }
        SamplePoints points = SamplePoints.forFunction(reference);
        double[] correctValues = points.valuesOf(reference);
        List<Candidate> singles = new ArrayList<>();
        List<Candidate> pairs = new ArrayList<>();
        for (Ranked ranked : enumerate(composition)) {
            double[] values = valuesOf(ranked.derivative(), variable, points);
            if (values == null || NumericComparison.compare(correctValues, values) != Agreement.DIFFERENT) {
                continue;
            }
            Candidate candidate = new Candidate(ranked.bugs(), ranked.derivative(), values);
            if (ranked.rank().bugs() == 1) {
                singles.add(candidate);
            } else if (singles.stream().noneMatch(single -> same(single.values(), values))) {
                pairs.add(candidate);
            }
        }
        return new Diagnoser(composition, correct, points, correctValues, List.copyOf(singles), List.copyOf(pairs));
    }

    public Composition composition() {
        return composition;
    }

    public Expr correctDerivative() {
        return correctDerivative;
    }

    /**
     * The misconceptions that explain {@code answer}, most likely first, one per (code, layer); empty when
     * the answer is right, cannot be evaluated, or no buggy rule fits (the caller then reports OTHER).
     */
    public List<Diagnosis> diagnose(Expr answer) {
        if (singles.isEmpty() && pairs.isEmpty()) {
            return List.of();
        }
        double[] values = valuesOf(answer, variable, points);
        if (values == null || NumericComparison.compare(correctValues, values) != Agreement.DIFFERENT) {
            return List.of();
        }
        List<Diagnosis> found = matching(singles, values);
        return found.isEmpty() ? matching(pairs, values) : found;
    }

    /** The single-bug derivatives, most likely first, without any two of the same value. */
    public List<BuggyDerivative> buggyDerivatives() {
        List<Candidate> distinct = new ArrayList<>();
        for (Candidate candidate : singles) {
            if (distinct.stream().noneMatch(kept -> same(kept.values(), candidate.values()))) {
                distinct.add(candidate);
            }
        }
        return distinct.stream().map(candidate -> {
            Diagnosis diagnosis = candidate.bugs().getFirst().diagnosis();
            return new BuggyDerivative(diagnosis.code(), diagnosis.layer(), candidate.derivative(), diagnosis.explanation());
        }).toList();
    }

    private static List<Diagnosis> matching(List<Candidate> candidates, double[] values) {
        List<Diagnosis> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (same(candidate.values(), values)) {
                for (Bug bug : candidate.bugs()) {
                    if (seen.add(bug.code + "@" + bug.layer)) {
                        found.add(bug.diagnosis());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean same(double[] a, double[] b) {
        return NumericComparison.compare(a, b) == Agreement.SAME;
    }

    /** The values of {@code e} at the points, or null if it cannot be evaluated in this variable. */
    private static double[] valuesOf(Expr e, String variable, SamplePoints points) {
        try {
            return points.valuesOf(NumericFunction.compile(e, variable));
        } catch (IllegalArgumentException otherVariables) {
            return null;
        }
    }

    /**
     * Every single bug and pair of bugs, in order of likelihood. The derivative is rebuilt bottom-up the
     * way a student works: the step at each layer takes the (possibly wrong) derivative of its inner
     * function from the layer below, and the layers above a bug multiply by their true factors.
     */
    private static List<Ranked> enumerate(Composition composition) {
        int depth = composition.depth();
        String variable = composition.variable();
        List<Step> steps = composition.layers().stream().map(layer -> Step.of(layer, variable)).toList();
        List<BuggyRule> rules = BuggyRules.IN_ORDER;
        WrongOuterDerivative slips = rules.stream().filter(WrongOuterDerivative.class::isInstance)
                .map(WrongOuterDerivative.class::cast).findFirst().orElseThrow();
        int slipsRank = rules.indexOf(slips);
        List<Ranked> ranked = new ArrayList<>();
        int sequence = 0;
        for (int k = 1; k <= depth; k++) {
            Step step = steps.get(k - 1);
            Expr above = factorsAbove(steps, k);
            for (int r = 0; r < rules.size(); r++) {
                for (Attempt attempt : rules.get(r).attempts(step)) {
                    ranked.add(new Ranked(new Rank(1, k, k, r, r, sequence++),
                            List.of(new Bug(rules.get(r), k, attempt)), product(above, attempt.derivative())));
                }
            }
            for (WrongOuterDerivative.Slipped slipped : slips.slipped(step)) {
                for (int r = 0; r < rules.size(); r++) {
                    if (r == slipsRank) {
                        continue;
                    }
                    for (Attempt attempt : rules.get(r).attempts(slipped.step())) {
                        ranked.add(new Ranked(new Rank(2, k, k, r, slipsRank, sequence++),
                                List.of(new Bug(rules.get(r), k, attempt), new Bug(slips, k, slipped.attempt())),
                                product(above, attempt.derivative())));
                    }
                }
            }
        }
        for (int j = 2; j <= depth; j++) {
            for (int innerRule = 0; innerRule < rules.size(); innerRule++) {
                for (Attempt inner : rules.get(innerRule).attempts(steps.get(j - 1))) {
                    for (int k = 1; k < j; k++) {
                        Step step = steps.get(k - 1).withUsedInnerDerivative(
                                product(factorsBetween(steps, k, j), inner.derivative()));
                        Expr above = factorsAbove(steps, k);
                        for (int outerRule = 0; outerRule < rules.size(); outerRule++) {
                            for (Attempt outer : rules.get(outerRule).attempts(step)) {
                                ranked.add(new Ranked(new Rank(2, k, j, outerRule, innerRule, sequence++),
                                        List.of(new Bug(rules.get(outerRule), k, outer), new Bug(rules.get(innerRule), j, inner)),
                                        product(above, outer.derivative())));
                            }
                        }
                    }
                }
            }
        }
        ranked.sort(Comparator.comparing(Ranked::rank, Rank.ORDER));
        return ranked;
    }

    /** The true factors f′(g) of the layers above layer {@code k}. */
    private static Expr factorsAbove(List<Step> steps, int k) {
        return factorsBetween(steps, 0, k);
    }

    /** The true factors f′(g) of the layers strictly between {@code outer} and {@code inner}. */
    private static Expr factorsBetween(List<Step> steps, int outer, int inner) {
        List<Expr> factors = new ArrayList<>();
        factors.add(Num.ONE);
        for (int i = outer + 1; i < inner; i++) {
            Step step = steps.get(i - 1);
            factors.add(step.outerDerivativeAt(step.inner()));
        }
        return product(factors);
    }
}
