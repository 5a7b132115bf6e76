package org.chainwise.engine.expr;

/** A variable, named by a letter or a short identifier declared by the item. */
public record Var(String name) implements Expr {

    public Var {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a variable needs a name");
        }
    }
}
