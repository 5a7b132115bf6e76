package org.chainwise.bank.item;

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
 * The one place the question bank turns expressions into text: plain text ({@code 2*x*cos(x^2)})
 * and LaTeX ({@code 2x\cos\left(x^{2}\right)}).
 *
 * <p>Temporary: the engine's printers are being written on another branch; when they land this
 * class delegates to them and its own printing goes.
 */
public final class Notation {

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int POWER = 3;
    private static final int ATOM = 4;

    private Notation() {
    }

    public static String text(Expr e) {
        return new Printer(false).print(e);
    }

    public static String latex(Expr e) {
        return new Printer(true).print(e);
    }

    private record Printer(boolean latex) {

        String print(Expr e) {
            return switch (e) {
                case Num n -> number(n.value());
                case Const c -> latex ? c.constant().latex() : c.constant().text();
                case Var v -> v.name();
                case Sum s -> sum(s);
                case Product p -> product(p.factors());
                case Power p -> isNegative(p.exponent()) ? product(List.of(p)) : power(p);
                case Apply a -> apply(a);
            };
        }

        private String number(Rational r) {
            if (r.isInteger()) {
                return r.numerator().toString();
            }
            String sign = r.signum() < 0 ? "-" : "";
            Rational a = r.abs();
            return latex ? sign + "\\frac{" + a.numerator() + "}{" + a.denominator() + "}" : r.toString();
        }

        private String sum(Sum s) {
            List<String> terms = new ArrayList<>(s.terms().stream().map(this::print).toList());
            // A teacher writes 1 - x^2, not -x^2 + 1: lead with the first term that has no minus sign.
            for (int i = 0; i < terms.size(); i++) {
                if (!terms.get(i).startsWith("-")) {
                    terms.addFirst(terms.remove(i));
                    break;
                }
            }
            StringBuilder out = new StringBuilder(terms.getFirst());
            for (String term : terms.subList(1, terms.size())) {
                out.append(term.startsWith("-") ? " - " + term.substring(1) : " + " + term);
            }
            return out.toString();
        }

        private String product(List<Expr> factors) {
            Rational coefficient = Rational.ONE;
            List<Expr> above = new ArrayList<>();
            List<Expr> below = new ArrayList<>();
            for (Expr f : factors) {
                if (f instanceof Num n) {
                    coefficient = coefficient.multiply(n.value());
                } else if (f instanceof Power p && p.exponent() instanceof Num n && n.value().signum() < 0) {
                    Rational positive = n.value().negate();
                    below.add(positive.isOne() ? p.base() : new Power(p.base(), new Num(positive)));
                } else {
                    above.add(f);
                }
            }
            String sign = coefficient.signum() < 0 ? "-" : "";
            Rational magnitude = coefficient.abs();
            if (!magnitude.denominator().equals(java.math.BigInteger.ONE)) {
                below.addFirst(new Num(new Rational(magnitude.denominator(), java.math.BigInteger.ONE)));
            }
            String numeratorCoefficient = magnitude.numerator().toString();
            String top = factors(numeratorCoefficient.equals("1") ? null : numeratorCoefficient, above);
            if (below.isEmpty()) {
                return sign + top;
            }
            String bottom = factors(null, below);
            if (latex) {
                return sign + "\\frac{" + top + "}{" + bottom + "}";
            }
            // factors() has already bracketed a lone sum; only a product under the bar needs brackets.
            return sign + top + "/" + (below.size() > 1 ? "(" + bottom + ")" : bottom);
        }

        /** The factors written side by side; "1" when there are none. */
        private String factors(String coefficient, List<Expr> rest) {
            List<String> parts = new ArrayList<>();
            if (coefficient != null) {
                parts.add(coefficient);
            }
            for (Expr f : rest) {
                String printed = print(f);
                parts.add(precedence(f) <= PRODUCT ? parenthesised(printed) : printed);
            }
            if (parts.isEmpty()) {
                return "1";
            }
            if (!latex) {
                return String.join("*", parts);
            }
            StringBuilder out = new StringBuilder(parts.getFirst());
            for (int i = 1; i < parts.size(); i++) {
                // Juxtaposition reads as multiplication except between two numbers.
                boolean digitNext = Character.isDigit(parts.get(i).charAt(0));
                out.append(digitNext ? " \\cdot " : "").append(parts.get(i));
            }
            return out.toString();
        }

        private String power(Power p) {
            if (p.exponent() instanceof Num n && n.value().equals(Rational.HALF)) {
                return apply(new Apply(Fn.SQRT, p.base()));
            }
            String base = print(p.base());
            if (precedence(p.base()) < ATOM || p.base() instanceof Num n && !(n.value().isInteger() && n.value().signum() > 0)) {
                base = parenthesised(base);
            }
            if (latex) {
                return base + "^{" + print(p.exponent()) + "}";
            }
            String exponent = print(p.exponent());
            boolean simple = isAtomic(p.exponent());
            return base + "^" + (simple ? exponent : "(" + exponent + ")");
        }

        private String apply(Apply a) {
            String argument = print(a.argument());
            if (a.function() == Fn.EXP) {
                boolean simple = isAtomic(a.argument());
                return latex ? "e^{" + argument + "}" : "e^" + (simple ? argument : "(" + argument + ")");
            }
            if (a.function() == Fn.SQRT) {
                return latex ? "\\sqrt{" + argument + "}" : "sqrt(" + argument + ")";
            }
            return latex ? a.function().latex() + "\\left(" + argument + "\\right)" : a.function().text() + "(" + argument + ")";
        }

        private String parenthesised(String s) {
            return latex ? "\\left(" + s + "\\right)" : "(" + s + ")";
        }

        private int precedence(Expr e) {
            return switch (e) {
                case Num n -> n.value().signum() < 0 || !n.value().isInteger() ? PRODUCT : ATOM;
                case Const c -> ATOM;
                case Var v -> ATOM;
                case Sum s -> SUM;
                case Product p -> PRODUCT;
                case Power p -> isNegative(p.exponent()) ? PRODUCT : POWER;
                case Apply a -> a.function() == Fn.EXP ? POWER : ATOM;
            };
        }

        /** A variable or a positive whole number, which needs no brackets as an exponent. */
        private static boolean isAtomic(Expr e) {
            return e instanceof Var || e instanceof Num n && n.value().isInteger() && n.value().signum() > 0;
        }

        private static boolean isNegative(Expr e) {
            return e instanceof Num n && n.value().signum() < 0;
        }
    }
}
