package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.sum;

/** {@code f(g(x))′ -> f′(g(x)) + g′(x)}: the inner derivative added instead of multiplied. */
final class AddedNotMultiplied implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.ADDED_NOT_MULTIPLIED;
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                sum(step.usedOuterDerivativeAt(step.inner()), step.usedInnerDerivative()),
                () -> "You added the inner derivative " + of(step.innerDerivative()) + "; the chain rule multiplies by it: "
                        + of(step.correct()) + ".");
    }
}
