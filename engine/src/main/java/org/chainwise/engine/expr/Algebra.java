package org.chainwise.engine.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simplifying constructors: they build the same value as the record constructors but fold numbers,
 * drop neutral elements, flatten nested sums and products, collect like terms and equal bases, and
 * order factors the way a teacher writes them ({@code 2*x*cos(x^2)}). They never change the value of
 * an expression where it is defined; the only liberty taken is cancelling {@code u * u^-1} to 1.
 */
public final class Algebra {

    /** Integer powers of numbers are folded only up to this exponent, so {@code 2^100000} stays symbolic. */
    private static final int MAX_FOLDED_EXPONENT = 64;

    private Algebra() {
    }

    public static Num num(long value) {
        return Num.of(value);
    }

    public static Num num(Rational value) {
        return new Num(value);
    }

    public static Expr sum(Expr... terms) {
        return sum(List.of(terms));
    }

    /** {@code t1 + t2 + ...}, flattened, with numbers folded and like terms collected. */
    public static Expr sum(List<Expr> terms) {
        Map<Expr, Rational> coefficients = new LinkedHashMap<>();
        Rational constant = Rational.ZERO;
        for (Expr term : flatten(terms, Sum.class)) {
            if (term instanceof Num n) {
                constant = constant.add(n.value());
                continue;
            }
            Rational coefficient = coefficientOf(term);
            Expr rest = withoutCoefficient(term);
            coefficients.merge(rest, coefficient, Rational::add);
        }
        List<Expr> result = new ArrayList<>();
        coefficients.forEach((rest, coefficient) -> {
            if (!coefficient.isZero()) {
                result.add(product(num(coefficient), rest));
            }
        });
        if (!constant.isZero() || result.isEmpty()) {
            result.add(num(constant));
        }
        return result.size() == 1 ? result.getFirst() : new Sum(result);
    }

    public static Expr product(Expr... factors) {
        return product(List.of(factors));
    }

    /** {@code f1 * f2 * ...}, flattened, numbers folded into one leading coefficient, equal bases combined. */
    public static Expr product(List<Expr> factors) {
        Rational coefficient = Rational.ONE;
        Map<Expr, List<Expr>> exponentsByBase = new LinkedHashMap<>();
        for (Expr factor : flatten(factors, Product.class)) {
            if (factor instanceof Num n) {
                coefficient = coefficient.multiply(n.value());
            } else if (factor instanceof Power p) {
                exponentsByBase.computeIfAbsent(p.base(), b -> new ArrayList<>()).add(p.exponent());
            } else {
                exponentsByBase.computeIfAbsent(factor, b -> new ArrayList<>()).add(Num.ONE);
            }
        }
        if (coefficient.isZero()) {
            return Num.ZERO;
        }
        List<Expr> rest = new ArrayList<>();
        for (Map.Entry<Expr, List<Expr>> entry : exponentsByBase.entrySet()) {
            Expr combined = entry.getValue().size() == 1
                    ? power(entry.getKey(), entry.getValue().getFirst())
                    : power(entry.getKey(), sum(entry.getValue()));
            if (combined instanceof Num n) {
                coefficient = coefficient.multiply(n.value());
            } else if (combined instanceof Product p) {
                rest.addAll(p.factors());
            } else {
                rest.add(combined);
            }
        }
        rest.sort(Comparator.comparingInt(Algebra::writingOrder));
        if (!coefficient.isOne() || rest.isEmpty()) {
            if (coefficient.isZero()) {
                return Num.ZERO;
            }
            rest.addFirst(num(coefficient));
        }
        return rest.size() == 1 ? rest.getFirst() : new Product(rest);
    }

    /** {@code base ^ exponent} with the identities {@code u^0 = 1}, {@code u^1 = u}, {@code (u^a)^n = u^(a n)} for integer n. */
    public static Expr power(Expr base, Expr exponent) {
        if (exponent instanceof Num e) {
            Rational n = e.value();
            if (n.isZero()) {
                return Num.ONE;
            }
            if (n.isOne()) {
                return base;
            }
            if (base instanceof Num b && n.isInteger() && n.numerator().abs().intValue() <= MAX_FOLDED_EXPONENT
                    && n.numerator().bitLength() < 8 && !(b.value().isZero() && n.signum() < 0)) {
                return num(b.value().pow(n.numerator().intValueExact()));
            }
            if (base instanceof Power inner && n.isInteger()) {
                return power(inner.base(), product(inner.exponent(), e));
            }
            if (base instanceof Product p && n.isInteger() && p.factors().getFirst() instanceof Num) {
                return product(p.factors().stream().map(f -> power(f, e)).toList());
            }
        }
        if (base instanceof Num b && (b.value().isOne() || (b.value().isZero() && isPositiveNumber(exponent)))) {
            return b;
        }
        if (base instanceof Const c && c.constant() == Const.Constant.E) {
            return apply(Fn.EXP, exponent);
        }
        return new Power(base, exponent);
    }

