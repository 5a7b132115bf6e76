package org.chainwise.engine.parse;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Rational;

/**
 * Reads tokens into a syntax tree by precedence climbing. The decisions, each tested:
 * <ul>
 * <li>{@code +} and {@code -} bind loosest ({@link #SUM}); {@code *}, {@code /} and juxtaposition share
 * one level ({@link #PRODUCT}) and group left to right, so {@code 1/2x} is {@code (1/2)*x} and
 * {@code 2x^2} is {@code 2*(x^2)}; {@code ^} binds tightest ({@link #POWER}) and groups right to left,
 * so {@code 2^3^2} is {@code 2^(3^2)}.</li>
 * <li>A leading minus covers a whole product when it starts a term ({@code -2x} is {@code -(2x)}) and only a
 * power after an operator ({@code 2*-3x} is {@code 2*(-3)*x}, {@code 2^-3x} is {@code 2^(-3)*x});
 * it never takes a power's base: {@code -2^2} is {@code -4}, {@code -x^2} is {@code -(x^2)}.</li>
 * <li>A function name is followed by its argument in brackets, or by a simple argument: numbers,
 * variables and constants written next to each other, each with an optional power, up to the next
 * operator, bracket or function name. So {@code sin 2x} is {@code sin(2x)}, {@code sin x^2} is
 * {@code sin(x^2)}, {@code sin x cos x} is {@code sin(x)*cos(x)}, {@code sin x/2} is {@code sin(x)/2},
 * and {@code ln sin x} is {@code ln(sin(x))}.</li>
 * <li>After a function name, {@code ^n} with a positive whole n is a power of the result
 * ({@code sin^2(x)} is {@code sin(x)^2}); {@code sin^-1}, {@code cos^-1} and {@code tan^-1} are the
 * inverse functions; any other power there is refused.</li>
 * </ul>
 */
final class Parser {

    /** {@code +} and binary {@code -}. */
    static final int SUM = 10;
    /** {@code *}, {@code /} and implicit multiplication, left to right. */
    static final int PRODUCT = 20;
    /** {@code ^}, right to left; tighter than a leading minus. */
    static final int POWER = 30;
    /** Not an infix operator: the expression ends here. */
    private static final int NONE = 0;

    private final String source;
    private final List<Token> tokens;
    private int position;
    private int depth;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** The syntax tree of {@code tokens}, which end with an {@code END} symbol. */
    static Syntax parse(String source, List<Token> tokens) {
        Parser parser = new Parser(source, tokens);
        Syntax tree = parser.expression(SUM);
        parser.expectEnd();
        return tree;
    }

    private Syntax expression(int minimum) {
        Syntax left = prefix(minimum);
        while (true) {
            Token next = peek();
            int precedence = infixPrecedence(next);
            if (precedence == NONE || precedence < minimum) {
                return left;
            }
            left = infix(left, next, precedence);
        }
    }

    private Syntax prefix(int minimum) {
        Token token = advance();
        return switch (token) {
            case Token.Number n -> new Syntax.Number(n.value(), n.span());
            case Token.Variable v -> new Syntax.Variable(v.name(), v.span());
            case Token.Constant c -> new Syntax.Constant(c.constant(), c.span());
            case Token.Function f -> call(f);
            case Token.Symbol s -> prefixSymbol(s, minimum);
        };
    }

    private Syntax prefixSymbol(Token.Symbol symbol, int minimum) {
        return switch (symbol.kind()) {
            case MINUS -> new Syntax.Negation(nested(symbol, () -> expression(Math.max(minimum, PRODUCT))), symbol.span());
            case PLUS -> nested(symbol, () -> expression(Math.max(minimum, PRODUCT)));
            case OPEN_PAREN, OPEN_BRACE -> group(symbol);
            case FRAC -> fraction(symbol);
            case OPEN_BRACKET, CLOSE_BRACKET -> throw Rejection.BRACKETS.raise(source, symbol.span());
            case TIMES, DIVIDE, POWER -> throw Rejection.MISSING_OPERAND.raise(source, symbol.span());
            case CLOSE_PAREN, CLOSE_BRACE, END -> throw missingOperand(symbol);
        };
    }

