package org.chainwise.engine.print;

import static org.chainwise.engine.print.Precedence.ATOM;
import static org.chainwise.engine.print.Precedence.NEGATION;
import static org.chainwise.engine.print.Precedence.POWER;
import static org.chainwise.engine.print.Precedence.PRODUCT;
import static org.chainwise.engine.print.Precedence.QUOTIENT;
import static org.chainwise.engine.print.Precedence.SUM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * Prints any expression as plain text a student would type ({@code 2*x*cos(x^2)}, {@code x - 3},
 * {@code cos(x)/(2*sqrt(x))}, {@code e^(2*x)}) with only the parentheses the reading needs; the
 * answer parser reads the text back to a numerically equal expression.
 */
public final class PlainText {

    private static final Pattern BARE_EXPONENT_AT_END = Pattern.compile("\\^[0-9A-Za-z]+$");

    private PlainText() {
    }

    public static String print(Expr e) {
        return render(e).text();
    }

    private static Rendered render(Expr e) {
        return switch (e) {
            case Num n -> number(n.value());
            case Const c -> new Rendered(c.constant().text(), ATOM);
            case Var v -> new Rendered(v.name(), ATOM);
            case Sum s -> sum(s.terms());
            case Product p -> product(p.factors());
            case Power p -> Fraction.reciprocalOf(p).isPresent() ? product(List.of(p)) : power(p.base(), p.exponent());
            case Apply a -> a.function() == Fn.EXP
                    ? exponential(a.argument())
                    : new Rendered(a.function().text() + "(" + print(a.argument()) + ")", ATOM);
        };
    }

    private static Rendered number(Rational value) {
        if (value.signum() < 0) {
            return new Rendered("-" + number(value.negate()).text(), NEGATION);
        }
        return new Rendered(value.toString(), value.isInteger() ? ATOM : QUOTIENT);
    }

    private static Rendered sum(List<Expr> terms) {
        StringBuilder text = new StringBuilder(render(terms.getFirst()).text());
        for (Expr term : terms.subList(1, terms.size())) {
            Optional<Expr> magnitude = Fraction.negatedTerm(term);
            if (magnitude.isPresent()) {
                text.append(" - ").append(wrapped(magnitude.get(), QUOTIENT));
            } else {
                text.append(" + ").append(wrapped(term, QUOTIENT));
            }
        }
        return new Rendered(text.toString(), SUM);
    }

    private static Rendered product(List<Expr> factors) {
        Fraction fraction = Fraction.of(factors);
        List<String> above = new ArrayList<>();
        for (Expr factor : fraction.numerator()) {
            above.add(wrapped(factor, PRODUCT));
        }
        String text = above.isEmpty() ? "1" : String.join("*", above);
        int precedence = above.size() == 1 ? render(fraction.numerator().getFirst()).precedence() : PRODUCT;
        if (!fraction.denominator().isEmpty()) {
            String below = denominator(fraction.denominator());
            if (BARE_EXPONENT_AT_END.matcher(text).find() && Character.isDigit(below.charAt(0))) {
                // x^1/2 reads as a square root to a student; (x^1)/2 cannot be misread.
                text = "(" + text + ")";
            }
            text += "/" + below;
            precedence = QUOTIENT;
        }
        if (fraction.negative()) {
            return new Rendered("-" + text, NEGATION);
        }
        return new Rendered(text, Math.min(precedence, PRODUCT));
    }

    private static String denominator(List<Expr> factors) {
        if (factors.size() == 1) {
            return wrapped(factors.getFirst(), POWER);
        }
        List<String> below = new ArrayList<>();
        for (Expr factor : factors) {
            below.add(wrapped(factor, PRODUCT));
        }
        return "(" + String.join("*", below) + ")";
    }

    private static Rendered power(Expr base, Expr exponent) {
        return new Rendered(wrapped(base, ATOM) + "^" + exponent(exponent), POWER);
    }

    private static Rendered exponential(Expr exponent) {
        return new Rendered("e^" + exponent(exponent), POWER);
    }

    /** Only a name or a natural number stands bare after {@code ^}: {@code e^(sin(x))*cos(x)} cannot be misread. */
    private static String exponent(Expr e) {
        return Fraction.isSimpleAtom(e) ? print(e) : "(" + print(e) + ")";
    }

    private static String wrapped(Expr e, int required) {
        Rendered r = render(e);
        return r.bindsAtLeast(required) ? r.text() : "(" + r.text() + ")";
    }
}
