package org.chainwise.bank.answer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;

/**
 * The grade of a student's answer to one item, every part of it: the verdict, how the answer was
 * read (all parts together, absent when a part could not be read), the misconceptions behind an
 * incorrect answer (most likely first), the error of an invalid one naming its part, and the time
 * spent.
 */
public record ItemGrade(Verdict verdict, Optional<Interpretation> interpretedAs, List<Diagnosis> misconceptions,
        Optional<PartError> error, Duration time) {

    public ItemGrade {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(interpretedAs, "interpretedAs");
        misconceptions = List.copyOf(misconceptions);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
        if ((verdict == Verdict.INVALID) != error.isPresent()) {
            throw new IllegalArgumentException("an error is given exactly for an invalid answer");
        }
        if ((verdict == Verdict.INVALID) == interpretedAs.isPresent()) {
            throw new IllegalArgumentException("a graded answer, and only a graded one, has an interpretation");
        }
        if (verdict != Verdict.INCORRECT && !misconceptions.isEmpty()) {
            throw new IllegalArgumentException("only an incorrect answer has misconceptions");
        }
    }

    static ItemGrade invalid(PartError error, Duration time) {
        return new ItemGrade(Verdict.INVALID, Optional.empty(), List.of(), Optional.of(error), time);
    }

    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }
}
