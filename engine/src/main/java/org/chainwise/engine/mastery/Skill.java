package org.chainwise.engine.mastery;

/** The skills the mastery model tracks (DESIGN.md); stable names shared with the API and reports. */
public enum Skill {
    /** Name the outer and the inner function of a composition. */
    DECOMPOSE,
    /** Differentiate the elementary outer functions. */
    OUTER_DERIVATIVE,
    /** Read the outer derivative at the inner function, not at x. */
    EVALUATE_AT_INNER,
    /** Multiply by the derivative of the inner function. */
    INNER_FACTOR,
    /** Chain through three or more layers. */
    MULTI_LAYER,
    /** Tell a composition from a product. */
    CHAIN_VS_PRODUCT,
    /** Products along paths and sums over paths of a computation graph: backpropagation. */
    GRAPH_PATHS,
    /** The multivariable chain rule as a product of Jacobians. */
    JACOBIAN
}
