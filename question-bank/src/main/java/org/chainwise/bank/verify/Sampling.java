package org.chainwise.bank.verify;

import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.expr.Expr;

/**
 * The engine's numeric comparison applied to functions of one variable, at points of the domain of
 * the first (reference) function, so that the bank and the checker share one notion of "equal".
 */
public final class Sampling {

    private Sampling() {
    }

    /** Whether {@code candidate} agrees with {@code reference} at enough points of the reference's domain. */
    public static boolean same(Expr reference, Expr candidate, String variable) {
        return compare(reference, candidate, variable) == Agreement.SAME;
    }

    /** Whether {@code candidate} differs from {@code reference} at some point where both are defined. */
    public static boolean differ(Expr reference, Expr candidate, String variable) {
        return compare(reference, candidate, variable) == Agreement.DIFFERENT;
    }

    /** Whether {@code e} takes more than one value on its domain: a derivative that does not is no exercise. */
    public static boolean varies(Expr e, String variable) {
        NumericFunction f = NumericFunction.compile(e, variable);
        double[] values = SamplePoints.forFunction(f).valuesOf(f);
        for (double v : values) {
            if (!close(v, values[0])) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is defined at enough points to be compared with anything. */
    public static boolean definedEnough(Expr e, String variable) {
        return SamplePoints.forFunction(NumericFunction.compile(e, variable)).size() >= NumericComparison.MIN_COMPARED_POINTS;
    }

    public static boolean close(double a, double b) {
        return NumericComparison.close(a, b);
    }

    private static Agreement compare(Expr reference, Expr candidate, String variable) {
        NumericFunction expected = NumericFunction.compile(reference, variable);
        return NumericComparison.compare(expected, NumericFunction.compile(candidate, variable), SamplePoints.forFunction(expected));
    }
}
