package org.chainwise.engine.expr;

/**
 * An immutable mathematical expression: the one representation every stage of the engine shares.
 *
 * <p>Subtraction, negation and division have no nodes of their own: {@code a - b} is
 * {@code Sum[a, Product[-1, b]]} and {@code a / b} is {@code Product[a, Power[b, -1]]}, so that
 * differentiation, evaluation and comparison have few cases; the printers restore the familiar forms.
 * The record constructors keep exactly what they are given (the parser relies on that to show a
 * student what was read); {@link Algebra} builds simplified expressions.
 */
public sealed interface Expr permits Num, Const, Var, Sum, Product, Power, Apply {

    /** Whether {@code variable} occurs anywhere in this expression. */
    default boolean dependsOn(String variable) {
        return switch (this) {
            case Num n -> false;
            case Const c -> false;
            case Var v -> v.name().equals(variable);
            case Sum s -> s.terms().stream().anyMatch(t -> t.dependsOn(variable));
            case Product p -> p.factors().stream().anyMatch(f -> f.dependsOn(variable));
            case Power p -> p.base().dependsOn(variable) || p.exponent().dependsOn(variable);
            case Apply a -> a.argument().dependsOn(variable);
        };
    }

    /** The number of nodes in this expression. */
    default int size() {
        return switch (this) {
            case Num n -> 1;
            case Const c -> 1;
            case Var v -> 1;
            case Sum s -> 1 + s.terms().stream().mapToInt(Expr::size).sum();
            case Product p -> 1 + p.factors().stream().mapToInt(Expr::size).sum();
            case Power p -> 1 + p.base().size() + p.exponent().size();
            case Apply a -> 1 + a.argument().size();
        };
    }

    /** The length of the longest path from this node to a leaf, counting nodes. */
    default int depth() {
        return switch (this) {
            case Num n -> 1;
            case Const c -> 1;
            case Var v -> 1;
            case Sum s -> 1 + s.terms().stream().mapToInt(Expr::depth).max().orElse(0);
            case Product p -> 1 + p.factors().stream().mapToInt(Expr::depth).max().orElse(0);
            case Power p -> 1 + Math.max(p.base().depth(), p.exponent().depth());
            case Apply a -> 1 + a.argument().depth();
        };
    }

    /** This expression with every occurrence of {@code variable} replaced by {@code replacement}, unsimplified. */
    default Expr substitute(String variable, Expr replacement) {
        return switch (this) {
            case Num n -> n;
            case Const c -> c;
            case Var v -> v.name().equals(variable) ? replacement : v;
            case Sum s -> new Sum(s.terms().stream().map(t -> t.substitute(variable, replacement)).toList());
            case Product p -> new Product(p.factors().stream().map(f -> f.substitute(variable, replacement)).toList());
            case Power p -> new Power(p.base().substitute(variable, replacement), p.exponent().substitute(variable, replacement));
            case Apply a -> new Apply(a.function(), a.argument().substitute(variable, replacement));
        };
    }
}
