package org.chainwise.bank.item;

import java.math.BigDecimal;
import java.util.Objects;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Rational;

/** An expression together with the plain text and LaTeX a student sees for it. */
public record Formula(Expr expr, String text, String latex) {

    public Formula {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latex, "latex");
    }

    /**
     * A number written as a decimal when it has a short one ({@code 0.06}, as a nudge or a predicted
     * change is read), else as the engine prints it ({@code 1/300}).
     */
    public static Formula decimal(Rational value) {
        try {
            BigDecimal exact = new BigDecimal(value.numerator()).divide(new BigDecimal(value.denominator()));
            if (exact.scale() <= 6) {
                String text = exact.stripTrailingZeros().toPlainString();
                return new Formula(new Num(value), text, text);
            }
        } catch (ArithmeticException nonTerminating) {
            // 1/3 has no finite decimal: fall through to the fraction.
        }
        return of(new Num(value));
    }

    /** The expression printed by the engine's printers. */
    public static Formula of(Expr expr) {
        return new Formula(expr, Notation.text(expr), Notation.latex(expr));
    }
}
