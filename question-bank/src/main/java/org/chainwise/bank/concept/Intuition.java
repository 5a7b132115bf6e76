package org.chainwise.bank.concept;

import java.util.Objects;

/** The idea in words before any symbols: rates multiply along a chain of dependence. */
public record Intuition(String key, String text) implements ConceptPart {

    public Intuition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }
}
