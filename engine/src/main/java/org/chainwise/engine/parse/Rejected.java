package org.chainwise.engine.parse;

/**
 * Unwinds the lexer and the parser from deep inside to {@link AnswerParser}, which turns it into a
 * {@link ParseResult.Failed}; it never leaves this package.
 */
final class Rejected extends RuntimeException {

    private final transient ParseError error;

    Rejected(ParseError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ParseError error() {
        return error;
    }
}
