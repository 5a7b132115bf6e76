package org.chainwise.engine.mastery;

/**
 * What the model knows about one skill of one student: the probability it is known, how often it was
 * practised, the attempt number of its last practice, the current run of right answers, and how many
 * spaced reviews in a row it passed while mastered.
 */
public record SkillState(double known, int opportunities, int lastPractised, int streak, int reviewsPassed) {

    public SkillState {
        BktParameters.probability("known", known);
        if (opportunities < 0 || lastPractised < 0 || streak < 0 || reviewsPassed < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }

    /** A mastered skill is first reviewed this many attempts after its last practice; the gap doubles per passed review. */
    public static final int FIRST_REVIEW_GAP = 15;

    /** Whether, if mastered, this skill is due for a spaced review at attempt number {@code attempt}. */
    public boolean reviewDue(int attempt) {
        return attempt - lastPractised >= FIRST_REVIEW_GAP << Math.min(reviewsPassed, 10);
    }

    /** A skill never practised, known with probability {@code prior}. */
    public static SkillState unpractised(double prior) {
        return new SkillState(prior, 0, 0, 0, 0);
    }
}