    /** {@code f(argument)} with the exact values at 0 and 1 a teacher would write, and {@code ln(e^u) = u}. */
    public static Expr apply(Fn function, Expr argument) {
        if (argument instanceof Num n) {
            if (n.value().isZero()) {
                switch (function) {
                    case SIN, TAN, ASIN, ATAN, SINH, TANH, SQRT:
                        return Num.ZERO;
                    case COS, COSH, EXP, SEC:
                        return Num.ONE;
                    default:
                        break;
                }
            }
            if (n.value().isOne() && (function == Fn.LN || function == Fn.SQRT)) {
                return function == Fn.LN ? Num.ZERO : Num.ONE;
            }
        }
        if (function == Fn.LN && argument instanceof Apply inner && inner.function() == Fn.EXP) {
            return inner.argument();
        }
        if (function == Fn.LN && argument instanceof Const c && c.constant() == Const.Constant.E) {
            return Num.ONE;
        }
        return new Apply(function, argument);
    }

    public static Expr negate(Expr e) {
        return product(Num.MINUS_ONE, e);
    }

    public static Expr difference(Expr a, Expr b) {
        return sum(a, negate(b));
    }

    public static Expr quotient(Expr numerator, Expr denominator) {
        return product(numerator, power(denominator, Num.MINUS_ONE));
    }

    /** The expression rebuilt bottom-up with the simplifying constructors. */
    public static Expr simplify(Expr e) {
        return switch (e) {
            case Num n -> n;
            case Const c -> c;
            case Var v -> v;
            case Sum s -> sum(s.terms().stream().map(Algebra::simplify).toList());
            case Product p -> product(p.factors().stream().map(Algebra::simplify).toList());
            case Power p -> power(simplify(p.base()), simplify(p.exponent()));
            case Apply a -> apply(a.function(), simplify(a.argument()));
        };
    }

    /** The numeric coefficient of a term: 3 for {@code 3*x}, -1 for {@code -sin(x)}, 1 otherwise. */
    public static Rational coefficientOf(Expr term) {
        if (term instanceof Num n) {
            return n.value();
        }
        if (term instanceof Product p && p.factors().getFirst() instanceof Num n) {
            return n.value();
        }
        return Rational.ONE;
    }

    /** The term without its numeric coefficient: {@code x} for {@code 3*x}; 1 for a number. */
    public static Expr withoutCoefficient(Expr term) {
        if (term instanceof Num) {
            return Num.ONE;
        }
        if (term instanceof Product p && p.factors().getFirst() instanceof Num) {
            List<Expr> rest = p.factors().subList(1, p.factors().size());
            return rest.size() == 1 ? rest.getFirst() : new Product(rest);
        }
        return term;
    }

    private static boolean isPositiveNumber(Expr e) {
        return e instanceof Num n && n.value().signum() > 0;
    }

    private static List<Expr> flatten(List<Expr> items, Class<? extends Expr> kind) {
        List<Expr> flat = new ArrayList<>();
        for (Expr item : items) {
            if (kind == Sum.class && item instanceof Sum s) {
                flat.addAll(flatten(s.terms(), kind));
            } else if (kind == Product.class && item instanceof Product p) {
                flat.addAll(flatten(p.factors(), kind));
            } else {
                flat.add(item);
            }
        }
        return flat;
    }

    /** Numbers, then constants, variables and their powers, sums, functions, and denominators last. */
    private static int writingOrder(Expr factor) {
        return switch (factor) {
            case Num n -> 0;
            case Const c -> 1;
            case Var v -> 2;
            case Power p when isNegative(p.exponent()) -> 7;
            case Power p when p.base() instanceof Var -> 3;
            case Power p when p.base() instanceof Apply -> 5;
            case Power p -> 4;
            case Sum s -> 4;
            case Apply a -> 5;
            case Product p -> 6;
        };
    }

    private static boolean isNegative(Expr e) {
        return e instanceof Num n && n.value().signum() < 0;
    }
}
