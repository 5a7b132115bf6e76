package org.chainwise.engine.diagnose;

import java.util.stream.Collectors;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;

/**
 * The one place explanations print expressions, so that they read like the "interpreted as" line.
 * A stand-in printer until {@code print.PlainText} lands on main; then {@link #of} delegates to it.
 */
final class ExpressionText {

    private ExpressionText() {
    }

    static String of(Expr e) {
        return switch (e) {
            case Num n -> n.value().toString();
            case Const c -> c.constant().text();
            case Var v -> v.name();
            case Sum s -> s.terms().stream().map(ExpressionText::of).collect(Collectors.joining(" + ")).replace("+ -", "- ");
            case Product p -> p.factors().stream().map(f -> f instanceof Sum ? "(" + of(f) + ")" : of(f))
                    .collect(Collectors.joining("*")).replaceFirst("^-1\\*", "-");
            case Power p -> operand(p.base()) + "^" + operand(p.exponent());
            case Apply a -> a.function().text() + "(" + of(a.argument()) + ")";
        };
    }

    private static String operand(Expr e) {
        boolean atomic = e instanceof Var || e instanceof Const || e instanceof Apply
                || (e instanceof Num n && n.value().isInteger() && n.value().signum() >= 0);
        return atomic ? of(e) : "(" + of(e) + ")";
    }
}
