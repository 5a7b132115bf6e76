/**
 * Showing an expression back to a student ("interpreted as"): {@link org.chainwise.engine.print.PlainText}
 * prints what a student would type and the parser reads back to the same value;
 * {@link org.chainwise.engine.print.Latex} prints for display. Both are total over every
 * {@link org.chainwise.engine.expr.Expr}, restore subtraction and fractions from the sum-and-product
 * representation, and use only the parentheses the reading needs.
 */
package org.chainwise.engine.print;
