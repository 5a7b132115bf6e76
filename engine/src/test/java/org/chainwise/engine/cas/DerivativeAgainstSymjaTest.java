package org.chainwise.engine.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.parse.AnswerParser;
import org.chainwise.engine.parse.ParseResult;
import org.chainwise.engine.print.PlainText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Our own differentiator checked against Symja's {@code D}: the same function, built as Symja objects
 * from our AST, differentiated by both, and the difference shown to vanish symbolically or, failing
 * that, at exact rational points evaluated to 30 digits.
 */
class DerivativeAgainstSymjaTest {

    private static final ExprEvaluator SYMJA = new ExprEvaluator();
    private static final List<IExpr> POINTS = List.of(F.fraction(7, 10), F.fraction(13, 10), F.fraction(-2, 5), F.fraction(1, 3));

    @ParameterizedTest
    @ValueSource(strings = {
        "sin(x^2)", "(3x+1)^2", "e^(2x)", "sin(x)^3", "sin(cos(x))", "cos(x^3 - 2x)", "tan(5x)", "sec(x^2)",
        "csc(2x+1)", "cot(x^2+1)", "arcsin(x/2)", "arccos(x/3)", "arctan(3x)", "sinh(x^2)", "cosh(2x)", "tanh(x^3)",
        "ln(x^2+1)", "sqrt(4x+1)", "(x^2+1)^(-3/2)", "(2x+5)^(1/3)", "2^(x^2)", "x^x", "3 sin(x^2) + 1",
        "sin(cos(x^2))", "e^(sin(3x))", "ln(sqrt(x^2+1))", "(ln(x^2+1))^3", "sqrt(1 + sin(x)^2)", "cos(e^(-4x))",
        "x sin(x^2)", "x^2 e^(3x) / (1+x^2)", "arctan(e^x) + ln(cos(x)^2 + 2)", "tan(sin(cos(x)))", "pi x^2 + e"
    })
    void agreesWithSymja(String text) {
        Expr f = parse(text);
        SymjaTranslation translation = SymjaTranslation.forVariables(List.of("x"));
        ISymbol x = translation.symbol("x");
        IExpr symjaDerivative = SYMJA.eval(F.D(translation.toSymja(f), x));
        IExpr ours = translation.toSymja(Derivative.of(f, "x"));
        IExpr difference = SYMJA.eval(F.Subtract(symjaDerivative, ours));

        assertThat(vanishes(difference, x))
                .as("d/dx %s: ours %s, Symja %s", text, PlainText.print(Derivative.of(f, "x")), symjaDerivative)
                .isTrue();
    }

    @Test
    void everyElementaryFunctionIsCovered() {
        for (Fn fn : Fn.values()) {
            Expr f = parse(fn.text() + "(x/3 + 1/4)");
            SymjaTranslation translation = SymjaTranslation.forVariables(List.of("x"));
            ISymbol x = translation.symbol("x");
            IExpr difference = SYMJA.eval(F.Subtract(F.D(translation.toSymja(f), x),
                    translation.toSymja(Derivative.of(f, "x"))));
            assertThat(vanishes(difference, x)).as("d/dx %s", fn.text()).isTrue();
        }
    }

    @Test
    void aWrongDerivativeDoesNotVanish() {
        SymjaTranslation translation = SymjaTranslation.forVariables(List.of("x"));
        ISymbol x = translation.symbol("x");
        Expr f = parse("sin(x^2)");
        IExpr outerAtX = translation.toSymja(parse("2x cos(x)"));
        assertThat(vanishes(SYMJA.eval(F.Subtract(F.D(translation.toSymja(f), x), outerAtX)), x)).isFalse();
    }

    private static boolean vanishes(IExpr difference, ISymbol x) {
        if (difference.isZero() || SYMJA.eval(F.Simplify(difference)).isZero()) {
            return true;
        }
        int compared = 0;
        for (IExpr point : POINTS) {
            IExpr value = SYMJA.eval(F.N(F.subst(difference, x, point), F.ZZ(30)));
            if (!value.isReal()) {
                continue;
            }
            compared++;
            if (Math.abs(value.evalf()) > 1e-20) {
                return false;
            }
        }
        // At least two real values, so that a difference undefined at every point never passes.
        return compared >= 2;
    }

    private static Expr parse(String text) {
        return switch (AnswerParser.parse(text, "x")) {
            case ParseResult.Parsed parsed -> parsed.expr();
            case ParseResult.Failed failed -> throw new AssertionError(text + ": " + failed.error().message());
        };
    }
}
