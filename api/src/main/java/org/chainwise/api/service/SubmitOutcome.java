package org.chainwise.api.service;

import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;

/**
 * What a submitted answer came to: the attempt recorded, its verdict, how it was read, the feedback,
 * whether the item is now solved, the learner's progress, and whether this submission was a repeat
 * of one already recorded (then nothing new was recorded and this is the first one's result).
 */
public record SubmitOutcome(long attemptId, Verdict verdict, Optional<Interpretation> interpretedAs,
        Optional<InputError> error, Feedback feedback, boolean solved, Progress progress, boolean duplicate) {

    public SubmitOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(interpretedAs, "interpretedAs");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(progress, "progress");
    }
}
