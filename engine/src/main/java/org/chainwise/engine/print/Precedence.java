package org.chainwise.engine.print;

/**
 * How tightly a printed form binds, from loosest to tightest; a child printed with a lower precedence
 * than its place requires is wrapped in parentheses.
 */
final class Precedence {

    static final int SUM = 1;
    /** A leading minus: {@code -x^2}, {@code -3}; looser than a product so that {@code 2*(-x)} keeps its parentheses. */
    static final int NEGATION = 2;
    /** A product with a fraction bar: {@code x/2}. Inside another product it keeps parentheses, {@code 4*(2/3)*x}, so that reading it back does not move its denominator. */
    static final int QUOTIENT = 3;
    static final int PRODUCT = 4;
    static final int POWER = 5;
    static final int ATOM = 6;

    private Precedence() {
    }
}
