package org.chainwise.engine.parse;

import java.util.List;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.expr.Expr;

/**
 * Refuses syntax trees whose size would make later stages slow: exponents that do not depend on the
 * variable larger than {@link Limits#MAX_EXPONENT} (also when multiplied through powers of powers, as
 * in {@code ((x+1)^100)^100}), towers of powers deeper than {@link Limits#MAX_TOWER}, and powers of
 * numbers beyond {@link Limits#MAX_CONSTANT}. A CAS asked to expand any of these could run for hours.
 */
final class Bounds {

    /** How tall the tower of powers in a subtree is, and by how much its constant exponents multiply. */
    private record Measure(int tower, double growth) {
        static final Measure LEAF = new Measure(0, 1);

        Measure max(Measure other) {
            return new Measure(Math.max(tower, other.tower), Math.max(growth, other.growth));
        }
    }

    private final String source;
    private final List<String> variables;

    private Bounds(String source, List<String> variables) {
        this.source = source;
        this.variables = variables;
    }

    static void check(Syntax tree, String source, List<String> variables) {
        new Bounds(source, variables).measure(tree);
    }

    private Measure measure(Syntax node) {
        if (node instanceof Syntax.Raised raised) {
            return power(raised);
        }
        Measure result = Measure.LEAF;
        for (Syntax child : node.children()) {
            result = result.max(measure(child));
        }
        return result;
    }

    private Measure power(Syntax.Raised raised) {
        Measure base = measure(raised.base());
        Measure exponent = measure(raised.exponent());
        int tower = 1 + Math.max(base.tower(), exponent.tower());
        if (tower > Limits.MAX_TOWER) {
            throw Rejection.TOWER_TOO_TALL.raise(source, raised.span(), Limits.MAX_TOWER);
        }
        Expr power = raised.toExpr();
        Expr exponentValue = raised.exponent().toExpr();
        if (!isConstant(exponentValue)) {
            return new Measure(tower, base.growth());
        }
        double value = Math.abs(valueOf(exponentValue));
        if (value > Limits.MAX_EXPONENT) {
            throw Rejection.EXPONENT_TOO_LARGE.raise(source, where(raised.exponent(), raised.span()), Limits.MAX_EXPONENT);
        }
        double growth = base.growth() * Math.max(1, value);
        if (growth > Limits.MAX_EXPONENT) {
            throw Rejection.EXPONENT_TOO_LARGE.raise(source, where(raised.exponent(), raised.span()), Limits.MAX_EXPONENT);
        }
        if (isConstant(power)) {
            double magnitude = Math.abs(valueOf(power));
            if (Double.isInfinite(magnitude) || magnitude > Limits.MAX_CONSTANT) {
                throw Rejection.NUMBER_TOO_LARGE.raise(source, raised.span());
            }
        }
        return new Measure(tower, growth);
    }

    private boolean isConstant(Expr e) {
        return variables.stream().noneMatch(e::dependsOn);
    }

    private static double valueOf(Expr constant) {
        return NumericFunction.compile(constant, List.of()).evaluate();
    }

    /** The span to point at for a subtree: a number or bracket where there is one, else {@code fallback}. */
    private static Span where(Syntax node, Span fallback) {
        return switch (node) {
            case Syntax.Number n -> n.span();
            case Syntax.Group g -> g.span();
            case Syntax.Negation n -> new Span(n.span().start(), where(n.operand(), n.span()).end());
            case Syntax.Variable v -> v.span();
            case Syntax.Constant c -> c.span();
            case Syntax.Call c -> c.span();
            case Syntax.Terms s -> fallback;
            case Syntax.Factors p -> fallback;
            case Syntax.Reciprocal r -> fallback;
            case Syntax.Raised r -> fallback;
            case Syntax.Root r -> fallback;
        };
    }
}
