package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.simplify;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.expr.Expr;

/**
 * {@code f(g(x))′ -> g′(f(x))·f′(x)}: the derivative of {@code g(f(x))}, the nesting reversed; and where g
 * is itself {@code h(k(x))}, also {@code f(h(k(x)))′ -> h′(f(k(x)))·f′(k(x))·k′(x)}: the derivative of
 * {@code h(f(k(x)))}, the two outer functions swapped.
 */
final class ReversedNesting implements ChainRule {

    @Override
    public Misconception code() {
        return Misconception.REVERSED_NESTING;
    }

    @Override
    public List<Attempt> attempts(Step step) {
        List<Attempt> attempts = new ArrayList<>(ChainRule.super.attempts(step));
        if (step.middle().isPresent()) {
            Step below = step.middle().get();
            Expr deeper = below.inner();
            attempts.add(new Attempt(
                    product(below.outerDerivativeAt(step.outerAt(deeper)), step.usedOuterDerivativeAt(deeper),
                            below.innerDerivative()),
                    () -> explanation(step, below.outerAt(step.outerAt(deeper)))));
        }
        return List.copyOf(attempts);
    }

    @Override
    public Attempt attempt(Step step) {
        Expr outerOfX = step.outerAt(step.x());
        return new Attempt(
                product(simplify(step.usedInnerDerivative().substitute(step.variable(), outerOfX)),
                        step.usedOuterDerivativeAt(step.x())),
                () -> explanation(step, simplify(step.inner().substitute(step.variable(), outerOfX))));
    }

    private static String explanation(Step step, Expr reversed) {
        return "You differentiated " + of(reversed) + ", the functions nested the other way round: in "
                + of(step.outerAt(step.inner())) + " the inner function is " + of(step.inner())
                + ", so the derivative is " + of(step.correct()) + ".";
    }
}
