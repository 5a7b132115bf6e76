package org.chainwise.engine.print;

/** A printed piece of an expression and the precedence of its outermost operator. */
record Rendered(String text, int precedence) {

    boolean bindsAtLeast(int required) {
        return precedence >= required;
    }
}
