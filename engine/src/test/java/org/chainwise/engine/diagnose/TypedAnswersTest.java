package org.chainwise.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.parse.AnswerParser;
import org.chainwise.engine.parse.ParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The diagnoser on answers as students type them, read by the answer parser: the function, the typed
 * answer, and the misconception and layer named first. The same table documents what it recognises.
 */
class TypedAnswersTest {

    private static Expr read(String text) {
        return switch (AnswerParser.parse(text, List.of("x"))) {
            case ParseResult.Parsed parsed -> parsed.expr();
            case ParseResult.Failed failed -> throw new AssertionError("cannot read " + text + ": " + failed.error());
        };
    }

    @ParameterizedTest(name = "{0}: {1} is {2} at layer {3}")
    @CsvSource(delimiter = '|', textBlock = """
            sin(x^2)        | 2x cos(x)                   | OUTER_AT_X             | 1
            sin(x^2)        | cos(x²)                     | MISSING_INNER          | 1
            sin(x^2)        | cos(2x)                     | COMPOSED_DERIVATIVES   | 1
            sin(x^2)        | cos(x)·x² + 2x sin(x)       | PRODUCT_RULE           | 1
            sin(x^2)        | cos(x^2) + 2x               | ADDED_NOT_MULTIPLIED   | 1
            sin(x^2)        | 2 sin(x) cos(x)             | REVERSED_NESTING       | 1
            sin(x^2)        | −2x cos(x^2)                | WRONG_OUTER_DERIVATIVE | 1
            cos(x^2)        | 2x sin(x^2)                 | WRONG_OUTER_DERIVATIVE | 1
            (3x+1)^2        | 2(3x+1)                     | MISSING_INNER          | 1
            (3x+1)^2        | 6x                          | OUTER_AT_X             | 1
            (3x+1)^2        | 2(3x+1)^2*3                 | WRONG_OUTER_DERIVATIVE | 1
            e^(2x)          | e^(2x)                      | MISSING_INNER          | 1
            e^(2x)          | 2e^x                        | OUTER_AT_X             | 1
            exp(2x)         | 2x e^(2x-1) * 2             | WRONG_OUTER_DERIVATIVE | 1
            sin(x)^3        | 3sin^2(x)                   | MISSING_INNER          | 1
            sin(x)^3        | 3x^2 cos(x)                 | OUTER_AT_X             | 1
            sqrt(x^2+1)     | 1/(2sqrt(x^2+1))            | MISSING_INNER          | 1
            √(x²+1)         | 2x/√(x²+1)                  | WRONG_OUTER_DERIVATIVE | 1
            ln(x^2+1)       | 1/(x^2+1)                   | MISSING_INNER          | 1
            ln(x^2+1)       | 2x                          | WRONG_OUTER_DERIVATIVE | 1
            ln(x^2+1)       | 1/(2x)                      | COMPOSED_DERIVATIVES   | 1
            tan(3x)         | sec^2(3x)                   | MISSING_INNER          | 1
            tan(3x)         | 3sec(3x)                    | WRONG_OUTER_DERIVATIVE | 1
            2^(x^2)         | 2^(x^2)*2x                  | WRONG_OUTER_DERIVATIVE | 1
            sin(cos(x^2))   | cos(cos(x^2))               | MISSING_INNER          | 1
            sin(cos(x^2))   | -cos(cos(x^2)) sin(x^2)     | MISSING_INNER          | 2
            sin(cos(x^2))   | cos(cos(x^2))*2x            | MISSING_INNER          | 1
            sin(cos(x^2))   | -2x cos(x) sin(x^2)         | OUTER_AT_X             | 1
            sin(cos(x^2))   | -2x cos(cos(x^2)) sin(x)    | OUTER_AT_X             | 2
            e^(sin(3x))     | e^(sin(3x)) cos(3x)         | MISSING_INNER          | 2
            e^(sin(3x))     | 3e^x cos(3x)                | OUTER_AT_X             | 1
            ln(x^2+1)^3     | 3ln(x^2+1)^2                | MISSING_INNER          | 1
            (ln(x^2+1))^3   | 3(ln(x²+1))² · 1/(x²+1)     | MISSING_INNER          | 2
            (ln(x^2+1))^3   | 3ln(x^2+1)^3 · 2x/(x^2+1)   | WRONG_OUTER_DERIVATIVE | 1
            """)
    void namesTheMisconceptionBehindATypedAnswer(String function, String answer, Misconception code, int layer) {
        List<Diagnosis> diagnoses = Diagnoser.forFunction(read(function), "x").diagnose(read(answer));
        assertThat(diagnoses).isNotEmpty();
        assertThat(diagnoses.getFirst().code()).isEqualTo(code);
        assertThat(diagnoses.getFirst().layer()).isEqualTo(layer);
    }

    @ParameterizedTest(name = "{0}: {1} is right")
    @CsvSource(delimiter = '|', textBlock = """
            sin(x^2)        | 2x cos(x^2)
            e^(2x)          | 2e^(2x)
            (3x+1)^2        | 18x + 6
            sqrt(x^2+1)     | x/sqrt(x^2+1)
            sin(cos(x^2))   | -2x sin(x^2) cos(cos(x^2))
            """)
    void rightAnswersAreNotDiagnosed(String function, String answer) {
        assertThat(Diagnoser.forFunction(read(function), "x").diagnose(read(answer))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} fits no misconception")
    @CsvSource(delimiter = '|', textBlock = """
            sin(x^2)        | x^3
            sin(x^2)        | tan(x)
            e^(2x)          | 5
            ln(x^2+1)^3     | sec(x)
            """)
    void unrelatedAnswersAreNotDiagnosed(String function, String answer) {
        assertThat(Diagnoser.forFunction(read(function), "x").diagnose(read(answer))).isEmpty();
    }
}
