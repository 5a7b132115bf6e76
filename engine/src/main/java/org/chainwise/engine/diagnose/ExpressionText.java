package org.chainwise.engine.diagnose;

import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.print.PlainText;

/** The one place explanations print expressions, so that they read exactly like the "interpreted as" line. */
final class ExpressionText {

    private ExpressionText() {
    }

    static String of(Expr e) {
        return PlainText.print(e);
    }
}
