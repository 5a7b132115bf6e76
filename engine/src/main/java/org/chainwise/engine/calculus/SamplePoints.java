package org.chainwise.engine.calculus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Points of a function's domain at which answers are compared numerically: points where the
 * reference is defined, finite and not near a pole, drawn reproducibly from a seed. Drawing mixes
 * wide and narrow ranges so that functions defined only on (0, ∞) or [-1, 1] still get enough points.
 */
public record SamplePoints(List<double[]> points) {

    /** How many points a comparison uses: enough that two different elementary expressions agree at all of them only by accident of measure zero. */
    public static final int DEFAULT_COUNT = 24;

    /** Values larger than this are too close to a pole to compare reliably in double precision. */
    static final double MAX_MAGNITUDE = 1e6;

    private static final int MAX_DRAWS = 400;
    private static final double[][] RANGES = {{-3, 3}, {0.05, 3}, {-0.95, 0.95}, {0.5, 6}, {-6, -0.5}};

    public SamplePoints {
        points = points.stream().map(double[]::clone).toList();
    }

    /** Up to {@code count} points where {@code reference} is finite and moderate; fewer if the domain is tiny. */
    public static SamplePoints forFunction(NumericFunction reference, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int dimensions = reference.variables().size();
        List<double[]> chosen = new ArrayList<>();
        for (int draw = 0; draw < MAX_DRAWS && chosen.size() < count; draw++) {
            double[] range = RANGES[draw % RANGES.length];
            double[] point = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                point[i] = range[0] + random.nextDouble() * (range[1] - range[0]);
            }
            if (isUsable(reference.evaluate(point))) {
                chosen.add(point);
            }
        }
        return new SamplePoints(chosen);
    }

    /** {@link #DEFAULT_COUNT} points with a fixed seed: the same points for every answer to the same item. */
    public static SamplePoints forFunction(NumericFunction reference) {
        return forFunction(reference, DEFAULT_COUNT, 0x5EED_C4A1L);
    }

    public int size() {
        return points.size();
    }

    /** The values of {@code f} at these points, in order. */
    public double[] valuesOf(NumericFunction f) {
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.evaluate(points.get(i));
        }
        return values;
    }

    static boolean isUsable(double value) {
        return Double.isFinite(value) && Math.abs(value) < MAX_MAGNITUDE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SamplePoints that && points.size() == that.points.size()
                && java.util.stream.IntStream.range(0, points.size())
                        .allMatch(i -> Arrays.equals(points.get(i), that.points.get(i)));
    }

    @Override
    public int hashCode() {
        return points.stream().mapToInt(Arrays::hashCode).reduce(17, (a, b) -> 31 * a + b);
    }

    @Override
    public String toString() {
        return "SamplePoints" + points.stream().map(Arrays::toString).toList();
    }
}
