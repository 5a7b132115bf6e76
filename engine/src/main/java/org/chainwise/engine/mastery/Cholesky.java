package org.chainwise.engine.mastery;

/** Small dense symmetric positive-definite matrices in row-major arrays: inverse and product, for the posteriors. */
final class Cholesky {

    private Cholesky() {
    }

    /** The inverse of the symmetric positive-definite {@code n}×{@code n} matrix {@code a}. */
    static double[] inverse(double[] a, int n) {
        double[] l = factor(a, n);
        // Invert the lower triangle, then the inverse is L^-T L^-1.
        double[] li = new double[n * n];
        for (int i = 0; i < n; i++) {
            li[i * n + i] = 1 / l[i * n + i];
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i * n + k] * li[k * n + j];
                }
                li[i * n + j] = sum / l[i * n + i];
            }
        }
        double[] inverse = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < n; k++) {
                    sum += li[k * n + i] * li[k * n + j];
                }
                inverse[i * n + j] = sum;
                inverse[j * n + i] = sum;
            }
        }
        return inverse;
    }

    /** {@code a} times the vector {@code x}. */
    static double[] multiply(double[] a, double[] x, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[i * n + j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** The natural logarithm of the determinant of the symmetric positive-definite matrix {@code a}. */
    static double logDeterminant(double[] a, int n) {
        double[] l = factor(a, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 2 * Math.log(l[i * n + i]);
        }
        return sum;
    }

    private static double[] factor(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    l[i * n + i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }
}
