package org.chainwise.engine.mastery;

/** The probabilities of a right answer without the skill (guess) and of a wrong one with it (slip), each below 0.5. */
public record GuessSlip(double guess, double slip) {

    public GuessSlip {
        check(guess, slip);
    }

    /** The probability of a right answer given the probability that every skill the item needs is known. */
    public double correct(double known) {
        return known * (1 - slip) + (1 - known) * guess;
    }

    static void check(double guess, double slip) {
        BktParameters.probability("guess", guess);
        BktParameters.probability("slip", slip);
        if (guess >= 0.5 || slip >= 0.5) {
            throw new IllegalArgumentException("guess and slip stay below 0.5, got " + guess + " and " + slip);
        }
    }
}
