package org.chainwise.engine.parse;

/** The bounds on a student's answer, chosen so that nothing downstream (numeric screening, the CAS) can blow up. */
public final class Limits {

    /** Longer input is refused before it is read at all. */
    public static final int MAX_LENGTH = 500;
    /** Brackets, function arguments, exponents and signs nested inside each other. */
    public static final int MAX_DEPTH = 40;
    /** Digits in one number literal, before and after the decimal point together. */
    public static final int MAX_DIGITS = 20;
    /** The largest magnitude of an exponent that does not depend on the variable, and of exponents multiplied through powers of powers. */
    public static final int MAX_EXPONENT = 1000;
    /** Powers of powers, counted through both base and exponent: {@code 2^2^2} is 2 deep. */
    public static final int MAX_TOWER = 3;
    /** The largest magnitude of a power of numbers: {@code 2^1000} passes, {@code 3^1000} does not. */
    public static final double MAX_CONSTANT = Double.MAX_VALUE;
    /** The largest index of a root written {@code \sqrt[n]{u}}. */
    public static final int MAX_ROOT_INDEX = 100;

    private Limits() {
    }
}
