package org.chainwise.engine.calculus;

/** What a numeric comparison of two functions found. */
public enum Agreement {
    /** Equal within tolerance at every point where both are defined, and at enough points. */
    SAME,
    /** Different beyond tolerance at one or more points where both are defined. */
    DIFFERENT,
    /** Too few points where both are defined to say. */
    INCONCLUSIVE
}
