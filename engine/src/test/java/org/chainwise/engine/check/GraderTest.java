package org.chainwise.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grader's fixture table, STACK style: function, student answer as typed, expected verdict, the
 * expected most likely misconception (empty for none), comment.
 */
class GraderTest {

    private static final Grader GRADER = new Grader(new Checker(new SymjaEquivalence(Duration.ofSeconds(5)), 100), 20);

    @BeforeAll
    static void warm() {
        SymjaEquivalence.warmUp();
    }

    @ParameterizedTest(name = "{4}: d/dx {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sin(x^2)        | 2x cos(x^2)                 | CORRECT   |                        | the textbook form
            sin(x^2)        | cos(x²)·2x                  | CORRECT   |                        | unicode, factors in another order
            sin(x^2)        | 2*x*cos(x**2)               | CORRECT   |                        | explicit operators
            sin(x^2)        | x cos(x^2)                  | INCORRECT |                        | off by a constant factor
            sin(x^2)        | x^3 + 1                     | INCORRECT | OTHER                  | no buggy rule explains it
            sin(x^2)        | -2x cos(x^2)                | INCORRECT | WRONG_OUTER_DERIVATIVE | off by a sign: the sign of sin′
            sin(x^2)        | cos(x) 2x                   | INCORRECT | OUTER_AT_X             | outer derivative read at x
            sin(x^2)        | cos(x^2)                    | INCORRECT | MISSING_INNER          | inner factor left out
            sin(x^2)        | cos(2x)                     | INCORRECT | COMPOSED_DERIVATIVES   | derivatives composed
            sin(x^2)        | cos(x) x^2 + 2x sin(x)      | INCORRECT | PRODUCT_RULE           | composition taken for a product
            sin(x^2)        | cos(x^2) + 2x               | INCORRECT | ADDED_NOT_MULTIPLIED   | factors added
            sin(x^2)        | 2 sin(x) cos(x)             | INCORRECT | REVERSED_NESTING       | the derivative of sin(x)^2
            (3x+1)^2        | 6(3x+1)                     | CORRECT   |                        | factored
            (3x+1)^2        | 18x + 6                     | CORRECT   |                        | expanded
            (3x+1)^2        | 2(3x+1)·3                   | CORRECT   |                        | unsimplified product
            (3x+1)^2        | 2(3x+1)                     | INCORRECT | MISSING_INNER          | inner factor left out
            (3x+1)^2        | 6(3x+1)^2                   | INCORRECT |                        | exponent not lowered
            e^(2x)          | 2e^(2x)                     | CORRECT   |                        | the textbook form
            e^(2x)          | 2 exp(x) exp(x)             | CORRECT   |                        | e^x e^x
            e^(2x)          | e^(2x)                      | INCORRECT | MISSING_INNER          | inner factor left out
            e^(2x)          | -2e^(2x)                    | INCORRECT |                        | off by a sign
            sin(x)^3        | 3 sin(x)^2 cos(x)           | CORRECT   |                        | the textbook form
            sin(x)^3        | 3(1 - cos(x)^2) cos(x)      | CORRECT   |                        | Pythagoras
            sin(x)^3        | 3 sin(x)^3 cos(x)           | INCORRECT |                        | exponent not lowered
            sin(x)^3        | 3 sin(x)^2                  | INCORRECT | MISSING_INNER          | inner factor left out
            sin(cos(x))     | -sin(x) cos(cos(x))         | CORRECT   |                        | the textbook form
            sin(cos(x))     | sin(x) cos(cos(x))          | INCORRECT |                        | off by a sign
            sin((3x+1)^2)   | 6(3x+1) cos((3x+1)^2)       | CORRECT   |                        | three layers
            sin((3x+1)^2)   | (18x+6) cos(9x^2+6x+1)      | CORRECT   |                        | three layers, expanded
            sin((3x+1)^2)   | 2(3x+1) cos((3x+1)^2)       | INCORRECT | MISSING_INNER          | innermost factor left out
            tan(x^2)        | 2x/cos(x^2)^2               | CORRECT   |                        | 1/cos² for sec²
            tan(x^2)        | 2x (1 + tan(x^2)^2)         | CORRECT   |                        | 1 + tan² for sec²
            sqrt(3x+1)      | 3/(2 sqrt(3x+1))            | CORRECT   |                        | over a root
            sqrt(3x+1)      | 3/2 (3x+1)^(-1/2)           | CORRECT   |                        | negative fractional power
            ln(cos(x^2))    | -2x tan(x^2)                | CORRECT   |                        | sin/cos as tan
            sin(ln(x^2))    | 2cos(2ln(x))/x              | CORRECT   |                        | log rule, valid where both are defined
            """)
    void grades(String function, String answer, Verdict verdict, Misconception likeliest, String comment) {
        Grade grade = GRADER.grade(function, "x", answer);
        assertThat(grade.verdict()).as(comment).isEqualTo(verdict);
        assertThat(grade.interpretedAs()).isPresent();
        if (verdict == Verdict.CORRECT) {
            assertThat(grade.misconceptions()).isEmpty();
        } else {
            assertThat(grade.misconceptions()).isNotEmpty();
        }
        if (likeliest != null) {
            assertThat(grade.misconceptions().getFirst().code()).as(comment).isEqualTo(likeliest);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Quit()
            D(x^2, x)
            2y cos(y^2)
            2x cos(x^2
            """)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unreadableAnswersAreInvalidWithAPosition(String answer) {
        Grade grade = GRADER.grade("sin(x^2)", "x", answer);
        assertThat(grade.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(grade.error()).hasValueSatisfying(error -> {
            assertThat(error.message()).isNotBlank();
            assertThat(error.position()).isBetween(1, answer.length() + 1);
        });
        assertThat(grade.interpretedAs()).isEmpty();
    }

    @Test
    void anUnreadableFunctionOrVariableIsInvalidOutsideTheAnswer() {
        assertThat(GRADER.grade("sin(x^2", "x", "2x").error()).hasValueSatisfying(
                error -> assertThat(error.position()).isEqualTo(InputError.NOT_IN_ANSWER));
        assertThat(GRADER.grade("sin(x^2)", "x; Quit()", "2x").verdict()).isEqualTo(Verdict.INVALID);
    }
}
