package org.chainwise.bank.item;

import java.util.Objects;

/** One step of a worked solution: what kind of step, what is done, and the expression it arrives at. */
public record SolutionStep(Kind kind, String explanation, Formula result) {

    public SolutionStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(result, "result");
    }

    /** The four moves of the chain rule, in the order a solution makes them. */
    public enum Kind {
        IDENTIFY_OUTER_AND_INNER,
        OUTER_AT_INNER,
        MULTIPLY_BY_INNER_DERIVATIVE,
        SIMPLIFY
    }
}
