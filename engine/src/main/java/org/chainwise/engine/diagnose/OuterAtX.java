package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;

/** {@code f(g(x))′ -> f′(x)·g′(x)}: the outer derivative read at x instead of at the inner function. */
final class OuterAtX implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.OUTER_AT_X;
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                product(step.usedOuterDerivativeAt(step.x()), step.usedInnerDerivative()),
                () -> "You used " + of(step.outerDerivativeAt(step.x()))
                        + " where the outer derivative must be read at the inner function: "
                        + of(step.outerDerivativeAt(step.inner())) + ".");
    }
}
