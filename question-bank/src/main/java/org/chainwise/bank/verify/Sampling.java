package org.chainwise.bank.verify;

import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.expr.Expr;

/**
 * A reference function of one variable sampled once at the engine's points of its domain, against
 * which candidates are compared with the engine's one tolerance rule. Sampling the reference once
 * and every candidate at the same points keeps verifying an item to a few hundred evaluations.
 */
public final class Sampling {

    private final String variable;
    private final SamplePoints points;
    private final double[] reference;

    private Sampling(String variable, SamplePoints points, double[] reference) {
        this.variable = variable;
        this.points = points;
        this.reference = reference;
    }

    /** Samples {@code reference} at the engine's default points of its domain. */
    public static Sampling of(Expr reference, String variable) {
        NumericFunction f = NumericFunction.compile(reference, variable);
        SamplePoints points = SamplePoints.forFunction(f);
        return new Sampling(variable, points, points.valuesOf(f));
    }

    /** The values of {@code candidate} at the reference's points, in order. */
    public double[] valuesOf(Expr candidate) {
        return points.valuesOf(NumericFunction.compile(candidate, variable));
    }

    /** Whether {@code candidate} agrees with the reference at enough points. */
    public boolean same(Expr candidate) {
        return NumericComparison.compare(reference, valuesOf(candidate)) == Agreement.SAME;
    }

    /** Whether two value vectors taken at these points differ somewhere both are defined. */
    public static boolean differ(double[] a, double[] b) {
        return NumericComparison.compare(a, b) == Agreement.DIFFERENT;
    }

    /** The reference's own values at its points. */
    public double[] referenceValues() {
        return reference.clone();
    }

    /** Whether the reference takes more than one value: a derivative that does not is no exercise. */
    public boolean varies() {
        for (double v : reference) {
            if (!close(v, reference[0])) {
                return true;
            }
        }
        return false;
    }

    /** Whether enough values of a vector are defined to compare it with anything. */
    public static boolean definedEnough(double[] values) {
        int defined = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                defined++;
            }
        }
        return defined >= NumericComparison.MIN_COMPARED_POINTS;
    }

    public static boolean close(double a, double b) {
        return NumericComparison.close(a, b);
    }
}
