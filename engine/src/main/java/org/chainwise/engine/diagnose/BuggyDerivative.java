package org.chainwise.engine.diagnose;

import java.util.Objects;
import org.chainwise.engine.expr.Expr;

/**
 * The derivative a student holding one misconception at one layer writes, with the explanation a
 * diagnosis of it gives: what the question bank offers as a distractor.
 */
public record BuggyDerivative(Misconception code, int layer, Expr derivative, String explanation) {

    public BuggyDerivative {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(derivative, "derivative");
        Objects.requireNonNull(explanation, "explanation");
    }
}
