package org.chainwise.engine.print;

/**
 * How tightly a printed form binds, from loosest to tightest; a child printed with a lower precedence
 * than its place requires is wrapped in parentheses.
 */
final class Precedence {

    static final int SUM = 1;
    /** A leading minus: {@code -x^2}, {@code -3}; looser than a product so that {@code 2*(-x)} keeps its parentheses. */
    static final int NEGATION = 2;
    static final int PRODUCT = 3;
    static final int POWER = 4;
    static final int ATOM = 5;

    private Precedence() {
    }
}
