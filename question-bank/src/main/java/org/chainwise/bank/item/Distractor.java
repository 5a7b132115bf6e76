package org.chainwise.bank.item;

import java.util.Objects;
import org.chainwise.engine.diagnose.Misconception;

/** A wrong answer a student holding {@code code} at composition layer {@code layer} would give. */
public record Distractor(Formula answer, Misconception code, int layer) {

    public Distractor {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(code, "code");
        if (layer < 1) {
            throw new IllegalArgumentException("layers are numbered from 1, got " + layer);
        }
    }
}