    /** What is wrong when an operand was due and a closing bracket or the end came instead. */
    private Rejected missingOperand(Token.Symbol found) {
        Token previous = position >= 2 ? tokens.get(position - 2) : null;
        if (previous instanceof Token.Symbol p && (p.kind() == Token.Kind.OPEN_PAREN || p.kind() == Token.Kind.OPEN_BRACE)) {
            return Rejection.EMPTY_GROUP.raise(source, new Span(p.span().start(), found.span().end()));
        }
        if (previous != null) {
            return Rejection.TRAILING_OPERATOR.raise(source, previous.span());
        }
        return found.kind() == Token.Kind.END
                ? Rejection.EMPTY.raise(source, found.span())
                : Rejection.UNMATCHED_CLOSE.raise(source, found.span(), opening(found.kind()));
    }

    private int infixPrecedence(Token token) {
        if (startsOperand(token)) {
            return PRODUCT;
        }
        Token.Symbol symbol = (Token.Symbol) token;
        return switch (symbol.kind()) {
            case PLUS, MINUS -> SUM;
            case TIMES, DIVIDE -> PRODUCT;
            case POWER -> POWER;
            case OPEN_PAREN, OPEN_BRACE, OPEN_BRACKET, FRAC, CLOSE_PAREN, CLOSE_BRACE, CLOSE_BRACKET, END -> NONE;
        };
    }

    /** Whether {@code token} can begin an operand, so that after another operand it means implicit multiplication: 2x, 2(x+1), x sin x. */
    private static boolean startsOperand(Token token) {
        return switch (token) {
            case Token.Number n -> true;
            case Token.Variable v -> true;
            case Token.Constant c -> true;
            case Token.Function f -> true;
            case Token.Symbol s -> switch (s.kind()) {
                case OPEN_PAREN, OPEN_BRACE, OPEN_BRACKET, FRAC -> true;
                case PLUS, MINUS, TIMES, DIVIDE, POWER, CLOSE_PAREN, CLOSE_BRACE, CLOSE_BRACKET, END -> false;
            };
        };
    }

    private Syntax infix(Syntax left, Token next, int precedence) {
        if (startsOperand(next)) {
            if (next instanceof Token.Number && tokens.get(position - 1) instanceof Token.Number) {
                throw Rejection.ADJACENT_NUMBERS.raise(source, next.span());
            }
            return times(left, expression(PRODUCT + 1));
        }
        Token.Symbol operator = (Token.Symbol) advance();
        return switch (operator.kind()) {
            case PLUS -> plus(left, expression(SUM + 1));
            case MINUS -> plus(left, new Syntax.Negation(expression(SUM + 1), operator.span()));
            case TIMES -> times(left, expression(PRODUCT + 1));
            case DIVIDE -> times(left, new Syntax.Reciprocal(expression(PRODUCT + 1), operator.span()));
            case POWER -> new Syntax.Raised(left, nested(operator, () -> expression(POWER)), operator.span());
            case OPEN_PAREN, OPEN_BRACE, OPEN_BRACKET, FRAC, CLOSE_PAREN, CLOSE_BRACE, CLOSE_BRACKET, END ->
                    throw Rejection.UNEXPECTED.raise(source, operator.span());
        };
    }

    private static Syntax plus(Syntax left, Syntax term) {
        return left instanceof Syntax.Terms s ? s.plus(term) : new Syntax.Terms(List.of(left, term));
    }

    private static Syntax times(Syntax left, Syntax factor) {
        return left instanceof Syntax.Factors p ? p.times(factor) : new Syntax.Factors(List.of(left, factor));
    }

    private Syntax group(Token.Symbol open) {
        Syntax inner = nested(open, () -> expression(SUM));
        Token close = advance();
        Token.Kind expected = open.kind() == Token.Kind.OPEN_PAREN ? Token.Kind.CLOSE_PAREN : Token.Kind.CLOSE_BRACE;
        if (close instanceof Token.Symbol s && s.kind() == expected) {
            return new Syntax.Group(inner, new Span(open.span().start(), s.span().end()));
        }
        throw unclosed(open, close, expected);
    }

    /** The error when a group ends at something other than its own closing bracket: only closers and the end stop an expression. */
    private Rejected unclosed(Token.Symbol open, Token found, Token.Kind expected) {
        Token.Symbol symbol = (Token.Symbol) found;
        return switch (symbol.kind()) {
            case END -> Rejection.MISSING_CLOSE.raise(source, open.span(), text(expected));
            case CLOSE_PAREN, CLOSE_BRACE ->
                    Rejection.MISMATCHED_CLOSE.raise(source, symbol.span(), text(open.kind()), open.span().position());
            case CLOSE_BRACKET, OPEN_BRACKET -> Rejection.BRACKETS.raise(source, symbol.span());
            case PLUS, MINUS, TIMES, DIVIDE, POWER, OPEN_PAREN, OPEN_BRACE, FRAC -> Rejection.UNEXPECTED.raise(source, symbol.span());
        };
    }

