package org.chainwise.engine.mastery;

/**
 * Knowledge-tracing parameters of one skill: the probability it is known before practice, of learning
 * it at an opportunity, of a right answer without it (guess), of a wrong answer with it (slip), and of
 * forgetting it at an opportunity. Guess and slip stay below 0.5, otherwise "known" would predict worse
 * answers than "unknown" and the model would lose its meaning.
 */
public record BktParameters(double prior, double learn, double guess, double slip, double forget) {

    /** Before any data: a few students already know a skill, free-form answers are rarely guessed. */
    public static final BktParameters DEFAULT = new BktParameters(0.2, 0.15, 0.12, 0.1, 0.0);

    public BktParameters {
        probability("prior", prior);
        probability("learn", learn);
        probability("forget", forget);
        GuessSlip.check(guess, slip);
    }

    /** The guess and slip rates of this skill. */
    public GuessSlip emission() {
        return new GuessSlip(guess, slip);
    }

    static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is a probability, got " + value);
        }
    }
}
