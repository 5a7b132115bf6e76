package org.chainwise.engine.diagnose;

import java.util.Objects;

/**
 * One misconception that explains a wrong answer: its code, the composition layer where it happened
 * (1 = outermost), and one sentence a student can act on, written with the item's own functions.
 */
public record Diagnosis(Misconception code, int layer, String explanation) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(explanation, "explanation");
        if (layer < 1) {
            throw new IllegalArgumentException("layers are numbered from 1, got " + layer);
        }
    }
}
