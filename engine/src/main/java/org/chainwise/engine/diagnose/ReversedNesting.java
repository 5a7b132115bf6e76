package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.simplify;

import org.chainwise.engine.expr.Expr;

/** {@code f(g(x))′ -> g′(f(x))·f′(x)}: the derivative of {@code g(f(x))}, the nesting reversed. */
final class ReversedNesting implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.REVERSED_NESTING;
    }

    @Override
    public Attempt attempt(Step step) {
        Expr outerOfX = step.outerAt(step.x());
        return new Attempt(
                product(simplify(step.usedInnerDerivative().substitute(step.variable(), outerOfX)),
                        step.usedOuterDerivativeAt(step.x())),
                () -> "You differentiated " + of(simplify(step.inner().substitute(step.variable(), outerOfX)))
                        + ", the functions nested the other way round: in " + of(step.outerAt(step.inner())) + " the inner function is " + of(step.inner())
                        + ", so the derivative is " + of(step.correct()) + ".");
    }
}
