package org.chainwise.bank.item;

/** The kinds of question DESIGN.md names; each has at least one family in the bank. */
public enum ItemType {
    /** Differentiate a function; the answer is a derivative in free form. */
    DIFFERENTIATE,
    /** The derivative's value at a given point; the answer is a number. */
    EVALUATE_AT_POINT,
    /** Write the function as f(g(x)); the answer is the pair f, g. */
    DECOMPOSE,
    /** A worked answer with one bug: name it and give the correct derivative. */
    SPOT_THE_ERROR,
    /** Local derivatives on the edges of a small computation graph; products along paths, summed over paths. */
    GRAPH_PATHS,
    /** The two-variable chain rule as a product of Jacobians. */
    JACOBIAN,
    /** How much the output moves for a small nudge of the input, by the linear approximation. */
    PREDICT
}
