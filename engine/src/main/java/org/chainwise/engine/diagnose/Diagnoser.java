package org.chainwise.engine.diagnose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.diagnose.Candidates.Bug;
import org.chainwise.engine.diagnose.Candidates.Candidate;
import org.chainwise.engine.expr.Expr;

/**
 * Names the misconceptions behind wrong derivatives of one function. Every buggy derivative the rules of
 * {@link BuggyRules#IN_ORDER} give at every layer of the function's {@link Composition}, and every pair
 * of bugs, and for a sum or product those of each part ({@link PartwiseCandidates}), is built and evaluated once,
 * at the sample points of the correct derivative; diagnosing an
 * answer is then one evaluation of the answer and comparisons of value vectors under
 * {@link NumericComparison}.
 *
 * <p>Most likely first, in the order of {@link Candidates}; a pair is reported only when no single bug
 * explains the answer (the simpler explanation wins). A buggy derivative that agrees with the correct one
 * (as some do, say for a linear inner function) is dropped, and so is a pair that agrees with a single
 * bug, so neither is ever reported.
 *
 * <p>Building one takes from a fraction of a millisecond (two layers) to a few milliseconds (three) and
 * diagnosing takes microseconds; a diagnoser is immutable and safe to share between threads, so it is
 * meant to be built once per item and cached, like the checker's reference answer.
 */
public final class Diagnoser {

    private final Composition composition;
    private final Expr correctDerivative;
    private final SamplePoints points;
    private final double[] correctValues;
    private final List<Evaluated> singles;
    private final List<Evaluated> pairs;

    /** A candidate with its values at the points. */
    private record Evaluated(Candidate candidate, double[] values) {
    }

    private Diagnoser(Composition composition, Expr correctDerivative, SamplePoints points, double[] correctValues,
            List<Evaluated> singles, List<Evaluated> pairs) {
        this.composition = composition;
        this.correctDerivative = correctDerivative;
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
        List<Evaluated> singles = new ArrayList<>();
        List<Evaluated> pairs = new ArrayList<>();
        for (Candidate candidate : Stream.concat(Candidates.of(composition).stream(),
                PartwiseCandidates.of(composition.function(), variable).stream()).toList()) {
            double[] values = valuesOf(candidate.derivative(), variable, points);
            if (values == null || NumericComparison.compare(correctValues, values) != Agreement.DIFFERENT) {
                continue;
            }
            if (candidate.isSingle()) {
                singles.add(new Evaluated(candidate, values));
            } else if (singles.stream().noneMatch(single -> same(single.values(), values))) {
                pairs.add(new Evaluated(candidate, values));
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
        double[] values = valuesOf(answer, composition.variable(), points);
        if (values == null || NumericComparison.compare(correctValues, values) != Agreement.DIFFERENT) {
            return List.of();
        }
        List<Diagnosis> found = matching(singles, values);
        return found.isEmpty() ? matching(pairs, values) : found;
    }

    /** The single-bug derivatives, most likely first, without any two of the same value. */
    public List<BuggyDerivative> buggyDerivatives() {
        List<Evaluated> distinct = new ArrayList<>();
        for (Evaluated single : singles) {
            if (distinct.stream().noneMatch(kept -> same(kept.values(), single.values()))) {
                distinct.add(single);
            }
        }
        return distinct.stream().map(single -> {
            Diagnosis diagnosis = single.candidate().bugs().getFirst().diagnosis();
            return new BuggyDerivative(diagnosis.code(), diagnosis.layer(), single.candidate().derivative(),
                    diagnosis.explanation());
        }).toList();
    }

    private static List<Diagnosis> matching(List<Evaluated> candidates, double[] values) {
        List<Diagnosis> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Evaluated evaluated : candidates) {
            if (same(evaluated.values(), values)) {
                for (Bug bug : evaluated.candidate().bugs()) {
                    if (seen.add(bug.code() + "@" + bug.layer())) {
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
}