    /** {@code \frac{a}{b}}: the product {@code a * b^-1}, as {@code a/b} is. */
    private Syntax fraction(Token.Symbol frac) {
        Syntax numerator = braced(frac);
        Syntax denominator = braced(frac);
        return new Syntax.Factors(List.of(numerator, new Syntax.Reciprocal(denominator, frac.span())));
    }

    private Syntax braced(Token.Symbol owner) {
        if (advance() instanceof Token.Symbol open && open.kind() == Token.Kind.OPEN_BRACE) {
            return group(open);
        }
        throw Rejection.MALFORMED_FRACTION.raise(source, owner.span());
    }

    private Syntax call(Token.Function name) {
        Fn function = name.function();
        int power = 1;
        if (isSymbol(peek(), Token.Kind.POWER)) {
            Token.Symbol caret = (Token.Symbol) advance();
            int n = functionPower(name, caret);
            // The exponent as written: -1 is the textbook notation for the inverse function.
            if (n == -1) {
                function = inverse(name, new Span(name.span().start(), tokens.get(position - 1).span().end()));
            } else {
                power = n;
            }
        }
        OptionalInt rootIndex = name.latex() && function == Fn.SQRT && isSymbol(peek(), Token.Kind.OPEN_BRACKET)
                ? OptionalInt.of(rootIndex(name))
                : OptionalInt.empty();
        Syntax argument = argument(name);
        Syntax applied = rootIndex.isPresent()
                ? new Syntax.Root(argument, rootIndex.getAsInt(), name.span())
                : new Syntax.Call(function, argument, name.span());
        return power == 1
                ? applied
                : new Syntax.Raised(applied, new Syntax.Number(Rational.of(power), name.span()), name.span());
    }

    private Syntax argument(Token.Function owner) {
        Token next = peek();
        if (next instanceof Token.Symbol s && (s.kind() == Token.Kind.OPEN_PAREN || s.kind() == Token.Kind.OPEN_BRACE)) {
            advance();
            return group(s);
        }
        if (next instanceof Token.Function f) {
            advance();
            return nested(f, () -> call(f));
        }
        if (isSymbol(next, Token.Kind.OPEN_BRACKET)) {
            throw Rejection.BRACKETS.raise(source, next.span());
        }
        if (!startsSimpleFactor(next)) {
            throw Rejection.MISSING_ARGUMENT.raise(source, owner.span(), owner.function().text());
        }
        Syntax argument = simpleFactor();
        while (startsSimpleFactor(peek())) {
            if (peek() instanceof Token.Number && tokens.get(position - 1) instanceof Token.Number) {
                throw Rejection.ADJACENT_NUMBERS.raise(source, peek().span());
            }
            argument = times(argument, simpleFactor());
        }
        return argument;
    }

    private Syntax simpleFactor() {
        Token token = advance();
        Syntax factor = switch (token) {
            case Token.Number n -> new Syntax.Number(n.value(), n.span());
            case Token.Variable v -> new Syntax.Variable(v.name(), v.span());
            case Token.Constant c -> new Syntax.Constant(c.constant(), c.span());
            case Token.Function f -> throw Rejection.UNEXPECTED.raise(source, f.span());
            case Token.Symbol s -> throw Rejection.UNEXPECTED.raise(source, s.span());
        };
        if (isSymbol(peek(), Token.Kind.POWER)) {
            Token.Symbol caret = (Token.Symbol) advance();
            return new Syntax.Raised(factor, nested(caret, () -> expression(POWER)), caret.span());
        }
        return factor;
    }

    private static boolean startsSimpleFactor(Token token) {
        return token instanceof Token.Number || token instanceof Token.Variable || token instanceof Token.Constant;
    }

