package org.chainwise.engine.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Greek letters a variable may be named by, so that an item in {@code theta} accepts θ,
 * {@code \theta} and {@code theta}, and prints as {@code \theta}. Pi is the constant, never a variable.
 */
public final class GreekLetters {

    private static final Map<String, Character> LETTERS = Map.ofEntries(
            Map.entry("alpha", 'α'), Map.entry("beta", 'β'), Map.entry("gamma", 'γ'), Map.entry("delta", 'δ'),
            Map.entry("theta", 'θ'), Map.entry("lambda", 'λ'), Map.entry("mu", 'μ'), Map.entry("rho", 'ρ'),
            Map.entry("sigma", 'σ'), Map.entry("tau", 'τ'), Map.entry("phi", 'φ'), Map.entry("omega", 'ω'));

    private GreekLetters() {
    }

    /** The LaTeX command for a variable named by a Greek letter ({@code theta} or θ gives {@code \theta}); empty otherwise. */
    public static Optional<String> latex(String variable) {
        for (Map.Entry<String, Character> letter : LETTERS.entrySet()) {
            if (variable.equals(letter.getKey()) || variable.equals(String.valueOf(letter.getValue()))) {
                return Optional.of("\\" + letter.getKey());
            }
        }
        return Optional.empty();
    }

    /** The declared variable that {@code written} (θ, {@code theta}) stands for, whichever way it was declared. */
    static Optional<String> declared(String written, List<String> variables) {
        if (variables.contains(written)) {
            return Optional.of(written);
        }
        for (Map.Entry<String, Character> letter : LETTERS.entrySet()) {
            String symbol = String.valueOf(letter.getValue());
            if (written.equals(letter.getKey()) || written.equals(symbol)) {
                return variables.contains(letter.getKey()) ? Optional.of(letter.getKey())
                        : variables.contains(symbol) ? Optional.of(symbol) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean isLetterName(String name) {
        return LETTERS.containsKey(name);
    }
}
