/**
 * Names the misconception behind a wrong derivative, with nothing authored per item.
 *
 * <p>Data flows one way: the function's {@link org.chainwise.engine.calculus.Composition} (layers, outermost
 * first) gives one {@link org.chainwise.engine.diagnose.Step} per layer; every rule of the ordered registry
 * {@link org.chainwise.engine.diagnose.BuggyRules#IN_ORDER} rewrites a step into what a student holding its
 * misconception writes; {@code Candidates} combines those into whole derivatives, single bugs and pairs, in
 * order of likelihood; the {@link org.chainwise.engine.diagnose.Diagnoser} evaluates them once at the sample
 * points of the correct derivative and matches an answer's values against them.
 *
 * <p>Adding a misconception is one rule class in the registry, with its rewrite in its Javadoc, and one
 * fixture table in {@code BuggyRuleFixturesTest}; adding an elementary-derivative slip is one line of
 * {@code OuterDerivativeSlip} and one fixture row.
 */
package org.chainwise.engine.diagnose;