    /** The n of {@code sin^n}, {@code sin^{n}}, {@code sin^(n)} or {@code sin²}: a whole number, possibly -1. */
    private int functionPower(Token.Function name, Token.Symbol caret) {
        Span whole = new Span(name.span().start(), caret.span().end());
        Token.Kind close = null;
        if (isSymbol(peek(), Token.Kind.OPEN_BRACE) || isSymbol(peek(), Token.Kind.OPEN_PAREN)) {
            close = ((Token.Symbol) advance()).kind() == Token.Kind.OPEN_BRACE ? Token.Kind.CLOSE_BRACE : Token.Kind.CLOSE_PAREN;
        }
        boolean negative = false;
        if (isSymbol(peek(), Token.Kind.MINUS)) {
            advance();
            negative = true;
        }
        Token number = advance();
        Span through = new Span(whole.start(), number.span().end());
        if (!(number instanceof Token.Number n) || !n.value().isInteger() || n.value().signum() == 0
                || (close != null && !isSymbol(advance(), close))) {
            throw Rejection.FUNCTION_POWER.raise(source, through);
        }
        int value = n.value().numerator().bitLength() < 31 ? n.value().numerator().intValue() : Integer.MAX_VALUE;
        if (negative && value != 1 || value > Limits.MAX_EXPONENT) {
            throw Rejection.FUNCTION_POWER.raise(source, through);
        }
        return negative ? -1 : value;
    }

    private Fn inverse(Token.Function name, Span written) {
        return switch (name.function()) {
            case SIN -> Fn.ASIN;
            case COS -> Fn.ACOS;
            case TAN -> Fn.ATAN;
            case SEC, CSC, COT, ASIN, ACOS, ATAN, SINH, COSH, TANH, EXP, LN, SQRT ->
                    throw Rejection.FUNCTION_POWER.raise(source, written);
        };
    }

    /** The n of {@code \sqrt[n]{u}}. */
    private int rootIndex(Token.Function name) {
        advance();
        Token number = advance();
        if (number instanceof Token.Number n && n.value().isInteger() && n.value().signum() > 0
                && n.value().numerator().bitLength() < 31 && n.value().numerator().intValue() >= 2
                && n.value().numerator().intValue() <= Limits.MAX_ROOT_INDEX && isSymbol(advance(), Token.Kind.CLOSE_BRACKET)) {
            return n.value().numerator().intValue();
        }
        throw Rejection.MALFORMED_ROOT.raise(source, new Span(name.span().start(), number.span().end()), Limits.MAX_ROOT_INDEX);
    }

    private void expectEnd() {
        // The top-level expression stops only at a closer or the end, so what is left is a symbol.
        Token.Symbol symbol = (Token.Symbol) advance();
        switch (symbol.kind()) {
            case END -> {
            }
            case CLOSE_PAREN, CLOSE_BRACE -> throw Rejection.UNMATCHED_CLOSE.raise(source, symbol.span(), opening(symbol.kind()));
            case CLOSE_BRACKET, OPEN_BRACKET -> throw Rejection.BRACKETS.raise(source, symbol.span());
            case PLUS, MINUS, TIMES, DIVIDE, POWER, OPEN_PAREN, OPEN_BRACE, FRAC -> throw Rejection.UNEXPECTED.raise(source, symbol.span());
        }
    }

    /** Runs {@code inner} one level deeper, refusing input nested beyond {@link Limits#MAX_DEPTH}. */
    private Syntax nested(Token at, Supplier<Syntax> inner) {
        if (++depth > Limits.MAX_DEPTH) {
            throw Rejection.TOO_DEEP.raise(source, at.span(), Limits.MAX_DEPTH);
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private Token peek() {
        return tokens.get(Math.min(position, tokens.size() - 1));
    }

    /** The next token; past the end it stays at {@code END}, while {@code position} still counts, so the one before is at {@code position - 2}. */
    private Token advance() {
        Token token = peek();
        position++;
        return token;
    }

    private static boolean isSymbol(Token token, Token.Kind kind) {
        return token instanceof Token.Symbol s && s.kind() == kind;
    }

    private static String opening(Token.Kind close) {
        return close == Token.Kind.CLOSE_BRACE ? "{" : "(";
    }

    private static String text(Token.Kind kind) {
        return switch (kind) {
            case OPEN_PAREN -> "(";
            case CLOSE_PAREN -> ")";
            case OPEN_BRACE -> "{";
            case CLOSE_BRACE -> "}";
            case OPEN_BRACKET -> "[";
            case CLOSE_BRACKET -> "]";
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIVIDE -> "/";
            case POWER -> "^";
            case FRAC -> "\\frac";
            case END -> "the end";
        };
    }
}
