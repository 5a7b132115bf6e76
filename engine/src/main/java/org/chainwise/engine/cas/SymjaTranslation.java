package org.chainwise.engine.cas;

import java.util.List;
import java.util.Map;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Builds the Symja object for an {@link Expr} node by node through Symja's {@code F} factory. No text is
 * ever parsed: variables become fresh dummy symbols (so a variable named {@code Quit} is just a symbol),
 * and the only heads that can appear are arithmetic and the elementary functions of {@code Fn}.
 */
final class SymjaTranslation {

    private final Map<String, ISymbol> symbols;

    private SymjaTranslation(Map<String, ISymbol> symbols) {
        this.symbols = symbols;
    }

    /** A translation binding each variable name to its own dummy symbol. */
    static SymjaTranslation forVariables(List<String> variables) {
        Map<String, ISymbol> symbols = new java.util.HashMap<>();
        for (String name : variables) {
            symbols.put(name, F.Dummy("v" + symbols.size()));
        }
        return new SymjaTranslation(Map.copyOf(symbols));
    }

    /** The dummy symbols, in the order of the variables given. */
    ISymbol symbol(String variable) {
        ISymbol symbol = symbols.get(variable);
        if (symbol == null) {
            throw new IllegalArgumentException("unbound variable " + variable);
        }
        return symbol;
    }

    IExpr toSymja(Expr e) {
        return switch (e) {
            case Num n -> rational(n.value());
            case Const c -> switch (c.constant()) {
                case PI -> S.Pi;
                case E -> S.E;
            };
            case Var v -> symbol(v.name());
            case Sum s -> F.Plus(s.terms().stream().map(this::toSymja).toArray(IExpr[]::new));
            case Product p -> F.Times(p.factors().stream().map(this::toSymja).toArray(IExpr[]::new));
            case Power p -> F.Power(toSymja(p.base()), toSymja(p.exponent()));
            case Apply a -> function(a, toSymja(a.argument()));
        };
    }

    static IExpr rational(Rational r) {
        return r.isInteger() ? F.ZZ(r.numerator()) : F.fraction(r.numerator(), r.denominator());
    }

    private static IExpr function(Apply a, IExpr argument) {
        return switch (a.function()) {
            case SIN -> F.Sin(argument);
            case COS -> F.Cos(argument);
            case TAN -> F.Tan(argument);
            case SEC -> F.Sec(argument);
            case CSC -> F.Csc(argument);
            case COT -> F.Cot(argument);
            case ASIN -> F.ArcSin(argument);
            case ACOS -> F.ArcCos(argument);
            case ATAN -> F.ArcTan(argument);
            case SINH -> F.Sinh(argument);
            case COSH -> F.Cosh(argument);
            case TANH -> F.Tanh(argument);
            case EXP -> F.Exp(argument);
            case LN -> F.Log(argument);
            case SQRT -> F.Sqrt(argument);
        };
    }
}
