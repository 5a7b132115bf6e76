package org.chainwise.engine.parse;

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

/**
 * The syntax tree of an answer, exactly as written, with the spans of its operators; {@link #toExpr()}
 * gives the expression it means, built with the record constructors so that nothing is simplified
 * away ({@code 2*x*1} stays as typed).
 */
sealed interface Syntax {

    Expr toExpr();

    /** The children, for checks that walk the tree. */
    List<Syntax> children();

    record Number(Rational value, Span span) implements Syntax {
        public Expr toExpr() {
            return new Num(value);
        }

        public List<Syntax> children() {
            return List.of();
        }
    }

    record Variable(String name, Span span) implements Syntax {
        public Expr toExpr() {
            return new Var(name);
        }

        public List<Syntax> children() {
            return List.of();
        }
    }

    record Constant(Const constant, Span span) implements Syntax {
        public Expr toExpr() {
            return constant;
        }

        public List<Syntax> children() {
            return List.of();
        }
    }

    /** Brackets or braces around an expression: they shape the tree and then disappear. */
    record Group(Syntax inner, Span span) implements Syntax {
        public Expr toExpr() {
            return inner.toExpr();
        }

        public List<Syntax> children() {
            return List.of(inner);
        }
    }

    record Call(Fn function, Syntax argument, Span span) implements Syntax {
        public Expr toExpr() {
            return new Apply(function, argument.toExpr());
        }

        public List<Syntax> children() {
            return List.of(argument);
        }
    }

    /** A leading minus, or the subtrahend of {@code a - b}: {@code -3} is the number -3, {@code -2x} is {@code -2*x}, {@code --x} is {@code x}, {@code -u} is {@code -1*u}. */
    record Negation(Syntax operand, Span span) implements Syntax {
        public Expr toExpr() {
            Expr e = operand.toExpr();
            if (e instanceof Num n) {
                return new Num(n.value().negate());
            }
            if (e instanceof Product p && p.factors().getFirst() instanceof Num n && n.equals(Num.MINUS_ONE)) {
                // --x is x, not 1*x.
                List<Expr> rest = p.factors().subList(1, p.factors().size());
                return rest.size() == 1 ? rest.getFirst() : new Product(rest);
            }
            if (e instanceof Product p && p.factors().getFirst() instanceof Num n) {
                List<Expr> factors = new ArrayList<>(p.factors());
                factors.set(0, new Num(n.value().negate()));
                return new Product(factors);
            }
            return new Product(Num.MINUS_ONE, e);
        }

        public List<Syntax> children() {
            return List.of(operand);
        }
    }

    /** Terms joined by {@code +} and {@code -} at one level of brackets, at least two. */
    record Terms(List<Syntax> terms) implements Syntax {
        public Terms {
            terms = List.copyOf(terms);
        }

        Terms plus(Syntax term) {
            return new Terms(appended(terms, term));
        }

        public Expr toExpr() {
            return new Sum(terms.stream().map(Syntax::toExpr).toList());
        }

        public List<Syntax> children() {
            return terms;
        }
    }

    /** Factors joined by {@code *}, {@code /} or juxtaposition at one level of brackets, at least two. */
    record Factors(List<Syntax> factors) implements Syntax {
        public Factors {
            factors = List.copyOf(factors);
        }

        Factors times(Syntax factor) {
            return new Factors(appended(factors, factor));
        }

        public Expr toExpr() {
            return new Product(factors.stream().map(Syntax::toExpr).toList());
        }

        public List<Syntax> children() {
            return factors;
        }
    }

    /** The divisor of {@code a / b}: a factor {@code b^-1}. */
    record Reciprocal(Syntax divisor, Span span) implements Syntax {
        public Expr toExpr() {
            return new Power(divisor.toExpr(), Num.MINUS_ONE);
        }

        public List<Syntax> children() {
            return List.of(divisor);
        }
    }

    /** {@code base ^ exponent}; {@code e^u} is the exponential function, as {@code exp(u)} is. */
    record Raised(Syntax base, Syntax exponent, Span span) implements Syntax {
        public Expr toExpr() {
            if (base instanceof Constant c && c.constant().equals(Const.E)) {
                return new Apply(Fn.EXP, exponent.toExpr());
            }
            return new Power(base.toExpr(), exponent.toExpr());
        }

        public List<Syntax> children() {
            return List.of(base, exponent);
        }
    }

    /** {@code \sqrt[n]{u}}: the power {@code u^(1/n)}. */
    record Root(Syntax radicand, int index, Span span) implements Syntax {
        public Expr toExpr() {
            return new Power(radicand.toExpr(), new Num(Rational.of(1, index)));
        }

        public List<Syntax> children() {
            return List.of(radicand);
        }
    }

    private static List<Syntax> appended(List<Syntax> items, Syntax item) {
        List<Syntax> more = new ArrayList<>(items);
        more.add(item);
        return more;
    }
}
