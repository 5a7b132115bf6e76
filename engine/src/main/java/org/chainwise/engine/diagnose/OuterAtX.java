package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code f(g(x))′ -> f′(x)·g′(x)}: the outer derivative read at x instead of at the inner function; and where
 * g is itself {@code h(k(x))}, also {@code f(h(k(x)))′ -> f′(k(x))·g′(x)}: read at the argument of g only.
 */
final class OuterAtX implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.OUTER_AT_X;
    }

    @Override
    public List<Attempt> attempts(Step step) {
        List<Attempt> attempts = new ArrayList<>(ChainRule.super.attempts(step));
        step.nestedBelow().map(Step::inner).ifPresent(deeper -> attempts.add(new Attempt(
                product(step.usedOuterDerivativeAt(deeper), step.usedInnerDerivative()),
                () -> "You used " + of(step.outerDerivativeAt(deeper))
                        + " where the outer derivative must be read at the whole inner function: "
                        + of(step.outerDerivativeAt(step.inner())) + ".")));
        return List.copyOf(attempts);
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
