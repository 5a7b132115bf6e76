package org.chainwise.bank.concept;

import java.util.Objects;
import org.chainwise.engine.diagnose.Misconception;

/**
 * One misconception of DESIGN.md as the page presents it: the wrong answer it gives for sin(x^2),
 * why it is tempting, and the repair a student can act on. Keyed {@code misconception:CODE}.
 */
public record MisconceptionRepair(String key, Misconception code, String wrongAnswer, String why, String repair)
        implements ConceptPart {

    public MisconceptionRepair {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(wrongAnswer, "wrongAnswer");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(repair, "repair");
        if (!key.equals(keyOf(code))) {
            throw new IllegalArgumentException("the key of " + code + " is " + keyOf(code) + ", not " + key);
        }
    }

    public static String keyOf(Misconception code) {
        return "misconception:" + code.name();
    }
}
