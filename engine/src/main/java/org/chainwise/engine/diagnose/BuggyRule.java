package org.chainwise.engine.diagnose;

import java.util.List;
import java.util.function.Supplier;
import org.chainwise.engine.expr.Expr;

/**
 * A misconception written as a rewrite of one chain-rule step: what a student holding it writes for the
 * derivative of {@code f(g(x))}, each attempt with the sentence that explains it. The rules are listed,
 * in order of likelihood, by {@link BuggyRules#IN_ORDER}.
 */
public sealed interface BuggyRule
        permits ChainRule, WrongOuterDerivative {

    /** The misconception this rule stands for. */
    Misconception code();

    /** The derivatives the student writes at this step, most likely first; empty where the rule does not apply. */
    List<Attempt> attempts(Step step);

    /**
     * A buggy derivative of one step and the sentence, with the item's functions, that explains it; the
     * sentence is written only when a diagnosis needs it, because most attempts are never matched.
     */
    record Attempt(Expr derivative, Supplier<String> explanation) {
    }
}
