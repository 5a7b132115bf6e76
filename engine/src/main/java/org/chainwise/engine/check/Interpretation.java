package org.chainwise.engine.check;

import java.util.Objects;

/** How the engine read an answer, in plain text and in LaTeX, shown back to the student. */
public record Interpretation(String text, String latex) {

    public Interpretation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latex, "latex");
    }
}
