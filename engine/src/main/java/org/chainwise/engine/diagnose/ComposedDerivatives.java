package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;

/** {@code f(g(x))′ -> f′(g′(x))}: the derivatives composed instead of multiplied. */
final class ComposedDerivatives implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.COMPOSED_DERIVATIVES;
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                step.usedOuterDerivativeAt(step.usedInnerDerivative()),
                () -> "You read the outer derivative at the inner derivative, "
                        + of(step.outerDerivativeAt(step.innerDerivative())) + "; read it at the inner function, "
                        + of(step.outerDerivativeAt(step.inner())) + ", and multiply by " + of(step.innerDerivative()) + ".");
    }
}
