package org.chainwise.engine.diagnose;

import static org.chainwise.engine.diagnose.ExpressionText.of;

import java.util.List;

/**
 * {@code f(g(x))′ -> s(g(x))·g′(x)} for each slip {@code s} of {@link OuterDerivativeSlip#of} (sign of
 * cos′, power rule on eᵘ, missing ½ of √, exponent not lowered, ln′ as 1, a^u′ without ln a, ...):
 * the chain applied correctly around a wrong elementary derivative. Applies at every layer, the
 * innermost included.
 */
final class WrongOuterDerivative implements BuggyRule {

    @Override
    public Misconception code() {
        return Misconception.WRONG_OUTER_DERIVATIVE;
    }

    @Override
    public List<Attempt> attempts(Step step) {
        return slipped(step).stream().map(Slipped::attempt).toList();
    }

    /** A step taken with a slip in place of f′, and the attempt it gives with the chain otherwise right. */
    record Slipped(Step step, Attempt attempt) {
    }

    /** Each slip of the step's layer, for combining it with another rule at the same layer. */
    List<Slipped> slipped(Step step) {
        return OuterDerivativeSlip.of(step.layer()).stream().map(slip -> {
            Step slipped = step.withUsedOuterDerivative(slip.derivative());
            return new Slipped(slipped, new Attempt(
                    slipped.chainRule(),
                    () -> "You used " + of(slipped.usedOuterDerivativeAt(step.inner())) + " as the derivative of "
                            + of(step.outerAt(step.inner())) + " with respect to " + of(step.inner()) + ", but it is "
                            + of(step.outerDerivativeAt(step.inner())) + ": " + slip.fact() + "."));
        }).toList();
    }
}
