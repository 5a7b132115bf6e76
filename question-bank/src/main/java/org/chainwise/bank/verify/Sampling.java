package org.chainwise.bank.verify;

import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.expr.Expr;

/**
 * Numeric comparison of functions of one variable at fixed sample points, skipping points where
 * either side is undefined. Irregular points avoid the special values (0, 1, multiples of pi/2)
 * where two different functions can agree by accident.
 */
public final class Sampling {

    private static final double[] POINTS = {
        -2.913, -2.377, -1.861, -1.437, -1.093, -0.871, -0.613, -0.437, -0.291, -0.173, -0.061,
        0.047, 0.131, 0.257, 0.389, 0.523, 0.683, 0.817, 0.941, 1.117, 1.373, 1.619, 1.907,
        2.213, 2.531, 2.887, 3.347, 4.123
    };

    /** Fewer defined points than this and a comparison says nothing. */
    static final int ENOUGH_POINTS = 5;

    private static final double TOLERANCE = 1e-8;

    private Sampling() {
    }

    /** Whether {@code a} and {@code b} agree wherever both are defined, at enough points to tell. */
    public static boolean same(Expr a, Expr b, String variable) {
        NumericFunction fa = NumericFunction.compile(a, variable);
        NumericFunction fb = NumericFunction.compile(b, variable);
        int compared = 0;
        for (double x : POINTS) {
            double va = fa.evaluate(x);
            double vb = fb.evaluate(x);
            if (!Double.isFinite(va) || !Double.isFinite(vb)) {
                continue;
            }
            if (!close(va, vb)) {
                return false;
            }
            compared++;
        }
        return compared >= ENOUGH_POINTS;
    }

    /** Whether {@code a} and {@code b} differ at some point where both are defined. */
    public static boolean differ(Expr a, Expr b, String variable) {
        NumericFunction fa = NumericFunction.compile(a, variable);
        NumericFunction fb = NumericFunction.compile(b, variable);
        for (double x : POINTS) {
            double va = fa.evaluate(x);
            double vb = fb.evaluate(x);
            if (Double.isFinite(va) && Double.isFinite(vb) && !close(va, vb)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is defined at enough points and takes more than one value there. */
    public static boolean varies(Expr e, String variable) {
        NumericFunction f = NumericFunction.compile(e, variable);
        double first = Double.NaN;
        for (double x : POINTS) {
            double v = f.evaluate(x);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (!close(first, v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is defined at enough sample points to be compared. */
    public static boolean definedEnough(Expr e, String variable) {
        NumericFunction f = NumericFunction.compile(e, variable);
        int defined = 0;
        for (double x : POINTS) {
            if (Double.isFinite(f.evaluate(x))) {
                defined++;
            }
        }
        return defined >= ENOUGH_POINTS;
    }

    /** Whether two numbers are equal up to the relative tolerance used everywhere here. */
    public static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
