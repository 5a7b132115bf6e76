package org.chainwise.engine.expr;

import java.util.List;

/** A sum of at least two terms, in the order written. */
public record Sum(List<Expr> terms) implements Expr {

    public Sum {
        terms = List.copyOf(terms);
        if (terms.size() < 2) {
            throw new IllegalArgumentException("a sum needs at least two terms, got " + terms.size());
        }
    }

    public Sum(Expr first, Expr second) {
        this(List.of(first, second));
    }
}
