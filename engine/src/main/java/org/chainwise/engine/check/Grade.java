package org.chainwise.engine.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.diagnose.Diagnosis;

/**
 * The grade of one answer, the value behind the {@code grade} contract: the verdict, how the answer was
 * read (absent when it could not be), the misconceptions behind an incorrect answer (most likely first;
 * {@code OTHER} when no buggy rule fits), the error of an invalid one, the checker's outcome (absent when
 * there was nothing to check) and the time spent.
 */
public record Grade(Verdict verdict, Optional<Interpretation> interpretedAs, List<Diagnosis> misconceptions,
        Optional<InputError> error, Optional<CheckOutcome> outcome, Duration time) {

    public Grade {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(interpretedAs, "interpretedAs");
        misconceptions = List.copyOf(misconceptions);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(time, "time");
        if ((verdict == Verdict.INVALID) != error.isPresent()) {
            throw new IllegalArgumentException("an error is given exactly for an invalid answer");
        }
        if (verdict != Verdict.INCORRECT && !misconceptions.isEmpty()) {
            throw new IllegalArgumentException("only an incorrect answer has misconceptions");
        }
    }

    /** An answer (or request) that could not be read. */
    public static Grade invalid(InputError error, Duration time) {
        return new Grade(Verdict.INVALID, Optional.empty(), List.of(), Optional.of(error), Optional.empty(), time);
    }
}
