package org.chainwise.engine.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chainwise.engine.expr.Fn;

/**
 * The names a student may write: every spelling of a whitelisted function ({@code log} and {@code ln}
 * are both the natural logarithm; {@code asin} and {@code arcsin} are the same function), the
 * constants, and the LaTeX commands a math keyboard emits.
 */
final class Vocabulary {

    /** Spellings in lower case; a student may capitalise them ({@code Sin x}, as phones do). */
    private static final Map<String, Fn> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", Fn.SIN), Map.entry("cos", Fn.COS), Map.entry("tan", Fn.TAN),
            Map.entry("sec", Fn.SEC), Map.entry("csc", Fn.CSC), Map.entry("cosec", Fn.CSC), Map.entry("cot", Fn.COT),
            Map.entry("arcsin", Fn.ASIN), Map.entry("asin", Fn.ASIN),
            Map.entry("arccos", Fn.ACOS), Map.entry("acos", Fn.ACOS),
            Map.entry("arctan", Fn.ATAN), Map.entry("atan", Fn.ATAN),
            Map.entry("sinh", Fn.SINH), Map.entry("cosh", Fn.COSH), Map.entry("tanh", Fn.TANH),
            Map.entry("exp", Fn.EXP), Map.entry("ln", Fn.LN), Map.entry("log", Fn.LN),
            Map.entry("sqrt", Fn.SQRT));

    /** Function spellings longest first, so that {@code sinhx} is sinh(x) and not sin(h x). */
    static final List<String> FUNCTION_SPELLINGS = FUNCTIONS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList();

    static final String PI = "pi";
    static final String E = "e";

    private static final Map<String, Token.Kind> SYMBOL_COMMANDS = Map.of(
            "cdot", Token.Kind.TIMES, "times", Token.Kind.TIMES, "ast", Token.Kind.TIMES,
            "div", Token.Kind.DIVIDE,
            "frac", Token.Kind.FRAC, "dfrac", Token.Kind.FRAC, "tfrac", Token.Kind.FRAC);

    private static final List<String> LATEX_FUNCTIONS = List.of("sin", "cos", "tan", "sec", "csc", "cot",
            "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "exp", "ln", "log", "sqrt");

    /** LaTeX commands that only space things out. */
    private static final List<String> SPACING_COMMANDS = List.of("quad", "qquad");

    private Vocabulary() {
    }

    static Optional<Fn> function(String spelling) {
        return Optional.ofNullable(FUNCTIONS.get(spelling.toLowerCase(Locale.ROOT)));
    }

    static boolean isPi(String word) {
        return word.equalsIgnoreCase(PI);
    }

    /** The function a LaTeX command names: {@code \sin}, {@code \ln}, {@code \log}, {@code \arcsin} (not {@code \asin}, which LaTeX lacks). */
    static Optional<Fn> latexFunction(String name) {
        return LATEX_FUNCTIONS.contains(name) ? function(name) : Optional.empty();
    }

    /** The operator or structure a LaTeX command stands for: {@code \cdot}, {@code \div}, {@code \frac}. */
    static Optional<Token.Kind> latexSymbol(String name) {
        return Optional.ofNullable(SYMBOL_COMMANDS.get(name));
    }

    static boolean isSpacing(String name) {
        return SPACING_COMMANDS.contains(name);
    }
}
