package org.chainwise.bank.concept;

import java.util.Objects;

/**
 * Code that witnesses a claim by running it: automatic differentiation of {@code function} at
 * {@code point} gives {@code autogradValue}, equal (to float32 precision) to the chain rule's
 * {@code analyticValue}, which our own engine computes in a test.
 */
public record CodeWitness(String key, String language, String code, String function, double point,
        double analyticValue, String autogradValue, String claim) implements ConceptPart {

    public CodeWitness {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(autogradValue, "autogradValue");
        Objects.requireNonNull(claim, "claim");
    }
}
