package org.chainwise.bank.item;

import java.util.Objects;

/** The question as shown: plain text, and LaTeX with inline math between {@code \(} and {@code \)}. */
public record Stem(String text, String latex) {

    public Stem {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(latex, "latex");
    }

    /** A piece of mathematics inside a stem, in both notations. */
    public record Inline(String text, String latex) {

        public static Inline of(Formula f) {
            return new Inline(f.text(), f.latex());
        }

        /** {@code name = formula}, as in {@code h(x) = sin(x^2)}. */
        public static Inline equation(String name, Formula f) {
            return new Inline(name + " = " + f.text(), name + " = " + f.latex());
        }

        /** A symbol written the same way in both notations, such as {@code x}. */
        public static Inline symbol(String symbol) {
            return new Inline(symbol, symbol);
        }
    }

    /** The stem with each {@code {}} of {@code template} replaced by the next piece of mathematics. */
    public static Stem of(String template, Inline... pieces) {
        StringBuilder text = new StringBuilder();
        StringBuilder latex = new StringBuilder();
        int from = 0;
        for (Inline piece : pieces) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more pieces than {} in: " + template);
            }
            String words = template.substring(from, at);
            text.append(words).append(piece.text());
            latex.append(words).append("\\(").append(piece.latex()).append("\\)");
            from = at + 2;
        }
        String rest = template.substring(from);
        if (rest.contains("{}")) {
            throw new IllegalArgumentException("fewer pieces than {} in: " + template);
        }
        return new Stem(text.append(rest).toString(), latex.append(rest).toString());
    }
}
