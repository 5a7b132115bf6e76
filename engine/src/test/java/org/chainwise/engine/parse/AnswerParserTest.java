package org.chainwise.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.print.Latex;
import org.chainwise.engine.print.PlainText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerParserTest {

    private static final List<String> X = List.of("x");
    private static final Var VAR_X = new Var("x");

    static Stream<Arguments> accepted() {
        return Fixtures.rows("/parse/accepted.tsv");
    }

    static Stream<Arguments> rejected() {
        return Fixtures.rows("/parse/messages.golden");
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @MethodSource("accepted")
    void readsWhatStudentsTypeAndShowsHowItWasRead(String input, String plain, String latex) {
        Expr e = parsed(input, X);
        assertThat(PlainText.print(e)).isEqualTo(plain);
        assertThat(Latex.print(e)).isEqualTo(latex);
    }

    @ParameterizedTest(name = "{0}  ->  {1} at {2}")
    @MethodSource("rejected")
    void rejectsWithAStableCodeAPositionAndAMessage(String input, String code, String position, String message) {
        ParseError error = failed(input, X);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.span().position()).isEqualTo(Integer.parseInt(position));
        assertThat(error.message()).isEqualTo(message);
    }

    /** The precedence decisions, checked by value: input, x, value. */
    @ParameterizedTest(name = "{0} at x={1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "-2^2      | 0   | -4",
        "-x^2      | 3   | -9",
        "(-x)^2    | 3   | 9",
        "2^3^2     | 0   | 512",
        "(2^3)^2   | 0   | 64",
        "2x^2      | 3   | 18",
        "1/2x      | 3   | 1.5",
        "1/(2x)    | 4   | 0.125",
        "x/2/4     | 8   | 1",
        "2/3x      | 3   | 2",
        "e^2x      | 2   | 14.7781121978613",
        "e^x^2     | 2   | 54.598150033144236",
        "2^-3x     | 8   | 1",
        "2^-x^2    | 1   | 0.5",
        "2*-3x     | 1   | -6",
        "-2x       | 1   | -2",
        "x - -3    | 1   | 4",
        "--x       | 5   | 5",
        "sin x^2   | 2   | -0.7568024953079282",
        "sin 2x    | 1   | 0.9092974268256817",
        "sin x/2   | 2   | 0.45464871341284085",
        "sin^2 x   | 1   | 0.7080734182735712",
        "sin x cos x | 1 | 0.4546487134128409",
        "ln sin x  | 1   | -0.17260374626909167",
        "sin^-1 x  | 0.5 | 0.5235987755982989",
        "√2x       | 8   | 4",
        "√x+1      | 4   | 3",
    })
    void precedenceAndAmbiguityDecisions(String input, double x, double expected) {
        assertThat(NumericFunction.compile(parsed(input, X), "x").evaluate(x)).isCloseTo(expected, within(1e-12));
    }

    static Stream<Arguments> asWritten() {
        Num two = Num.of(2);
        return Stream.of(
                Arguments.of("2*x*1", new Product(List.of(two, VAR_X, Num.ONE))),
                Arguments.of("x + 0", new Sum(VAR_X, Num.ZERO)),
                Arguments.of("x - 3", new Sum(VAR_X, Num.of(-3))),
                Arguments.of("x - 2x", new Sum(VAR_X, new Product(Num.of(-2), VAR_X))),
                Arguments.of("x^1", new Power(VAR_X, Num.ONE)),
                Arguments.of("x/2", new Product(VAR_X, new Power(two, Num.MINUS_ONE))),
                Arguments.of("\\frac{x}{2}", new Product(VAR_X, new Power(two, Num.MINUS_ONE))),
                Arguments.of("0.5", new Num(Rational.HALF)),
                Arguments.of("-sin(x)", new Product(Num.MINUS_ONE, new Apply(Fn.SIN, VAR_X))),
                Arguments.of("sin^2(x)", new Power(new Apply(Fn.SIN, VAR_X), two)),
                Arguments.of("e^(2x)", new Apply(Fn.EXP, new Product(two, VAR_X))),
                Arguments.of("e^{2x}", new Apply(Fn.EXP, new Product(two, VAR_X))),
                Arguments.of("exp(2x)", new Apply(Fn.EXP, new Product(two, VAR_X))),
                Arguments.of("log x", new Apply(Fn.LN, VAR_X)),
                Arguments.of("x + (x + 1)", new Sum(VAR_X, new Sum(VAR_X, Num.ONE))),
                Arguments.of("\\sqrt[3]{x}", new Power(VAR_X, Num.of(1, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asWritten")
    void keepsTheAnswerExactlyAsWritten(String input, Expr expected) {
        assertThat(parsed(input, X)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "x t + sin(t)     | x,t     | x*t + sin(t)       | x t+\\sin\\left(t\\right)",
        "xt               | x,t     | x*t                | x t",
        "u e^u            | u       | u*e^u              | u e^{u}",
        "theta^2          | theta   | theta^2            | \\theta^{2}",
        "θ^2              | theta   | theta^2            | \\theta^{2}",
        "\\theta^{2}      | theta   | theta^2            | \\theta^{2}",
        "2thetasin theta  | theta   | 2*theta*sin(theta) | 2\\theta\\sin\\left(\\theta\\right)",
        "rcosθ            | r,theta | r*cos(theta)       | r\\cos\\left(\\theta\\right)",
        "r cos theta      | r,θ     | r*cos(θ)           | r\\cos\\left(\\theta\\right)",
    })
    void readsTheItemsDeclaredVariables(String input, String variables, String plain, String latex) {
        Expr e = parsed(input, List.of(variables.split(",")));
        assertThat(PlainText.print(e)).isEqualTo(plain);
        assertThat(Latex.print(e)).isEqualTo(latex);
        assertThat(parsed(plain, List.of(variables.split(",")))).as("plain text reads back").isEqualTo(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "y     | x,t   | `y` at 1: the answer may only use x and t",
        "x     | t     | `x` at 1: the answer may only use t",
        "w     | x,y,z | `w` at 1: the answer may only use x, y and z",
        "θ     | x     | `θ` at 1: the answer may only use x",
        "\\theta | x   | `\\theta` at 1: the answer may only use x",
    })
    void namesTheAllowedVariables(String input, String variables, String message) {
        assertThat(failed(input, List.of(variables.split(","))).message()).isEqualTo(message);
    }

    @Test
    void blankOrMissingVariableNamesAreIgnored() {
        assertThat(failed("x", null).message()).isEqualTo("`x` at 1: the answer may only use numbers");
        assertThat(parsed("2x", Arrays.asList("x", "", " ", null))).isEqualTo(new Product(Num.of(2), VAR_X));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\u00a0"})
    void emptyInputIsRejected(String input) {
        assertThat(failed(input, X).code()).isEqualTo("EMPTY");
    }

    @Test
    void longInputIsRefusedBeforeItIsRead() {
        String hostile = "x@" + "+x".repeat(2499);
        ParseError error = failed(hostile, X);
        assertThat(hostile).hasSize(5000);
        assertThat(error.code()).isEqualTo("TOO_LONG");
        assertThat(error.message()).isEqualTo("the answer is too long: at most 500 characters");
    }

    @Test
    void inputAtTheLengthLimitIsRead() {
        String longest = "x" + "+x".repeat((Limits.MAX_LENGTH - 1) / 2);
        assertThat(longest).hasSizeLessThanOrEqualTo(Limits.MAX_LENGTH);
        assertThat(AnswerParser.parse(longest, X)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(failed(longest + "+x", X).code()).isEqualTo("TOO_LONG");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "( | ) | 500 | TOO_LONG",
        "( | ) | 41  | TOO_DEEP",
        "sin( | ) | 41 | TOO_DEEP",
        "- |  | 41 | TOO_DEEP",
        "{ | } | 41 | TOO_DEEP",
        "\\sqrt{ | } | 41 | TOO_DEEP",
    })
    void deepNestingIsRefused(String open, String close, int depth, String code) {
        String hostile = open.repeat(depth) + "x" + (close == null ? "" : close.repeat(depth));
        assertThat(failed(hostile, X).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"( | )", "sin( | )", "- | ", "{ | }", "\\sqrt{ | }"})
    void nestingUpToTheLimitIsRead(String open, String close) {
        String deep = open.repeat(Limits.MAX_DEPTH) + "x" + (close == null ? "" : close.repeat(Limits.MAX_DEPTH));
        assertThat(AnswerParser.parse(deep, X)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void numbersAreBoundedInDigitsAndPowersInSize() {
        assertThat(parsed("9".repeat(Limits.MAX_DIGITS), X)).isInstanceOf(Num.class);
        assertThat(failed("9".repeat(Limits.MAX_DIGITS + 1), X).code()).isEqualTo("NUMBER_TOO_LONG");
        assertThat(parsed("x^" + Limits.MAX_EXPONENT, X)).isInstanceOf(Power.class);
        assertThat(failed("x^" + (Limits.MAX_EXPONENT + 1), X).code()).isEqualTo("EXPONENT_TOO_LARGE");
        assertThat(parsed("x^2^2^2", X)).isInstanceOf(Power.class);
        assertThat(failed("x^2^2^2^2", X).code()).isEqualTo("TOWER_TOO_TALL");
        assertThat(failed("(((x^2)^2)^2)^2", X).code()).isEqualTo("TOWER_TOO_TALL");
    }

    @Test
    void hostileInputsAreInvalid() {
        for (String hostile : List.of("Quit()", "D(x^2,x)", "Table(x,{i,1,10^9})", "Import(\"file\")",
                "Export(\"/tmp/x\", x)", "Run(\"rm -rf /\")", "x; Quit()", "N[Pi, 1000000]", "9^9^9^9", "10^10^10",
                "Nest(f, x, 10^9)", "$x", "x := 1", "\\input{/etc/passwd}", "d/dx sin(x^2)")) {
            ParseResult result = AnswerParser.parse(hostile, X);
            assertThat(result).as(hostile).isInstanceOf(ParseResult.Failed.class);
            assertThat(((ParseResult.Failed) result).error().code()).as(hostile).isNotEqualTo("INTERNAL");
        }
    }

    static Expr parsed(String input, List<String> variables) {
        ParseResult result = AnswerParser.parse(input, variables);
        assertThat(result).as(input).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).expr();
    }

    static ParseError failed(String input, List<String> variables) {
        ParseResult result = AnswerParser.parse(input, variables);
        assertThat(result).as(input).isInstanceOf(ParseResult.Failed.class);
        ParseError error = ((ParseResult.Failed) result).error();
        int length = input == null ? 0 : input.length();
        assertThat(error.span().end()).as("span inside the input").isLessThanOrEqualTo(length);
        return error;
    }
}
