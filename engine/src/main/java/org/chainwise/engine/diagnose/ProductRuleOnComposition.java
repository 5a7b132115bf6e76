package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.sum;

/** {@code f(g(x))′ -> f′(x)·g(x) + f(x)·g′(x)}: the composition treated as the product of f and g. */
final class ProductRuleOnComposition implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.PRODUCT_RULE;
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                sum(product(step.usedOuterDerivativeAt(step.x()), step.inner()),
                        product(step.outerAt(step.x()), step.usedInnerDerivative())),
                () -> of(step.outerAt(step.inner())) + " is a composition, not the product of " + of(step.outerAt(step.x()))
                        + " and " + of(step.inner()) + ": read the outer derivative at " + of(step.inner())
                        + " and multiply by " + of(step.innerDerivative()) + ".");
    }
}
