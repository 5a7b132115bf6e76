package org.chainwise.engine.calculus;

/**
 * The one rule for "numerically equal": values compared point by point with a tolerance relative to
 * their size, points where either side is undefined skipped, and a minimum number of points compared.
 * Equivalent forms valid on part of the domain only (such as {@code ln(x^2)} written as {@code 2ln(x)})
 * are compared where both are defined.
 */
public final class NumericComparison {

    /** Relative tolerance: far above double rounding in expressions of a few dozen nodes, far below any real slip. */
    public static final double RELATIVE_TOLERANCE = 1e-7;

    /** Below this many points where both sides are defined, no verdict is drawn. */
    public static final int MIN_COMPARED_POINTS = 6;

    private NumericComparison() {
    }

    /** Compares two value vectors taken at the same {@link SamplePoints}. */
    public static Agreement compare(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("value vectors of different lengths: " + expected.length + " and " + actual.length);
        }
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = expected[i];
            double b = actual[i];
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                continue;
            }
            compared++;
            if (!close(a, b)) {
                return Agreement.DIFFERENT;
            }
        }
        return compared >= MIN_COMPARED_POINTS ? Agreement.SAME : Agreement.INCONCLUSIVE;
    }

    /** Compares two functions at the given points. */
    public static Agreement compare(NumericFunction expected, NumericFunction actual, SamplePoints points) {
        return compare(points.valuesOf(expected), points.valuesOf(actual));
    }

    /** Whether two finite values are equal within the tolerance. */
    public static boolean close(double a, double b) {
        double scale = Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * scale;
    }
}
