package org.chainwise.engine.check;

/**
 * What the checker concluded about an answer and on what evidence: the answer note of a check. The
 * rules that lead to each outcome are in {@link Checker}.
 */
public enum CheckOutcome {
    /** Equal at the sample points, and Symja reduced the difference to 0. */
    CONFIRMED(true),
    /** Equal at the sample points, and Symja reduced the difference to 0 with the log and power rules valid for x > 0. */
    CONFIRMED_FOR_POSITIVE(true),
    /**
     * Equal at the sample points and at four times as many fresh ones, with ordinary constants only,
     * while Symja could not decide in time.
     */
    NUMERIC_EVIDENCE(true),
    /** Different at a sample point where both are defined. */
    DIFFERS_NUMERICALLY(false),
    /** Equal in double precision, but Symja found a difference (50-digit arithmetic or a nonzero residue). */
    REFUTED_SYMBOLICALLY(false),
    /** Equal at the first sample points but different at one of the denser second screen. */
    DIFFERS_ON_DENSE_SCREEN(false),
    /** Undecided by Symja and built with constants too small or too large for numbers to vouch for it. */
    UNCONFIRMED(false),
    /** Too few points where both are defined to compare, and no symbolic proof of equality. */
    NOT_COMPARABLE(false);

    private final boolean correct;

    CheckOutcome(boolean correct) {
        this.correct = correct;
    }

    /** Whether the answer is accepted as correct. */
    public boolean correct() {
        return correct;
    }
}
