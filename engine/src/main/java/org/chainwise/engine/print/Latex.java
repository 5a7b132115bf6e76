package org.chainwise.engine.print;

import static org.chainwise.engine.print.Precedence.ATOM;
import static org.chainwise.engine.print.Precedence.NEGATION;
import static org.chainwise.engine.print.Precedence.POWER;
import static org.chainwise.engine.print.Precedence.PRODUCT;
import static org.chainwise.engine.print.Precedence.SUM;

import java.util.List;
import java.util.Optional;
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
import org.chainwise.engine.parse.GreekLetters;

/**
 * Prints any expression as LaTeX for display ({@code 2x\cos\left(x^{2}\right)},
 * {@code \frac{\cos\left(x\right)}{2\sqrt{x}}}, {@code e^{2x}}). Factors are juxtaposed, with
 * {@code \cdot} only where juxtaposition would misread (before a digit or a fraction); a positive
 * integer power of a named function is written {@code \sin^{3}\left(x\right)}, every other power of
 * a function gets parentheses.
 */
public final class Latex {

    private static final String TIMES = "\\cdot ";

    private Latex() {
    }

    public static String print(Expr e) {
        return render(e).text();
    }

    private static Rendered render(Expr e) {
        return switch (e) {
            case Num n -> number(n.value());
            case Const c -> new Rendered(c.constant().latex(), ATOM);
            case Var v -> new Rendered(GreekLetters.latex(v.name()).orElse(v.name()), ATOM);
            case Sum s -> sum(s.terms());
            case Product p -> product(p.factors());
            case Power p -> Fraction.reciprocalOf(p).isPresent() ? product(List.of(p)) : power(p.base(), p.exponent());
            case Apply a -> apply(a.function(), a.argument());
        };
    }

    private static Rendered number(Rational value) {
        if (value.signum() < 0) {
            return new Rendered("-" + number(value.negate()).text(), NEGATION);
        }
        if (value.isInteger()) {
            return new Rendered(value.toString(), ATOM);
        }
        return new Rendered("\\frac{" + value.numerator() + "}{" + value.denominator() + "}", PRODUCT);
    }

    private static Rendered sum(List<Expr> terms) {
        StringBuilder text = new StringBuilder(render(terms.getFirst()).text());
        for (Expr term : terms.subList(1, terms.size())) {
            Optional<Expr> magnitude = Fraction.negatedTerm(term);
            if (magnitude.isPresent()) {
                text.append('-').append(wrapped(magnitude.get(), PRODUCT));
            } else {
                text.append('+').append(wrapped(term, PRODUCT));
            }
        }
        return new Rendered(text.toString(), SUM);
    }

    private static Rendered product(List<Expr> factors) {
        Fraction fraction = Fraction.of(factors);
        String above = fraction.denominator().isEmpty() ? juxtaposed(fraction.numerator()) : overBar(fraction.numerator());
        String text;
        int precedence;
        if (fraction.denominator().isEmpty()) {
            text = above;
            precedence = fraction.numerator().size() == 1 ? render(fraction.numerator().getFirst()).precedence() : PRODUCT;
        } else {
            text = "\\frac{" + (above.isEmpty() ? "1" : above) + "}{" + overBar(fraction.denominator()) + "}";
            precedence = PRODUCT;
        }
        if (fraction.negative()) {
            return new Rendered("-" + text, NEGATION);
        }
        return new Rendered(text, Math.min(precedence, PRODUCT));
    }

    /** The braces of {@code \\frac} group a lone factor already: {@code \\frac{x+1}{x-1}}. */
    private static String overBar(List<Expr> factors) {
        return factors.size() == 1 ? print(factors.getFirst()) : juxtaposed(factors);
    }

    private static String juxtaposed(List<Expr> factors) {
        StringBuilder text = new StringBuilder();
        for (Expr factor : factors) {
            String next = wrapped(factor, PRODUCT);
            if (!text.isEmpty() && (Character.isDigit(next.charAt(0)) || next.startsWith("\\frac"))) {
                text.append(TIMES);
            } else if (!text.isEmpty() && isLetter(text.charAt(text.length() - 1)) && isLetter(next.charAt(0))) {
                // \pi x, not \pix, which is no command; e x rather than ex, which reads as a name.
                text.append(' ');
            }
            text.append(next);
        }
        return text.toString();
    }

    private static Rendered power(Expr base, Expr exponent) {
        if (base instanceof Apply a && a.function() != Fn.SQRT && a.function() != Fn.EXP
                && exponent instanceof Num n && n.value().isInteger() && n.value().signum() > 0) {
            return new Rendered(a.function().latex() + "^{" + n.value() + "}" + parenthesized(print(a.argument())), POWER);
        }
        String printedBase = Fraction.isSimpleAtom(base) ? print(base) : parenthesized(print(base));
        return new Rendered(printedBase + "^{" + print(exponent) + "}", POWER);
    }

    private static Rendered apply(Fn function, Expr argument) {
        if (function == Fn.SQRT) {
            return new Rendered("\\sqrt{" + print(argument) + "}", ATOM);
        }
        if (function == Fn.EXP) {
            return new Rendered("e^{" + print(argument) + "}", POWER);
        }
        return new Rendered(function.latex() + parenthesized(print(argument)), ATOM);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String parenthesized(String text) {
        return "\\left(" + text + "\\right)";
    }

    private static String wrapped(Expr e, int required) {
        Rendered r = render(e);
        return r.bindsAtLeast(required) ? r.text() : parenthesized(r.text());
    }
}
