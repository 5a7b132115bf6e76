package org.chainwise.engine.calculus;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.negate;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;

/** Exact symbolic differentiation, producing simplified expressions in the form a teacher writes. */
public final class Derivative {

    private Derivative() {
    }

    /** d/d{@code variable} of {@code e}. */
    public static Expr of(Expr e, String variable) {
        return switch (e) {
            case Num n -> Num.ZERO;
            case Const c -> Num.ZERO;
            case Var v -> v.name().equals(variable) ? Num.ONE : Num.ZERO;
            case Sum s -> sum(s.terms().stream().map(t -> of(t, variable)).toList());
            case Product p -> productRule(p.factors(), variable);
            case Power p -> powerRule(p, variable);
            case Apply a -> a.argument().dependsOn(variable)
                    ? product(outer(a.function(), a.argument()), of(a.argument(), variable))
                    : Num.ZERO;
        };
    }

    /**
     * The derivative of the elementary function {@code f} read at {@code u}: f′(u). Read at the variable
     * itself this is f′(x), which is what a student holding {@code OUTER_AT_X} writes.
     */
    public static Expr outer(Fn f, Expr u) {
        return switch (f) {
            case SIN -> apply(Fn.COS, u);
            case COS -> negate(apply(Fn.SIN, u));
            case TAN -> power(apply(Fn.SEC, u), num(2));
            case SEC -> product(apply(Fn.SEC, u), apply(Fn.TAN, u));
            case CSC -> negate(product(apply(Fn.CSC, u), apply(Fn.COT, u)));
            case COT -> negate(power(apply(Fn.CSC, u), num(2)));
            case ASIN -> power(sum(Num.ONE, negate(power(u, num(2)))), num(Rational.of(-1, 2)));
            case ACOS -> negate(power(sum(Num.ONE, negate(power(u, num(2)))), num(Rational.of(-1, 2))));
            case ATAN -> power(sum(Num.ONE, power(u, num(2))), Num.MINUS_ONE);
            case SINH -> apply(Fn.COSH, u);
            case COSH -> apply(Fn.SINH, u);
            case TANH -> power(apply(Fn.COSH, u), num(-2));
            case EXP -> apply(Fn.EXP, u);
            case LN -> power(u, Num.MINUS_ONE);
            case SQRT -> quotient(Num.ONE, product(num(2), apply(Fn.SQRT, u)));
        };
    }

    private static Expr productRule(List<Expr> factors, String variable) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Expr factor = factors.get(i);
            if (!factor.dependsOn(variable)) {
                continue;
            }
            List<Expr> term = new ArrayList<>(factors);
            term.set(i, of(factor, variable));
            terms.add(product(term));
        }
        return terms.isEmpty() ? Num.ZERO : sum(terms);
    }

    private static Expr powerRule(Power p, String variable) {
        Expr base = p.base();
        Expr exponent = p.exponent();
        boolean variableBase = base.dependsOn(variable);
        boolean variableExponent = exponent.dependsOn(variable);
        if (!variableBase && !variableExponent) {
            return Num.ZERO;
        }
        if (!variableExponent) {
            // n u^(n-1) u'
            return product(exponent, power(base, sum(exponent, Num.MINUS_ONE)), of(base, variable));
        }
        if (!variableBase) {
            // a^v ln(a) v'
            return product(power(base, exponent), apply(Fn.LN, base), of(exponent, variable));
        }
        // u^v (v' ln u + v u'/u)
        return product(power(base, exponent), sum(
                product(of(exponent, variable), apply(Fn.LN, base)),
                product(exponent, of(base, variable), power(base, Num.MINUS_ONE))));
    }
}
