package org.chainwise.engine.mastery;

/** The standard normal distribution function, for posterior probabilities of the logistic tracker. */
final class Normal {

    private Normal() {
    }

    /** Φ(x), accurate to about 1e-7 (Abramowitz and Stegun 7.1.26 on the error function). */
    static double cdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
