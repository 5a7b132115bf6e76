package org.chainwise.engine.parse;

/**
 * Why an answer is not acceptable. The constant's name is the stable {@link ParseError#code()}; the
 * template is the message a student sees, filled with the offending text and its 1-based position.
 */
public enum Rejection {
    EMPTY("the answer is empty"),
    TOO_LONG("the answer is too long: at most %3$d characters"),
    UNKNOWN_CHARACTER("`%s` at %d is not allowed in an answer"),
    UNKNOWN_COMMAND("unknown LaTeX command `%s` at %d"),
    UNKNOWN_FUNCTION("unknown function `%s` at %d"),
    UNKNOWN_VARIABLE("`%s` at %d: the answer may only use %s"),
    E_NEXT_TO_LETTER("`%s` at %d: write e*x for e times x, or e^x for the exponential"),
    DERIVATIVE_OPERATOR("`%s` at %d: write the derivative itself, without a derivative operator"),
    PRIME("`%s` at %d: write the derivative itself, without a prime"),
    EQUATION("`%s` at %d: write only the expression, not an equation"),
    ASSIGNMENT("`%s` at %d: write only the expression, not an assignment"),
    SEPARATOR("`%s` at %d: the answer must be a single expression"),
    DECIMAL_COMMA("`%s` at %d: write decimals with a point, as in 0.5"),
    STRING("`%s` at %d: quotes are not allowed in an answer"),
    BRACKETS("`%s` at %d: square brackets are not allowed, use round brackets ( )"),
    FACTORIAL("`%s` at %d: factorials are not supported"),
    ABSOLUTE_VALUE("`%s` at %d: absolute value is not supported"),
    SUBSCRIPT("`%s` at %d: subscripts are not supported"),
    MALFORMED_NUMBER("`%s` at %d is not a number"),
    NUMBER_TOO_LONG("the number at %2$d has more than %3$d digits"),
    MISSING_CLOSE("missing `%3$s` to close the `%1$s` at %2$d"),
    UNMATCHED_CLOSE("`%s` at %d has no matching `%s`"),
    MISMATCHED_CLOSE("`%s` at %d does not match the `%s` at %d"),
    EMPTY_GROUP("empty brackets at %2$d"),
    MISSING_OPERAND("`%s` at %d needs something before it"),
    TRAILING_OPERATOR("`%s` at %d needs something after it"),
    MISSING_ARGUMENT("`%s` at %d needs an argument, as in %s(x)"),
    ADJACENT_NUMBERS("`%s` at %d follows another number: write `*` between them"),
    UNEXPECTED("unexpected `%s` at %d"),
    FUNCTION_POWER("`%s` at %d: after a function name only a whole power such as sin^2(x), or sin^-1(x) for arcsin, may follow"),
    MALFORMED_FRACTION("`%s` at %d needs a numerator and a denominator in braces, as in \\frac{1}{x}"),
    MALFORMED_ROOT("`%s` at %d: the index of a root must be a whole number from 2 to %d"),
    TOO_DEEP("`%s` at %d: the answer is nested too deeply (at most %d levels)"),
    EXPONENT_TOO_LARGE("the exponent at %2$d is too large: at most %3$d"),
    TOWER_TOO_TALL("`%s` at %d: too many powers of powers (at most %d)"),
    NUMBER_TOO_LARGE("the number at %2$d is too large"),
    INTERNAL("the answer could not be read");

    private final String template;

    Rejection(String template) {
        this.template = template;
    }

    /** The error for the text {@code offending} of {@code source} at {@code span}, with further message arguments. */
    ParseError at(String source, Span span, Object... more) {
        Object[] arguments = new Object[2 + more.length];
        arguments[0] = source.substring(span.start(), Math.min(span.end(), source.length()));
        arguments[1] = span.position();
        System.arraycopy(more, 0, arguments, 2, more.length);
        return new ParseError(name(), String.format(template, arguments), span);
    }

    /** {@link #at} as the exception that unwinds the reader to {@link AnswerParser}. */
    Rejected raise(String source, Span span, Object... more) {
        return new Rejected(at(source, span, more));
    }
}
