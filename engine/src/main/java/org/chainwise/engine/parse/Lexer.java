package org.chainwise.engine.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Rational;

/**
 * Turns a student's text into tokens, each with its span. It normalises what keyboards emit
 * ({@code −}, {@code ·}, {@code ×}, {@code ÷}, {@code **}, superscript digits, {@code \cdot},
 * {@code \left(}), splits runs of letters into names ({@code xsinx} is x, sin, x), and rejects at
 * once anything that is not part of a plain expression: other variables, unknown functions, the
 * derivative operator, primes, equations, commands, strings.
 */
final class Lexer {

    /** {@code d/dx}, {@code dy/dx}, {@code d(x^2)/dx}: the operator, not an answer. */
    private static final Pattern DERIVATIVE = Pattern.compile("d\\s*[A-Za-z]?\\s*/\\s*d\\s*[A-Za-z]|d\\s*\\(");
    /** {@code \frac{d}{dx}} and {@code \frac{dy}{dx}}. */
    private static final Pattern LATEX_DERIVATIVE = Pattern.compile("\\\\[dt]?frac\\s*\\{\\s*d\\s*[A-Za-z]?\\s*}\\s*\\{\\s*d\\s*[A-Za-z]*\\s*}?");
    private static final String UPRIGHT_E = "{e}";
    private static final char FULL_WIDTH_FIRST = '！';
    private static final char FULL_WIDTH_LAST = '～';
    private static final int FULL_WIDTH_OFFSET = '！' - '!';
    private static final char IDEOGRAPHIC_SPACE = '　';
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final char SUPERSCRIPT_MINUS = '⁻';
    private static final char SUPERSCRIPT_PLUS = '⁺';
    private static final String MINUS_SIGNS = "-−–‐‑﹣－";
    private static final String TIMES_SIGNS = "·⋅×∙∗";
    private static final String DIVIDE_SIGNS = "÷∕";
    private static final String QUOTES = "\"“”„`«»";
    private static final String PRIMES = "'′’‘″";
    private static final String COMPARISONS = "=≠<>≤≥≈";

    private final String source;
    private final List<String> variables;
    private final String allowed;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private Lexer(String source, List<String> variables) {
        this.source = source;
        this.variables = variables.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.allowed = listed(variables);
    }

