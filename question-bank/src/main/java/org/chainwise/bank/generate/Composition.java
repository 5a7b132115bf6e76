package org.chainwise.bank.generate;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Layer;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;

/**
 * A chain of functions, outer to inner. Layer 1 is a function of {@code u}, layer 2 (of three) of
 * {@code v}, and the innermost layer a function of the item's variable, so each layer can be shown
 * and differentiated on its own.
 */
public record Composition(List<Expr> layers, String variable) {

    private static final List<String> LAYER_INPUTS = List.of("u", "v");

    public Composition {
        layers = List.copyOf(layers);
        if (layers.size() < 2 || layers.size() > LAYER_INPUTS.size() + 1) {
            throw new IllegalArgumentException("a composition has 2 or 3 layers, got " + layers.size());
        }
    }

    /** The composition of {@code outer} (a function of u) with a one-layer {@code inner} function of {@code variable}. */
    public static Composition of(Expr outer, Expr inner, String variable) {
        return new Composition(List.of(outer, inner), variable);
    }

    /** The input variable of layer {@code index} (0-based): u, v, ..., and the item's variable innermost. */
    public String inputOf(int index) {
        return index == layers.size() - 1 ? variable : LAYER_INPUTS.get(index);
    }

    /** The outer function f, of u. */
    public Expr outer() {
        return layers.getFirst();
    }

    /** The inner function g(x): every layer but the outer one, composed. */
    public Expr inner() {
        return composed(1);
    }

    /** The whole function, simplified. */
    public Expr function() {
        return composed(0);
    }

    public Expr derivative() {
        return Derivative.of(function(), variable);
    }

    /**
     * Whether composing lost nothing to simplification: {@code (x^2)^3} collapses to {@code x^6}, which
     * is no longer a chain-rule exercise.
     */
    public boolean isGenuine() {
        int expected = layers.stream().mapToInt(Expr::size).sum() - (layers.size() - 1);
        return function().size() >= expected;
    }

    /** The layers as an item shows them. */
    public List<Layer> itemLayers() {
        List<Layer> shown = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            shown.add(new Layer(i + 1, inputOf(i), Formula.of(layers.get(i))));
        }
        return shown;
    }

    private Expr composed(int from) {
        int last = layers.size() - 1;
        Expr result = layers.get(last);
        for (int i = last - 1; i >= from; i--) {
            result = layers.get(i).substitute(inputOf(i), result);
        }
        return Algebra.simplify(result);
    }
}
