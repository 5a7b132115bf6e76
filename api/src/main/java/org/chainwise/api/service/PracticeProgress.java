package org.chainwise.api.service;

/**
 * Where one learner stands in one practice set after a graded submission: what a grade book
 * needs (LTI Assignment and Grade Services posts it as a score).
 *
 * @param scoreGiven   the score so far, between 0 and {@code scoreMaximum}
 * @param completed    whether the set's completion rule (mastery or item count) is met
 */
public record PracticeProgress(
        long courseId,
        long userId,
        long practiceSetId,
        int itemsAttempted,
        int itemsCorrect,
        double scoreGiven,
        double scoreMaximum,
        boolean completed) {

    public PracticeProgress {
        if (itemsAttempted < 0 || itemsCorrect < 0 || itemsCorrect > itemsAttempted) {
            throw new IllegalArgumentException("items correct " + itemsCorrect + " of " + itemsAttempted);
        }
        if (!(scoreMaximum > 0) || scoreGiven < 0 || scoreGiven > scoreMaximum) {
            throw new IllegalArgumentException("score " + scoreGiven + " of " + scoreMaximum);
        }
    }
}
