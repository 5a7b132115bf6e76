package org.chainwise.engine.cas;

/** What the computer algebra system could establish about two expressions. */
public enum Equivalence {
    /** Their difference simplifies to 0: equal wherever both are defined. */
    EQUIVALENT,
    /**
     * Their difference simplifies to 0 once powers and logarithms are expanded as they may be for
     * positive variables ({@code ln(x^2) = 2 ln(x)}, {@code sqrt(x^2) = x}): equal for every positive
     * value of the variables, not necessarily elsewhere.
     */
    EQUIVALENT_FOR_POSITIVE_VARIABLES,
    /**
     * Provably different: their difference is a nonzero constant, a nonzero rational function, or
     * evaluates in 40-digit arithmetic to a nonzero real number at a point.
     */
    NOT_EQUIVALENT,
    /** Not decided within the time limit, or the simplification left something it could not judge. */
    UNKNOWN
}
