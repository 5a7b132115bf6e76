package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.expr.Expr;

/**
 * {@code f(g(x))′ -> f′(g(x))}: the inner derivative left out. At layer k of a deeper nest this drops
 * everything inside layer k; and where g is itself {@code h(k(x))}, also
 * {@code f(h(k(x)))′ -> f′(h(k(x)))·k′(x)}: the middle factor {@code h′(k(x))} left out of g′.
 * Dropping factors at two layers is a pair of these.
 */
final class MissingInner implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.MISSING_INNER;
    }

    @Override
    public List<Attempt> attempts(Step step) {
        List<Attempt> attempts = new ArrayList<>(ChainRule.super.attempts(step));
        if (step.middle().isPresent()) {
            Step below = step.middle().get();
            Expr middle = below.outerDerivativeAt(below.inner());
            attempts.add(new Attempt(
                    product(step.usedOuterDerivativeAt(step.inner()), below.innerDerivative()),
                    () -> "In the derivative of the inner function " + of(step.inner()) + " you left out the factor "
                            + of(middle) + ": multiply by it."));
        }
        return List.copyOf(attempts);
    }

    @Override
    public Attempt attempt(Step step) {
        return new Attempt(
                step.usedOuterDerivativeAt(step.inner()),
                () -> "You left out the derivative of the inner function " + of(step.inner())
                        + ": multiply by " + of(step.innerDerivative()) + ".");
    }
}
