package org.chainwise.bank.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;

/** Draws compositions with a given outer or inner function and as many layers as the parameters ask for. */
public final class Chains {

    /** Outer functions that read well in the middle of three layers. */
    private static final List<Outer> MIDDLE = List.of(Outer.SIN, Outer.COS, Outer.EXP, Outer.LN, Outer.SQRT, Outer.POWER, Outer.TAN);

    /** Enough tries that a suitable chain is found for every seed in practice; the choices stay deterministic. */
    private static final int TRIES = 30;

    private Chains() {
    }

    /**
     * A genuine composition for the parameters: {@code outer} (or a random one, when null) over an
     * optional middle layer over {@code inner} (or a random one), each pair suited to the other.
     */
    public static Optional<Chain> draw(Dice dice, Parameters parameters, Outer outer, Inner inner, String variable) {
        for (int i = 0; i < TRIES; i++) {
            Outer top = outer != null ? outer : dice.pick(List.of(Outer.values()));
            Inner bottom = inner != null ? inner : dice.pick(List.of(Inner.values()));
            Optional<Chain> chain = attempt(dice, parameters, top, bottom, variable);
            if (chain.isPresent()) {
                return chain;
            }
        }
        return Optional.empty();
    }

    private static Optional<Chain> attempt(Dice dice, Parameters parameters, Outer top, Inner bottom, String variable) {
        int k = parameters.maxConstant();
        Var u = new Var("u");
        Var v = new Var("v");
        Var x = new Var(variable);
        Outer.Shape innermost = bottom.shape(parameters.innerComplexity());
        List<Expr> layers = new ArrayList<>();
        if (parameters.depth() == 3) {
            Outer middle = dice.pick(MIDDLE);
            if (!top.suits(middle.shape()) || !middle.suits(innermost) || middle == top) {
                return Optional.empty();
            }
            layers.add(top.of(u, dice, k));
            layers.add(middle.of(v, dice, k));
        } else {
            if (!top.suits(innermost)) {
                return Optional.empty();
            }
            layers.add(top.of(u, dice, k));
        }
        layers.add(bottom.of(x, dice, parameters.innerComplexity(), k));
        return Chain.of(layers, variable);
    }
}
