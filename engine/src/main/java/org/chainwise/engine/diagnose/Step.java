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
 * Buggy rules compute from the used derivatives and explain with the true ones. When the inner function
 * is itself a composition {@code h(k(x))}, {@code innerLayerFactor} is its outer factor {@code h′(k(x))},
 * the one a student who forgets a middle layer leaves out of g′.
 */
public record Step(Layer layer, String variable, Expr outerDerivative, Expr innerDerivative,
        Optional<Expr> innerLayerFactor, Expr usedOuterDerivative, Expr usedInnerDerivative) {

    public Step {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(outerDerivative, "outerDerivative");
        Objects.requireNonNull(innerDerivative, "innerDerivative");
        Objects.requireNonNull(innerLayerFactor, "innerLayerFactor");
        Objects.requireNonNull(usedOuterDerivative, "usedOuterDerivative");
        Objects.requireNonNull(usedInnerDerivative, "usedInnerDerivative");
    }

    /** The steps of every layer, outermost first, as a student without misconceptions takes them. */
    public static List<Step> of(Composition composition) {
        List<Step> steps = new ArrayList<>();
        Optional<Expr> factorBelow = Optional.empty();
        for (Layer layer : composition.layers().reversed()) {
            Step step = of(layer, composition.variable(), factorBelow);
            steps.addFirst(step);
            factorBelow = step.hasInnerFunction()
                    ? Optional.of(step.outerDerivativeAt(step.inner()))
                    : Optional.empty();
        }
        return List.copyOf(steps);
    }

    private static Step of(Layer layer, String variable, Optional<Expr> innerLayerFactor) {
        Expr outerDerivative = Derivative.of(layer.function(), Composition.HOLE.name());
        Expr innerDerivative = Derivative.of(layer.inner(), variable);
        return new Step(layer, variable, outerDerivative, innerDerivative, innerLayerFactor, outerDerivative, innerDerivative);
    }

    public Step withUsedOuterDerivative(Expr derivative) {
        return new Step(layer, variable, outerDerivative, innerDerivative, innerLayerFactor, derivative, usedInnerDerivative);
    }

    public Step withUsedInnerDerivative(Expr derivative) {
        return new Step(layer, variable, outerDerivative, innerDerivative, innerLayerFactor, usedOuterDerivative, derivative);
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