    /** The tokens of {@code source}, ending with an {@code END} symbol. */
    static List<Token> tokenize(String source, List<String> variables) {
        Lexer lexer = new Lexer(foldWideForms(source), variables);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        refuseEquationsAndPrimes();
        while (index < source.length()) {
            char c = source.charAt(index);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
                // Invisible format characters (zero-width space, byte-order mark) come with pasted text.
                index++;
            } else if (isAsciiDigit(c) || c == '.') {
                number();
            } else if (c == 'π') {
                tokens.add(new Token.Constant(Const.PI, span(index, ++index)));
            } else if (Character.isLetter(c)) {
                word();
            } else if (c == '\\') {
                command();
            } else if (SUPERSCRIPT_DIGITS.indexOf(c) >= 0 || c == SUPERSCRIPT_MINUS || c == SUPERSCRIPT_PLUS) {
                superscript();
            } else {
                symbol(c);
            }
        }
        tokens.add(new Token.Symbol(Token.Kind.END, span(source.length(), source.length())));
    }

    /** An equation or a prime is refused as such, even when a name before it ({@code y = ...}, {@code f'(x)}) would fail first. */
    private void refuseEquationsAndPrimes() {
        for (int i = 0; i < source.length(); i++) {
            if (source.startsWith(":=", i)) {
                throw Rejection.ASSIGNMENT.raise(source, span(i, i + 2));
            }
            if (COMPARISONS.indexOf(source.charAt(i)) >= 0) {
                throw Rejection.EQUATION.raise(source, span(i, i + 1));
            }
            if (PRIMES.indexOf(source.charAt(i)) >= 0) {
                throw Rejection.PRIME.raise(source, span(i, i + 1));
            }
        }
    }

    private void number() {
        int start = index;
        int digits = 0;
        int points = 0;
        while (index < source.length() && (isAsciiDigit(source.charAt(index)) || source.charAt(index) == '.')) {
            if (source.charAt(index) == '.') {
                points++;
            } else {
                digits++;
            }
            index++;
        }
        Span span = span(start, index);
        if (points > 1 || digits == 0) {
            throw Rejection.MALFORMED_NUMBER.raise(source, span);
        }
        if (digits > Limits.MAX_DIGITS) {
            throw Rejection.NUMBER_TOO_LONG.raise(source, span, Limits.MAX_DIGITS);
        }
        tokens.add(new Token.Number(decimal(source.substring(start, index)), span));
    }

    /** A superscript such as {@code ²} or {@code ⁻¹} is read as {@code ^2} or {@code ^-1}. */
    private void superscript() {
        int start = index;
        boolean negative = false;
        while (index < source.length() && (source.charAt(index) == SUPERSCRIPT_MINUS || source.charAt(index) == SUPERSCRIPT_PLUS)) {
            negative ^= source.charAt(index) == SUPERSCRIPT_MINUS;
            index++;
        }
        int digitsStart = index;
        StringBuilder digits = new StringBuilder();
        while (index < source.length() && SUPERSCRIPT_DIGITS.indexOf(source.charAt(index)) >= 0) {
            digits.append((char) ('0' + SUPERSCRIPT_DIGITS.indexOf(source.charAt(index))));
            index++;
        }
        Span whole = span(start, index);
        if (digits.isEmpty()) {
            throw Rejection.MALFORMED_NUMBER.raise(source, whole);
        }
        if (digits.length() > Limits.MAX_DIGITS) {
            throw Rejection.NUMBER_TOO_LONG.raise(source, whole, Limits.MAX_DIGITS);
        }
        tokens.add(new Token.Symbol(Token.Kind.POWER, whole));
        if (negative) {
            tokens.add(new Token.Symbol(Token.Kind.MINUS, span(start, digitsStart)));
        }
        tokens.add(new Token.Number(decimal(digits.toString()), span(digitsStart, index)));
    }

    private void word() {
        int start = index;
        while (index < source.length() && Character.isLetter(source.charAt(index)) && source.charAt(index) != 'π') {
            index++;
        }
        String word = source.substring(start, index);
        Matcher derivative = DERIVATIVE.matcher(source).region(start, source.length());
        if (word.charAt(0) == 'd' && !variables.contains("d") && derivative.lookingAt()) {
            throw Rejection.DERIVATIVE_OPERATOR.raise(source, span(start, derivative.end()));
        }
        Optional<List<Token>> names = new WordSplitter(word, start, variables, followedByPower()).split();
        if (names.isEmpty()) {
            throw unknownWord(word, start);
        }
        tokens.addAll(names.get());
    }

    private Rejected unknownWord(String word, int start) {
        Span whole = span(start, start + word.length());
        if (word.equalsIgnoreCase("abs")) {
            return Rejection.ABSOLUTE_VALUE.raise(source, whole);
        }
        if (nextVisible() == '(' || nextVisible() == '[' || word.length() > 2) {
            return Rejection.UNKNOWN_FUNCTION.raise(source, whole);
        }
        if (word.length() == 2 && word.charAt(0) == 'd' && variables.contains(word.substring(1))) {
            return Rejection.DERIVATIVE_OPERATOR.raise(source, whole);
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == 'e') {
                return Rejection.E_NEXT_TO_LETTER.raise(source, whole);
            }
            if (!variables.contains(word.substring(i, i + 1))) {
                return Rejection.UNKNOWN_VARIABLE.raise(source, span(start + i, start + i + 1), allowed);
            }
        }
        return Rejection.UNKNOWN_VARIABLE.raise(source, whole, allowed);
    }

    private void command() {
        int start = index++;
        int nameStart = index;
        while (index < source.length() && isAsciiLetter(source.charAt(index))) {
            index++;
        }
        String name = source.substring(nameStart, index);
        if (name.isEmpty()) {
            escapedSymbol(start);
            return;
        }
        Span span = span(start, index);
        if (name.equals("left") || name.equals("right") || name.equals("mleft") || name.equals("mright")) {
            // MathLive writes \mleft( and \mright) where other editors write \left( and \right).
            delimiter(start, name.endsWith("left"));
            return;
        }
        if (name.equals("pi")) {
            tokens.add(new Token.Constant(Const.PI, span));
            return;
        }
        if (name.equals("exponentialE") || name.equals("mathrm") && source.startsWith(UPRIGHT_E, index)) {
            // Euler's number as MathLive and careful typists write it: \exponentialE, \mathrm{e}.
            index += name.equals("mathrm") ? UPRIGHT_E.length() : 0;
            tokens.add(new Token.Constant(Const.E, span(start, index)));
            return;
        }
        Optional<Fn> function = Vocabulary.latexFunction(name);
        if (function.isPresent()) {
            tokens.add(new Token.Function(function.get(), true, span));
            return;
        }
        Optional<Token.Kind> symbol = Vocabulary.latexSymbol(name);
        if (symbol.isPresent()) {
            Matcher derivative = LATEX_DERIVATIVE.matcher(source).region(start, source.length());
            if (symbol.get() == Token.Kind.FRAC && derivative.lookingAt()) {
                throw Rejection.DERIVATIVE_OPERATOR.raise(source, span(start, derivative.end()));
            }
            tokens.add(new Token.Symbol(symbol.get(), span));
            return;
        }
        if (Vocabulary.isSpacing(name)) {
            return;
        }
        if (GreekLetters.isLetterName(name)) {
            tokens.add(new Token.Variable(GreekLetters.declared(name, variables)
                    .orElseThrow(() -> Rejection.UNKNOWN_VARIABLE.raise(source, span, allowed)), span));
            return;
        }
        throw switch (name) {
            case "lvert", "rvert", "vert", "mid", "lVert", "rVert", "Vert" -> Rejection.ABSOLUTE_VALUE.raise(source, span);
            case "prime" -> Rejection.PRIME.raise(source, span);
            case "partial", "differentialD" -> Rejection.DERIVATIVE_OPERATOR.raise(source, span);
            case "text", "textrm", "mbox" -> Rejection.STRING.raise(source, span);
            case "lbrack", "rbrack" -> Rejection.BRACKETS.raise(source, span);
            case "le", "ge", "leq", "geq", "ne", "neq", "approx" -> Rejection.EQUATION.raise(source, span);
            default -> Rejection.UNKNOWN_COMMAND.raise(source, span);
        };
    }

    /** {@code \,} and its kin are spacing; any other backslash-symbol pair is not part of the subset. */
    private void escapedSymbol(int start) {
        if (index >= source.length()) {
            throw Rejection.UNKNOWN_CHARACTER.raise(source, span(start, index));
        }
        char c = source.charAt(index);
        if (",;:! ".indexOf(c) >= 0) {
            index++;
            return;
        }
        throw Rejection.UNKNOWN_COMMAND.raise(source, span(start, index + Character.charCount(source.codePointAt(index))));
    }

    /** {@code \left(} and {@code \right)} are brackets; {@code \left.} is nothing; {@code \left|} is absolute value. */
    private void delimiter(int start, boolean opening) {
        while (index < source.length() && source.charAt(index) == ' ') {
            index++;
        }
        if (index >= source.length()) {
            throw Rejection.UNKNOWN_COMMAND.raise(source, span(start, index));
        }
        char c = source.charAt(index++);
        Span span = span(start, index);
        switch (c) {
            case '(' -> tokens.add(new Token.Symbol(Token.Kind.OPEN_PAREN, span));
            case ')' -> tokens.add(new Token.Symbol(Token.Kind.CLOSE_PAREN, span));
            case '[' -> tokens.add(new Token.Symbol(Token.Kind.OPEN_BRACKET, span));
            case ']' -> tokens.add(new Token.Symbol(Token.Kind.CLOSE_BRACKET, span));
            case '.' -> {
                // \left. and \right. are invisible delimiters.
            }
            case '|' -> throw Rejection.ABSOLUTE_VALUE.raise(source, span);
            default -> throw Rejection.UNKNOWN_COMMAND.raise(source,
                    c == '\\' && index < source.length() ? span(start, index + 1) : span);
        }
        boolean closer = c == ')' || c == ']';
        boolean opener = c == '(' || c == '[';
        if (opening && closer || !opening && opener) {
            throw Rejection.UNEXPECTED.raise(source, span);
        }
    }

    private void symbol(char c) {
        int start = index++;
        Span one = span(start, index);
        if (c == '*' && index < source.length() && source.charAt(index) == '*') {
            tokens.add(new Token.Symbol(Token.Kind.POWER, span(start, ++index)));
        } else if (c == '+') {
            tokens.add(new Token.Symbol(Token.Kind.PLUS, one));
        } else if (MINUS_SIGNS.indexOf(c) >= 0) {
            tokens.add(new Token.Symbol(Token.Kind.MINUS, one));
        } else if (c == '*' || TIMES_SIGNS.indexOf(c) >= 0) {
            tokens.add(new Token.Symbol(Token.Kind.TIMES, one));
        } else if (c == '/' || DIVIDE_SIGNS.indexOf(c) >= 0) {
            tokens.add(new Token.Symbol(Token.Kind.DIVIDE, one));
        } else if (c == '^') {
            tokens.add(new Token.Symbol(Token.Kind.POWER, one));
        } else if (c == '√') {
            tokens.add(new Token.Function(Fn.SQRT, false, one));
        } else {
            tokens.add(new Token.Symbol(bracket(c, start), one));
        }
    }

    private Token.Kind bracket(char c, int start) {
        Span one = span(start, start + 1);
        return switch (c) {
            case '(' -> Token.Kind.OPEN_PAREN;
            case ')' -> Token.Kind.CLOSE_PAREN;
            case '{' -> Token.Kind.OPEN_BRACE;
            case '}' -> Token.Kind.CLOSE_BRACE;
            case '[' -> Token.Kind.OPEN_BRACKET;
            case ']' -> Token.Kind.CLOSE_BRACKET;
            default -> throw rejectedSymbol(c, start, one);
        };
    }

    private Rejected rejectedSymbol(char c, int start, Span one) {
        if (QUOTES.indexOf(c) >= 0) {
            return Rejection.STRING.raise(source, one);
        }
        if (c == ',' && start > 0 && start + 1 < source.length()
                && isAsciiDigit(source.charAt(start - 1)) && isAsciiDigit(source.charAt(start + 1))) {
            return Rejection.DECIMAL_COMMA.raise(source, one);
        }
        return switch (c) {
            case ':' -> Rejection.ASSIGNMENT.raise(source, one);
            case ';', ',' -> Rejection.SEPARATOR.raise(source, one);
            case '!' -> Rejection.FACTORIAL.raise(source, one);
            case '|' -> Rejection.ABSOLUTE_VALUE.raise(source, one);
            case '_' -> Rejection.SUBSCRIPT.raise(source, one);
            default -> Rejection.UNKNOWN_CHARACTER.raise(source,
                    span(start, start + Character.charCount(source.codePointAt(start))));
        };
    }

    /** Whether the word just read is followed by an exponent, so that a final {@code e} is Euler's number. */
    private boolean followedByPower() {
        if (index >= source.length()) {
            return false;
        }
        char c = source.charAt(index);
        return c == '^' || source.startsWith("**", index) || SUPERSCRIPT_DIGITS.indexOf(c) >= 0 || c == SUPERSCRIPT_MINUS;
    }

    private char nextVisible() {
        for (int i = index; i < source.length(); i++) {
            if (!Character.isWhitespace(source.charAt(i))) {
                return source.charAt(i);
            }
        }
        return 0;
    }

    /**
     * The text with the full-width forms that East Asian keyboards type ({@code ２ｘ＋１}) replaced by
     * their ASCII letters, digits and signs; one character for one, so that every span still points
     * into the student's own text.
     */
    static String foldWideForms(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                folded.append((char) (c - FULL_WIDTH_OFFSET));
            } else {
                folded.append(c == IDEOGRAPHIC_SPACE ? ' ' : c);
            }
        }
        return folded.toString();
    }

    private static Rational decimal(String text) {
        BigDecimal value = new BigDecimal(text);
        BigInteger unscaled = value.unscaledValue();
        return value.scale() > 0
                ? new Rational(unscaled, BigInteger.TEN.pow(value.scale()))
                : new Rational(unscaled.multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
    }

    /** {@code x}, {@code x and t}, {@code x, y and z}: the variables as a student reads them. */
    private static String listed(List<String> variables) {
        Set<String> seen = new HashSet<>();
        List<String> names = variables.stream().filter(seen::add).toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "numbers" : names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static Span span(int start, int end) {
        return new Span(start, end);
    }
}
