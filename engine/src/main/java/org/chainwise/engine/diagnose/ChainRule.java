package org.chainwise.engine.diagnose;

import java.util.List;

/**
 * A buggy rule about the chain itself (where f′ is read, whether g′ multiplies it), with one attempt per
 * step; it has nothing to say at the innermost layer, where the inner function is the variable itself.
 */
sealed interface ChainRule extends BuggyRule
        permits MissingInner, OuterAtX, ComposedDerivatives, AddedNotMultiplied, ProductRuleOnComposition, ReversedNesting {

    /** What the student writes at a step whose inner function is not the variable. */
    Attempt attempt(Step step);

    @Override
    default List<Attempt> attempts(Step step) {
        return step.hasInnerFunction() ? List.of(attempt(step)) : List.of();
    }
}
