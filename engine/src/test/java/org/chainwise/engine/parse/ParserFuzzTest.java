package org.chainwise.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chainwise.engine.print.Latex;
import org.chainwise.engine.print.PlainText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random input never makes the parser throw or fail inside: every answer is read, or refused with a
 * specific error whose span lies in the text; and whatever is read prints to text and LaTeX that
 * read back.
 */
class ParserFuzzTest {

    private static final List<String> X = List.of("x");
    /** Fragments students and attackers type, so that random joins reach deep into the grammar. */
    private static final String[] FRAGMENTS = {
        "x", "x", "2", "0.5", "10", "+", "-", "*", "/", "^", "**", "(", ")", "(", ")", "{", "}", "[", "]",
        "sin", "cos", "tan", "ln", "log", "exp", "sqrt", "arcsin", "sinh", "e", "pi", "π", "√", "²", "⁻¹", "·",
        "×", "−", "÷", " ", " ", "\\frac", "\\sqrt", "\\left(", "\\right)", "\\cdot", "\\sin", "\\pi", "\\left.",
        "|", "'", "=", ",", ";", "!", "\"", "_", "y", "d/dx", "sine", "Quit", "e^", "xe", "sinx", "1/2", ".", "\\",
        "9^9^9", "10^1000", "%", "\t", "\u0000", "😀", "\\sqrt[3]", "sin^2", "sin^-1", "^{", "^(",
    };
    private static final int SAMPLES = 8_000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void randomFragmentsAreReadOrRefusedCleanly(long seed) {
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            check(text.toString(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {4L, 5L})
    void randomCharactersAreReadOrRefusedCleanly(long seed) {
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                // Mostly ASCII, sometimes any code point at all, lone surrogates included.
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (32 + random.nextInt(95)));
            }
            check(text.toString(), problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String text, List<String> problems) {
        ParseResult result = AnswerParser.parse(text, X);
        switch (result) {
            case ParseResult.Failed f -> {
                Span span = f.error().span();
                if (f.error().code().equals("INTERNAL") || span.end() > text.length() || f.error().message().isBlank()) {
                    problems.add(text + "  ->  " + f.error());
                }
            }
            case ParseResult.Parsed p -> {
                for (String printed : List.of(PlainText.print(p.expr()), Latex.print(p.expr()))) {
                    if (AnswerParser.parse(printed, X) instanceof ParseResult.Failed f
                            && !f.error().code().equals("TOO_LONG")) {
                        problems.add(text + "  printed as  " + printed + "  ->  " + f.error().message());
                    }
                }
            }
        }
    }
}
