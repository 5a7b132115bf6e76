package org.chainwise.engine.parse;

import java.util.Collection;
import java.util.List;

/**
 * Reads what a student typed into an {@link org.chainwise.engine.expr.Expr}, exactly as written, or
 * says what is wrong and where; it never throws. The pipeline is data flowing one way: text, then
 * tokens with spans ({@link Lexer}), then a syntax tree ({@link Parser}), checked against the
 * {@link Limits} ({@link Bounds}), then the expression.
 */
public final class AnswerParser {

    private AnswerParser() {
    }

    /**
     * Parses {@code text}, in which only the item's {@code variables} (letter names, such as {@code x})
     * may appear besides numbers, {@code pi}, {@code e} and the whitelisted functions.
     */
    public static ParseResult parse(String text, Collection<String> variables) {
        if (text == null || text.isBlank()) {
            return failed(Rejection.EMPTY.at("", new Span(0, 0)));
        }
        if (text.length() > Limits.MAX_LENGTH) {
            // Refused before reading: a long input costs nothing.
            return failed(Rejection.TOO_LONG.at(text, new Span(0, 0), Limits.MAX_LENGTH));
        }
        try {
            List<String> names = variables == null ? List.of() : variables.stream().filter(name -> name != null && !name.isBlank()).toList();
            List<Token> tokens = Lexer.tokenize(text, names);
            Syntax tree = Parser.parse(text, tokens);
            Bounds.check(tree, text, names);
            return new ParseResult.Parsed(tree.toExpr());
        } catch (Rejected rejected) {
            return failed(rejected.error());
        } catch (RuntimeException | StackOverflowError unexpected) {
            // A bug of ours must not become the student's crash; the answer is simply not read.
            return failed(Rejection.INTERNAL.at(text, new Span(0, 0)));
        }
    }

    /** Parses an answer in one variable, such as {@code x}. */
    public static ParseResult parse(String text, String variable) {
        return parse(text, List.of(variable));
    }

    private static ParseResult failed(ParseError error) {
        return new ParseResult.Failed(error);
    }
}
