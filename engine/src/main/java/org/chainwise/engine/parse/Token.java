package org.chainwise.engine.parse;

import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Rational;

/** One unit of a student's text with the span it came from, so that every error can point at it. */
sealed interface Token permits Token.Number, Token.Variable, Token.Constant, Token.Function, Token.Symbol {

    Span span();

    /** A number literal, exact: {@code 0.5} is 1/2. */
    record Number(Rational value, Span span) implements Token {
    }

    /** One of the item's declared variables. */
    record Variable(String name, Span span) implements Token {
    }

    /** {@code pi}, {@code π}, {@code \pi} or {@code e}. */
    record Constant(Const constant, Span span) implements Token {
    }

    /** A whitelisted function name in any accepted spelling; {@code latex} for {@code \sqrt}, which may take an index. */
    record Function(Fn function, boolean latex, Span span) implements Token {
    }

    /** An operator, a bracket, {@code \frac}, or the end of the text. */
    record Symbol(Kind kind, Span span) implements Token {
    }

    /** The kinds of symbol; a superscript digit becomes {@code POWER} and {@code NUMBER} tokens, {@code \cdot} a {@code TIMES}. */
    enum Kind {
        PLUS, MINUS, TIMES, DIVIDE, POWER,
        OPEN_PAREN, CLOSE_PAREN, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET,
        FRAC, END
    }
}
