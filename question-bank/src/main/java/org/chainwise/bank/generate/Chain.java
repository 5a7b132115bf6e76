package org.chainwise.bank.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Layer;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;

/**
 * A function the bank composed for a chain-rule item, seen through the engine's {@link Composition}:
 * the layers an item shows, its outer and inner function, are the engine's, so the layer a distractor's
 * code names is the layer the item shows.
 */
public record Chain(Composition composition) {

    /** The input a layer is written in, layer 1 outermost; the innermost layer is written in the item's variable. */
    private static final List<String> LAYER_INPUTS = List.of("u", "v", "w", "s", "t");

    public Chain {
        if (composition.depth() < 2) {
            throw new IllegalArgumentException("a chain has at least two layers: " + composition.function());
        }
    }

    /**
     * {@code layers}, outermost first, composed: each a function of u, v, ... in turn, the last of
     * {@code variable}. Empty when simplifying the composition leaves fewer layers than were composed
     * ({@code (x^2)^3} is {@code x^6}, no chain-rule exercise).
     */
    public static Optional<Chain> of(List<Expr> layers, String variable) {
        int last = layers.size() - 1;
        Expr function = layers.get(last);
        for (int i = last - 1; i >= 0; i--) {
            function = layers.get(i).substitute(LAYER_INPUTS.get(i), function);
        }
        Composition composition = Composition.of(Algebra.simplify(function), variable);
        return composition.depth() >= layers.size() ? Optional.of(new Chain(composition)) : Optional.empty();
    }

    /** {@code outer}, a function of u, composed with {@code inner}, a function of {@code variable}. */
    public static Optional<Chain> of(Expr outer, Expr inner, String variable) {
        return of(List.of(outer, inner), variable);
    }

    public String variable() {
        return composition.variable();
    }

    /** The number of layers in the engine's decomposition. */
    public int depth() {
        return composition.depth();
    }

    /** The outer function f, of u: the engine's outermost layer. */
    public Expr outer() {
        return composition.layer(1).functionAt(new Var(LAYER_INPUTS.getFirst()));
    }

    /** The inner function g(x): what the outermost layer is applied to. */
    public Expr inner() {
        return composition.layer(1).inner();
    }

    /** The whole function, simplified. */
    public Expr function() {
        return composition.function();
    }

    public Expr derivative() {
        return Derivative.of(function(), variable());
    }

    /** The engine's layers as an item shows them, each written in its own input. */
    public List<Layer> itemLayers() {
        List<Layer> shown = new ArrayList<>();
        for (int k = 1; k <= depth(); k++) {
            String input = k == depth() ? variable() : LAYER_INPUTS.get(k - 1);
            shown.add(new Layer(k, input, Formula.of(composition.layer(k).functionAt(new Var(input)))));
        }
        return shown;
    }
}
