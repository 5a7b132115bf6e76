package org.chainwise.engine.expr;

import java.util.List;

/** A product of at least two factors, in the order written. */
public record Product(List<Expr> factors) implements Expr {

    public Product {
        factors = List.copyOf(factors);
        if (factors.size() < 2) {
            throw new IllegalArgumentException("a product needs at least two factors, got " + factors.size());
        }
    }

    public Product(Expr first, Expr second) {
        this(List.of(first, second));
    }
}
