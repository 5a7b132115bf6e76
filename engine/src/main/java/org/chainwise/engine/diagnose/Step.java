package org.chainwise.engine.diagnose;

import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.simplify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Composition.Layer;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;

/**
 * One application of the chain rule, to a layer {@code f(g(x))} of a composition: the true derivatives
 * f′ (of the placeholder) and g′, and the ones the student works with, which differ from the true ones
 * when another bug sits at the same layer (a slip in f′) or deeper in the nest (a wrong g′).
 * Buggy rules compute from the used derivatives and explain with the true ones. {@code below} is the true
 * step of the next layer in, if any: where g is itself {@code h(k(x))}, rules about the middle of a nest
 * need h′(k(x)) and k(x).
 */
public record Step(Layer layer, String variable, Expr outerDerivative, Expr innerDerivative,
        Optional<Step> below, Expr usedOuterDerivative, Expr usedInnerDerivative) {

    public Step {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(outerDerivative, "outerDerivative");
        Objects.requireNonNull(innerDerivative, "innerDerivative");
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(usedOuterDerivative, "usedOuterDerivative");
        Objects.requireNonNull(usedInnerDerivative, "usedInnerDerivative");
    }

    /** The steps of every layer, outermost first, as a student without misconceptions takes them. */
    public static List<Step> of(Composition composition) {
        List<Step> steps = new ArrayList<>();
        Optional<Step> below = Optional.empty();
        for (Layer layer : composition.layers().reversed()) {
            Expr outerDerivative = Derivative.of(layer.function(), Composition.HOLE.name());
            Expr innerDerivative = Derivative.of(layer.inner(), composition.variable());
            Step step = new Step(layer, composition.variable(), outerDerivative, innerDerivative, below,
                    outerDerivative, innerDerivative);
            steps.addFirst(step);
            below = Optional.of(step);
        }
        return List.copyOf(steps);
    }

    public Step withUsedOuterDerivative(Expr derivative) {
        return new Step(layer, variable, outerDerivative, innerDerivative, below, derivative, usedInnerDerivative);
    }

    public Step withUsedInnerDerivative(Expr derivative) {
        return new Step(layer, variable, outerDerivative, innerDerivative, below, usedOuterDerivative, derivative);
    }

    /** g, the expression the outer function is applied to. */
    public Expr inner() {
        return layer.inner();
    }

    /** The variable as an expression. */
    public Var x() {
        return new Var(variable);
    }

    /** Whether there is an inner function at all: false for the innermost layer, applied to x itself. */
    public boolean hasInnerFunction() {
        return !inner().equals(x());
    }

    /** f(u). */
    public Expr outerAt(Expr u) {
        return layer.functionAt(u);
    }

    /** The true f′(u). */
    public Expr outerDerivativeAt(Expr u) {
        return at(outerDerivative, u);
    }

    /** The f′(u) the student uses. */
    public Expr usedOuterDerivativeAt(Expr u) {
        return at(usedOuterDerivative, u);
    }

    /** The step below when it has an inner function of its own, so that this step's inner function is {@code h(k(x))}. */
    public Optional<Step> nestedBelow() {
        return below.filter(Step::hasInnerFunction);
    }

    /**
     * The step below as rules about the middle of a nest see it: present when g is {@code h(k(x))} and g′ is
     * still the true one, since once a deeper bug has changed g′ it has no single h′ to leave out or swap.
     */
    public Optional<Step> middle() {
        return usedInnerDerivative.equals(innerDerivative) ? nestedBelow() : Optional.empty();
    }

    /** The chain rule applied with the derivatives the student uses: f′(g(x))·g′(x). */
    public Expr chainRule() {
        return product(usedOuterDerivativeAt(inner()), usedInnerDerivative);
    }

    /** The true f′(g(x))·g′(x). */
    public Expr correct() {
        return product(outerDerivativeAt(inner()), innerDerivative);
    }

    private static Expr at(Expr derivativeOfHole, Expr u) {
        return simplify(derivativeOfHole.substitute(Composition.HOLE.name(), u));
    }
}
