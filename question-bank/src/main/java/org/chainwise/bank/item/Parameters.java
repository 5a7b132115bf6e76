package org.chainwise.bank.item;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes an item harder, stated explicitly: {@code depth} is the number of composition layers
 * (2 for f(g(x)), 3 for f(g(h(x)))), {@code innerComplexity} grows the innermost function from
 * {@code x^2} to {@code 3x^2 - 2x + 1} (1 to 3), and {@code maxConstant} bounds the coefficients.
 */
public record Parameters(int depth, int innerComplexity, int maxConstant) {

    /** The defaults: one chain, an inner function with a coefficient or a shift ({@code sin(3x)}), coefficients up to 5. */
    public static final Parameters STANDARD = new Parameters(2, 2, 5);

    public Parameters {
        if (depth < 2 || depth > 3) {
            throw new IllegalArgumentException("depth is 2 or 3, got " + depth);
        }
        if (innerComplexity < 1 || innerComplexity > 3) {
            throw new IllegalArgumentException("innerComplexity is 1 to 3, got " + innerComplexity);
        }
        if (maxConstant < 2 || maxConstant > 9) {
            throw new IllegalArgumentException("maxConstant is 2 to 9, got " + maxConstant);
        }
    }

    /** Every combination of depth and inner complexity, with coefficients up to {@code maxConstant}. */
    public static List<Parameters> grid(int maxConstant) {
        List<Parameters> grid = new ArrayList<>();
        for (int depth = 2; depth <= 3; depth++) {
            for (int complexity = 1; complexity <= 3; complexity++) {
                grid.add(new Parameters(depth, complexity, maxConstant));
            }
        }
        return List.copyOf(grid);
    }

    public Parameters withDepth(int newDepth) {
        return new Parameters(newDepth, innerComplexity, maxConstant);
    }

    /** The compact form used in item ids: {@code d2-c1-k5}. */
    public String key() {
        return "d" + depth + "-c" + innerComplexity + "-k" + maxConstant;
    }
}
