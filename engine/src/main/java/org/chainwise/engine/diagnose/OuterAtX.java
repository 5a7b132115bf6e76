package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;

import java.util.List;

/** {@code f(g(x))′ -> f′(x)·g′(x)}: the outer derivative read at x instead of at the inner function. */
final class OuterAtX implements BuggyRule {

    @Override
    public Misconception code() {
        return Misconception.OUTER_AT_X;
    }

    @Override
    public List<Attempt> attempts(Step step) {
        if (!step.hasInnerFunction()) {
            return List.of();
        }
        return List.of(new Attempt(
                product(step.usedOuterDerivativeAt(step.x()), step.usedInnerDerivative()),
                () -> "You used " + of(step.outerDerivativeAt(step.x()))
                        + " where the outer derivative must be read at the inner function: "
                        + of(step.outerDerivativeAt(step.inner())) + "."));
    }
}
