package org.chainwise.engine.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;

/**
 * A function of one variable split into its composition layers, outermost first: {@code sin(cos(x^2))}
 * is {@code sin(□)} applied to {@code cos(x^2)}, {@code cos(□)} applied to {@code x^2}, and {@code □^2}
 * applied to {@code x}.
 *
 * <p>Where decomposition stops, and why:
 * <ul>
 *   <li>A layer is peeled off when the expression is one elementary function {@code F(u)}, {@code u^n}
 *       or {@code a^u} of a non-constant {@code u}, possibly scaled and shifted by constants
 *       ({@code 3 sin(u) + 1} is one layer): constants ride along with the function they multiply,
 *       because the chain rule treats {@code 3 sin(□)} exactly as {@code sin(□)}.</li>
 *   <li>Anything else is a leaf, the last layer, applied to the variable itself: polynomials and
 *       linear expressions ({@code 3x+1}, {@code x^2+1}: one layer, since students differentiate them
 *       in one step), products of two non-constant factors ({@code x e^x}), sums of several
 *       non-constant terms, {@code u^v} with both sides non-constant.</li>
 *   <li>When the expression left is the variable itself, decomposition is over: {@code sin(x)} is one
 *       layer, a constant or a plain {@code x} has none.</li>
 *   <li>At most {@link #MAX_LAYERS} layers: deeper nests keep their innermost part as one leaf.</li>
 * </ul>
 */
public record Composition(Expr function, String variable, List<Layer> layers) {

    /** The placeholder a layer's function is written in; no student or item variable can have this name. */
    public static final Var HOLE = new Var("□");

    /** Deeper nests than this are not met in practice, and buggy-rule pairs grow with the square of the depth. */
    public static final int MAX_LAYERS = 6;

    public Composition {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(variable, "variable");
        layers = List.copyOf(layers);
    }

    /**
     * One layer: {@code function} of {@link #HOLE} applied to {@code inner}, an expression in the variable.
     * The layer above applies its own function to this layer's {@link #applied()} value.
     */
    public record Layer(Expr function, Expr inner) {

        public Layer {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(inner, "inner");
        }

        /** The function read at {@code u}: {@code f(u)}, simplified. */
        public Expr functionAt(Expr u) {
            return Algebra.simplify(function.substitute(HOLE.name(), u));
        }

        /** This layer as an expression in the variable: {@code f(inner)}. */
        public Expr applied() {
            return functionAt(inner);
        }

        /** The elementary function at the heart of the layer: {@code sin(□)} in {@code 3 sin(□) + 1}; the whole function for a leaf. */
        public Expr core() {
            return coreOf(function, HOLE.name());
        }

        /** What the core's derivative is multiplied by in the layer's: 3 in {@code 3 sin(□) + 1}, 1 for a leaf. */
        public Expr coreScale() {
            return Derivative.of(replaceCore(function, HOLE.name(), HOLE), HOLE.name());
        }
    }

    /** The layers of {@code function}, outermost first; none for a constant or the variable itself. */
    public static Composition of(Expr function, String variable) {
        Expr rest = Algebra.simplify(function);
        Var x = new Var(variable);
        List<Layer> layers = new ArrayList<>();
        while (rest.dependsOn(variable) && !rest.equals(x)) {
            Layer layer = layers.size() < MAX_LAYERS - 1 ? peel(rest, variable) : null;
            if (layer == null) {
                layers.add(new Layer(Algebra.simplify(rest.substitute(variable, HOLE)), x));
                break;
            }
            layers.add(layer);
            rest = layer.inner();
        }
        return new Composition(Algebra.simplify(function), variable, layers);
    }

    /** The number of layers. */
    public int depth() {
        return layers.size();
    }

    /** Layer {@code k}, numbered from 1 = outermost, as in a diagnosis. */
    public Layer layer(int k) {
        return layers.get(k - 1);
    }

    /** The outermost layer of {@code e}, or null when {@code e} is a leaf. */
    private static Layer peel(Expr e, String variable) {
        Expr core = coreOf(e, variable);
        if (core instanceof Apply a) {
            return new Layer(replaceCore(e, variable, Algebra.apply(a.function(), HOLE)), a.argument());
        }
        if (core instanceof Power p && !p.exponent().dependsOn(variable)) {
            return new Layer(replaceCore(e, variable, Algebra.power(HOLE, p.exponent())), p.base());
        }
        if (core instanceof Power p && !p.base().dependsOn(variable)) {
            return new Layer(replaceCore(e, variable, Algebra.power(p.base(), HOLE)), p.exponent());
        }
        return null;
    }

    /** The one non-constant node reached through sums and products with a single non-constant part. */
    private static Expr coreOf(Expr e, String variable) {
        List<Expr> parts = e instanceof Sum s ? s.terms() : e instanceof Product p ? p.factors() : List.of();
        List<Expr> varying = parts.stream().filter(part -> part.dependsOn(variable)).toList();
        return varying.size() == 1 ? coreOf(varying.getFirst(), variable) : e;
    }

    /** {@code e} with its core (see {@link #coreOf}) replaced by {@code replacement}. */
    private static Expr replaceCore(Expr e, String variable, Expr replacement) {
        if (e instanceof Sum s && coreOf(e, variable) != e) {
            return Algebra.sum(s.terms().stream()
                    .map(t -> t.dependsOn(variable) ? replaceCore(t, variable, replacement) : t).toList());
        }
        if (e instanceof Product p && coreOf(e, variable) != e) {
            return Algebra.product(p.factors().stream()
                    .map(f -> f.dependsOn(variable) ? replaceCore(f, variable, replacement) : f).toList());
        }
        return replacement;
    }
}
