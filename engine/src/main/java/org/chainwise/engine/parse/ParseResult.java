package org.chainwise.engine.parse;

import org.chainwise.engine.expr.Expr;

/** The outcome of reading a student's text: an expression, or the first error found. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Failed {

    /** The text was read as {@code expr}, exactly as written (not simplified). */
    record Parsed(Expr expr) implements ParseResult {
    }

    /** The text is not an acceptable answer. */
    record Failed(ParseError error) implements ParseResult {
    }
}
