package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;

/**
 * {@code f(g(x))′ -> f′(g(x))}: the inner derivative left out. At layer k of a deeper nest this drops
 * everything inside layer k; dropping two separate factors is a pair of these.
 */
final class MissingInner implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.MISSING_INNER;
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                step.usedOuterDerivativeAt(step.inner()),
                () -> "You left out the derivative of the inner function " + of(step.inner())
                        + ": multiply by " + of(step.innerDerivative()) + ".");
    }
}
