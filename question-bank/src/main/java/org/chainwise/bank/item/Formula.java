package org.chainwise.bank.item;

import java.util.Objects;
import org.chainwise.engine.expr.Expr;

/** An expression together with the plain text and LaTeX a student sees for it. */
public record Formula(Expr expr, String text, String latex) {

    public Formula {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latex, "latex");
    }

    /** The expression printed by the engine's printers. */
    public static Formula of(Expr expr) {
        return new Formula(expr, Notation.text(expr), Notation.latex(expr));
    }
}
