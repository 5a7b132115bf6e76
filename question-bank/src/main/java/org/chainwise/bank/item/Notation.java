package org.chainwise.bank.item;

import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.print.Latex;
import org.chainwise.engine.print.PlainText;

/**
 * The one place the question bank turns expressions into text, through the engine's printers, so
 * that an item shows exactly what the checker's "interpreted as" shows for the same expression.
 */
final class Notation {

    private Notation() {
    }

    static String text(Expr e) {
        return PlainText.print(e);
    }

    static String latex(Expr e) {
        return Latex.print(e);
    }
}
