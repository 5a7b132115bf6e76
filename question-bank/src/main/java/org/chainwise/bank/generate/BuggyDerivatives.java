package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.negate;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.simplify;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Var;

/**
 * The answers a student holding each misconception of DESIGN.md gives for a composition f(g(x)),
 * one entry per code, in the order the table lists them. Duplicates and answers equal to the right
 * one are left for the caller to drop.
 */
public final class BuggyDerivatives {

    private BuggyDerivatives() {
    }

    /** A wrong derivative with the code and layer that produce it. */
    public record Buggy(Misconception code, int layer, Expr answer) {
    }

    public static List<Buggy> of(Composition chain) {
        String x = chain.variable();
        Var xVar = new Var(x);
        Expr f = chain.outer();
        Expr g = chain.inner();
        Expr gPrime = Derivative.of(g, x);
        Expr fPrime = Derivative.of(f, "u");
        List<Buggy> buggy = new ArrayList<>();
        buggy.add(new Buggy(Misconception.OUTER_AT_X, 1, product(at(fPrime, xVar), gPrime)));
        buggy.add(missingInner(chain, fPrime, g));
        buggy.add(new Buggy(Misconception.COMPOSED_DERIVATIVES, 1, at(fPrime, gPrime)));
        buggy.add(new Buggy(Misconception.PRODUCT_RULE, 1,
                sum(product(at(fPrime, xVar), g), product(at(f, xVar), gPrime))));
        buggy.add(new Buggy(Misconception.ADDED_NOT_MULTIPLIED, 1, sum(at(fPrime, g), gPrime)));
        Expr reversed = simplify(g.substitute(x, at(f, xVar)));
        buggy.add(new Buggy(Misconception.REVERSED_NESTING, 1, Derivative.of(reversed, x)));
        wrongDerivative(f).ifPresent(wrong -> buggy.add(
                new Buggy(Misconception.WRONG_OUTER_DERIVATIVE, 1, product(at(wrong, g), gPrime))));
        return buggy;
    }

    /**
     * In three layers the inner factor most often lost is the innermost one: the chain is applied
     * once, f'(g(h(x))) g'(h(x)), and h'(x) forgotten. In two layers it is g'(x) itself.
     */
    private static Buggy missingInner(Composition chain, Expr fPrime, Expr g) {
        if (chain.layers().size() == 3) {
            Expr middle = chain.layers().get(1);
            Expr h = chain.layers().get(2);
            Expr middlePrime = Derivative.of(middle, chain.inputOf(1));
            return new Buggy(Misconception.MISSING_INNER, 2,
                    product(at(fPrime, g), simplify(middlePrime.substitute(chain.inputOf(1), h))));
        }
        return new Buggy(Misconception.MISSING_INNER, 1, at(fPrime, g));
    }

    /**
     * The elementary derivative a student most often gets wrong for the outer function: the sign of
     * cos', e^u treated by the power rule, the missing 1/2 of sqrt, an exponent not lowered, a^u
     * without ln a, the derivatives of arcsin and arctan swapped. Empty when there is no typical slip.
     */
    public static Optional<Expr> wrongDerivative(Expr f) {
        Var u = new Var("u");
        if (f instanceof Product p && p.factors().size() == 2 && p.factors().getFirst() instanceof Num c) {
            return wrongDerivative(p.factors().get(1)).map(w -> product(c, w));
        }
        if (f instanceof Power p && p.base().equals(u) && p.exponent() instanceof Num n) {
            return Optional.of(product(n, power(u, n)));
        }
        if (f instanceof Power p && p.base() instanceof Num && p.exponent().equals(u)) {
            return Optional.of(product(u, power(p.base(), sum(u, num(-1)))));
        }
        if (!(f instanceof Apply a) || !a.argument().equals(u)) {
            return Optional.empty();
        }
        return switch (a.function()) {
            case SIN -> Optional.of(negate(apply(Fn.COS, u)));
            case COS -> Optional.of(apply(Fn.SIN, u));
            case TAN -> Optional.of(product(apply(Fn.SEC, u), apply(Fn.TAN, u)));
            case SEC -> Optional.of(power(apply(Fn.SEC, u), num(2)));
            case EXP -> Optional.of(product(u, apply(Fn.EXP, sum(u, num(-1)))));
            case SQRT -> Optional.of(quotient(num(1), apply(Fn.SQRT, u)));
            case ASIN -> Optional.of(Derivative.outer(Fn.ATAN, u));
            case ATAN -> Optional.of(Derivative.outer(Fn.ASIN, u));
            default -> Optional.empty();
        };
    }

    /** {@code f} with its variable u read at {@code value}, simplified. */
    private static Expr at(Expr f, Expr value) {
        return simplify(f.substitute("u", value));
    }
}
