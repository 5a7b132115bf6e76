package org.chainwise.engine.mastery;

import java.util.Objects;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/** One answered item: what was served, whether the answer was right, and the misconceptions diagnosed in it. */
public record Attempt(Candidate item, boolean correct, Set<Misconception> diagnosed) {

    public Attempt {
        Objects.requireNonNull(item, "item");
        diagnosed = EnumCopies.set(diagnosed == null ? Set.of() : diagnosed, Misconception.class);
        if (correct && !diagnosed.isEmpty()) {
            throw new IllegalArgumentException("a correct answer carries no misconception: " + diagnosed);
        }
    }

    /** A correct answer. */
    public static Attempt right(Candidate item) {
        return new Attempt(item, true, Set.of());
    }

    /** A wrong answer with the diagnosed misconceptions (possibly none). */
    public static Attempt wrong(Candidate item, Misconception... diagnosed) {
        return new Attempt(item, false, Set.of(diagnosed));
    }
}
