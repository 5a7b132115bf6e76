package org.chainwise.bank.concept;

import java.util.Objects;

/** A displayed equation in plain text and LaTeX, with how to read it aloud. */
public record Equation(String key, String text, String latex, String reading) implements ConceptPart {

    public Equation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latex, "latex");
        Objects.requireNonNull(reading, "reading");
    }
}
