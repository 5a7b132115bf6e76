package org.chainwise.engine.calculus;

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
 * An expression compiled once for fast evaluation in double precision at many points, as the numeric
 * screen of the checker does. Real semantics: outside the domain the value is NaN (or infinite), and a
 * rational power with an odd denominator of a negative number is the real root ({@code (-8)^(1/3) = -2}).
 */
public final class NumericFunction {

    private final Node root;
    private final List<String> variables;

    private NumericFunction(Node root, List<String> variables) {
        this.root = root;
        this.variables = variables;
    }

    /**
     * Compiles {@code e} with its variables bound, in order, to the arguments of {@link #evaluate}.
     *
     * @throws IllegalArgumentException if {@code e} uses a variable not in {@code variables}
     */
    public static NumericFunction compile(Expr e, List<String> variables) {
        List<String> names = List.copyOf(variables);
        return new NumericFunction(node(e, names), names);
    }

    /** Compiles a function of one variable. */
    public static NumericFunction compile(Expr e, String variable) {
        return compile(e, List.of(variable));
    }

    public List<String> variables() {
        return variables;
    }

    /** The value at the given point, one coordinate per variable. */
    public double evaluate(double... point) {
        if (point.length != variables.size()) {
            throw new IllegalArgumentException("expected " + variables.size() + " coordinates, got " + point.length);
        }
        return root.at(point);
    }

    @FunctionalInterface
    private interface Node {
        double at(double[] point);
    }

    private static Node node(Expr e, List<String> variables) {
        return switch (e) {
            case Num n -> constant(n.value().doubleValue());
            case Const c -> constant(c.constant().value());
            case Var v -> {
                int index = variables.indexOf(v.name());
                if (index < 0) {
                    throw new IllegalArgumentException("unbound variable " + v.name());
                }
                yield point -> point[index];
            }
            case Sum s -> {
                Node[] terms = compileAll(s.terms(), variables);
                yield point -> {
                    double total = 0;
                    for (Node term : terms) {
                        total += term.at(point);
                    }
                    return total;
                };
            }
            case Product p -> {
                Node[] factors = compileAll(p.factors(), variables);
                yield point -> {
                    double total = 1;
                    for (Node factor : factors) {
                        total *= factor.at(point);
                    }
                    return total;
                };
            }
            case Power p -> power(node(p.base(), variables), p.exponent(), variables);
            case Apply a -> {
                Fn f = a.function();
                Node argument = node(a.argument(), variables);
                yield point -> f.apply(argument.at(point));
            }
        };
    }

    private static Node power(Node base, Expr exponent, List<String> variables) {
        if (exponent instanceof Num n) {
            Rational r = n.value();
            if (r.isInteger() && r.numerator().bitLength() < 31) {
                int k = r.numerator().intValue();
                return point -> integerPower(base.at(point), k);
            }
            boolean oddDenominator = r.denominator().testBit(0);
            boolean oddNumerator = r.numerator().testBit(0);
            double value = r.doubleValue();
            if (oddDenominator) {
                return point -> {
                    double b = base.at(point);
                    if (b >= 0) {
                        return Math.pow(b, value);
                    }
                    double magnitude = Math.pow(-b, value);
                    return oddNumerator ? -magnitude : magnitude;
                };
            }
            return point -> Math.pow(base.at(point), value);
        }
        Node power = node(exponent, variables);
        return point -> Math.pow(base.at(point), power.at(point));
    }

    private static double integerPower(double base, int k) {
        if (k < 0) {
            return 1 / integerPower(base, -k);
        }
        if (k <= 8) {
            double result = 1;
            for (int i = 0; i < k; i++) {
                result *= base;
            }
            return result;
        }
        return Math.pow(base, k);
    }

    private static Node[] compileAll(List<Expr> items, List<String> variables) {
        Node[] nodes = new Node[items.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(items.get(i), variables);
        }
        return nodes;
    }

    private static Node constant(double value) {
        return point -> value;
    }
}
