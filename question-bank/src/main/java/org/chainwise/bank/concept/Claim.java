package org.chainwise.bank.concept;

import java.util.List;
import java.util.Objects;

/** A statement the page makes, with the keys of the parts that support it. */
public record Claim(String key, String statement, List<String> supportedBy) implements ConceptPart {

    public Claim {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(statement, "statement");
        supportedBy = List.copyOf(supportedBy);
    }
}
