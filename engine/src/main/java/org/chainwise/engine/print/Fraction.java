package org.chainwise.engine.print;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Var;

/**
 * A product as a person writes it: a sign, the factors above the fraction bar and those below. A
 * leading rational coefficient is split across the bar ({@code 1/2*cos(x)*sqrt(x)^-1} is
 * {@code cos(x)/(2*sqrt(x))}) and every power with a negative number as exponent goes below it.
 */
record Fraction(boolean negative, List<Expr> numerator, List<Expr> denominator) {

    Fraction {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    static Fraction of(List<Expr> factors) {
        boolean negative = false;
        List<Expr> numerator = new ArrayList<>();
        List<Expr> denominator = new ArrayList<>();
        int first = 0;
        if (factors.getFirst() instanceof Num coefficient && factors.size() > 1) {
            Rational c = coefficient.value();
            negative = c.signum() < 0;
            BigInteger top = c.numerator().abs();
            // An explicit 1 is kept as written (1*x); the 1 of -1 and of 1/2 is implied by the sign and the bar.
            if (!top.equals(BigInteger.ONE) || c.isOne()) {
                numerator.add(new Num(new Rational(top, BigInteger.ONE)));
            }
            if (!c.isInteger()) {
                denominator.add(new Num(new Rational(c.denominator(), BigInteger.ONE)));
            }
            first = 1;
        }
        for (Expr factor : factors.subList(first, factors.size())) {
            Optional<Expr> reciprocal = reciprocalOf(factor);
            if (reciprocal.isPresent()) {
                denominator.add(reciprocal.get());
            } else {
                numerator.add(factor);
            }
        }
        if (!denominator.isEmpty() && numerator.size() > 1 && numerator.getFirst().equals(Num.ONE)
                && !(numerator.get(1) instanceof Num)) {
            // 1/2x is read as 1*2^-1*x; x/2 says that better than 1*x/2.
            numerator.removeFirst();
        }
        return new Fraction(negative, numerator, denominator);
    }

    /** {@code b} for {@code b^-1} and {@code b^n} for {@code b^-n}; empty for anything else. */
    static Optional<Expr> reciprocalOf(Expr factor) {
        if (factor instanceof Power p && p.exponent() instanceof Num e && e.value().signum() < 0) {
            Rational positive = e.value().negate();
            return Optional.of(positive.isOne() ? p.base() : new Power(p.base(), new Num(positive)));
        }
        return Optional.empty();
    }

    /** A variable, a constant or a natural number: safe as an exponent or a base without parentheses. */
    static boolean isSimpleAtom(Expr e) {
        return e instanceof Var || e instanceof Const || (e instanceof Num n && n.value().isInteger() && n.value().signum() >= 0);
    }

    /**
     * The magnitude of a term that is written with a leading minus ({@code 3} for {@code -3},
     * {@code 2*x} for {@code -2*x}, {@code sin(x)} for {@code -1*sin(x)}), so that a sum shows it as a
     * subtraction; empty for a term written without one.
     */
    static Optional<Expr> negatedTerm(Expr term) {
        if (term instanceof Num n && n.value().signum() < 0) {
            return Optional.of(new Num(n.value().negate()));
        }
        if (term instanceof Product p && p.factors().getFirst() instanceof Num c && c.value().signum() < 0) {
            List<Expr> rest = p.factors().subList(1, p.factors().size());
            if (!c.value().equals(Rational.MINUS_ONE)) {
                List<Expr> factors = new ArrayList<>(p.factors());
                factors.set(0, new Num(c.value().negate()));
                return Optional.of(new Product(factors));
            }
            return Optional.of(rest.size() == 1 ? rest.getFirst() : new Product(rest));
        }
        return Optional.empty();
    }
}
