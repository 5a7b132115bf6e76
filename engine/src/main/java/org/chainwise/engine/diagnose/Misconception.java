package org.chainwise.engine.diagnose;

/**
 * The stable misconception codes of DESIGN.md. The names are a contract shared with the mastery
 * model, the reports, the HTTP API and tools outside the project: never rename one.
 * For {@code f(g(x))} with outer f and inner g:
 */
public enum Misconception {
    /** f′(x)·g′(x): the outer derivative read at x instead of at g(x). */
    OUTER_AT_X,
    /** f′(g(x)): an inner factor left out, at any layer of a deeper nest. */
    MISSING_INNER,
    /** f′(g′(x)): the derivatives composed instead of multiplied. */
    COMPOSED_DERIVATIVES,
    /** f′(x)·g(x) + f(x)·g′(x): the composition treated as a product. */
    PRODUCT_RULE,
    /** f′(g(x)) + g′(x): the factors added instead of multiplied. */
    ADDED_NOT_MULTIPLIED,
    /** The derivative of g(f(x)) instead of f(g(x)). */
    REVERSED_NESTING,
    /** The chain applied correctly but an elementary derivative of f wrong. */
    WRONG_OUTER_DERIVATIVE,
    /** Wrong, and none of the above. */
    OTHER
}
