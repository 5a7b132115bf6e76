package org.chainwise.engine.cas;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Var;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Decides with Symja whether two expressions are equal, under a hard time limit. The expressions are
 * handed over as objects built from our AST (see {@link SymjaTranslation}), never as text, so the only
 * Symja functions that run are the simplifications called here.
 *
 * <p>The difference {@code a - b} is evaluated, expanded everywhere ({@code ExpandAll}), expanded after
 * the power and log rules for positive variables ({@code PowerExpand}), simplified, and expanded in
 * exponentials ({@code TrigToExp}, which settles trigonometric identities). If none of these
 * reaches 0, the difference is evaluated in 50-digit arithmetic at the probe points: a real value
 * clearly above the rounding level there proves the two different.
 */
public final class SymjaEquivalence {

    /** The time limit the grader uses: far above what a real answer needs once warm (about 1 ms to 100 ms). */
    public static final Duration DEFAULT_LIMIT = Duration.ofMillis(500);

    private static final int PROBE_DIGITS = 50;
    /** A 50-digit evaluation of a difference that is really 0 stays many orders below this. */
    private static final double PROBE_TOLERANCE = 1e-25;
    private static final int MAX_PROBES = 3;
    private static final List<double[]> DEFAULT_PROBES = List.of(new double[] {0.7317}, new double[] {1.4142}, new double[] {-0.5813});

    private final Duration limit;

    public SymjaEquivalence(Duration limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    public SymjaEquivalence() {
        this(DEFAULT_LIMIT);
    }

    public Duration limit() {
        return limit;
    }

    /**
     * Pays Symja's start-up cost (over a second: symbol tables, class loading, the first use of each
     * rewrite) once, so that no answer pays it: one decision for each step of {@link #decide}, which
     * the engines of all workers then share.
     */
    public static void warmUp() {
        Var x = new Var("x");
        Expr linear = Algebra.sum(Algebra.product(Algebra.num(3), x), Algebra.num(1));
        Expr square = Algebra.power(x, Algebra.num(2));
        SymjaEquivalence warm = new SymjaEquivalence(Duration.ofSeconds(30));
        // Expanded arguments and products.
        warm.decide(Algebra.product(Algebra.num(2), linear, Algebra.apply(Fn.COS, new Power(linear, Algebra.num(2)))),
                Algebra.product(Algebra.sum(Algebra.product(Algebra.num(6), x), Algebra.num(2)),
                        Algebra.apply(Fn.COS, Algebra.sum(Algebra.product(Algebra.num(9), square), Algebra.product(Algebra.num(6), x), Algebra.num(1)))),
                "x");
        // Log rules, trigonometric identities, and a difference found at a probe.
        warm.decide(Algebra.apply(Fn.COS, Algebra.apply(Fn.LN, square)), Algebra.apply(Fn.COS, Algebra.product(Algebra.num(2), Algebra.apply(Fn.LN, x))), "x");
        warm.decide(Algebra.apply(Fn.SIN, Algebra.product(Algebra.num(2), x)),
                Algebra.product(Algebra.num(2), Algebra.apply(Fn.SIN, x), Algebra.apply(Fn.COS, x)), "x");
        warm.decide(Algebra.apply(Fn.SIN, square), Algebra.sum(Algebra.apply(Fn.SIN, square), Num.of(1, 1_000_000_000_000L)), "x");
    }

    /** Whether {@code a} and {@code b}, functions of {@code variable}, are equal; probed at a few fixed points. */
    public Equivalence decide(Expr a, Expr b, String variable) {
        return decide(a, b, List.of(variable), DEFAULT_PROBES);
    }

    /**
     * Whether {@code a} and {@code b} are equal, with {@code probes} (points of their common domain, one
     * coordinate per variable) used to prove a difference the simplifications left standing.
     */
    public Equivalence decide(Expr a, Expr b, List<String> variables, List<double[]> probes) {
        // Started before any Symja class is touched, so that its configuration applies from the first.
        SymjaWorkers workers = Workers.INSTANCE;
        SymjaTranslation translation = SymjaTranslation.forVariables(variables);
        IExpr left = translation.toSymja(a);
        IExpr right = translation.toSymja(b);
        List<IExpr> symbols = variables.stream().<IExpr>map(translation::symbol).toList();
        List<double[]> usedProbes = probes.stream().limit(MAX_PROBES).toList();
        return workers.run(engine -> decide(engine, left, right, symbols, usedProbes), limit)
                .orElse(Equivalence.UNKNOWN);
    }

    private static Equivalence decide(EvalEngine engine, IExpr a, IExpr b, List<IExpr> symbols, List<double[]> probes) {
        // Cheapest first, each step on the difference as evaluated. Expanding everywhere settles most
        // rewrites a student makes (expanded arguments, unsimplified products). The power and log rules
        // for positive variables come next because they are cheap, where Simplify can take hundreds of
        // milliseconds on a logarithm it cannot remove; exponentials settle trigonometric identities.
        IExpr difference = engine.evaluate(F.Subtract(a, b));
        if (difference.isZero() || engine.evaluate(F.ExpandAll(difference)).isZero()) {
            return Equivalence.EQUIVALENT;
        }
        IExpr positive = engine.evaluate(F.PowerExpand(difference));
        if (!positive.equals(difference) && engine.evaluate(F.ExpandAll(positive)).isZero()) {
            return Equivalence.EQUIVALENT_FOR_POSITIVE_VARIABLES;
        }
        if (engine.evaluate(F.Simplify(difference)).isZero() || engine.evaluate(F.ExpandAll(F.TrigToExp(difference))).isZero()) {
            return Equivalence.EQUIVALENT;
        }
        for (double[] probe : probes) {
            if (differsAt(engine, difference, a, symbols, probe)) {
                return Equivalence.NOT_EQUIVALENT;
            }
        }
        return Equivalence.UNKNOWN;
    }

    private static boolean differsAt(EvalEngine engine, IExpr difference, IExpr a, List<IExpr> symbols, double[] probe) {
        IASTAppendable rules = F.ListAlloc(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            rules.append(F.Rule(symbols.get(i), exact(probe[i])));
        }
        IExpr gap = engine.evaluate(F.N(F.ReplaceAll(difference, rules), F.ZZ(PROBE_DIGITS)));
        IExpr size = engine.evaluate(F.N(F.ReplaceAll(a, rules), F.ZZ(PROBE_DIGITS)));
        if (!gap.isReal() || !size.isReal()) {
            return false;
        }
        double g = Math.abs(gap.evalf());
        double s = Math.abs(size.evalf());
        return Double.isFinite(g) && Double.isFinite(s) && g > PROBE_TOLERANCE * Math.max(1, s);
    }

    /** The double's exact value as a Symja rational, so the probe point itself carries no rounding. */
    private static IExpr exact(double value) {
        BigDecimal decimal = new BigDecimal(value);
        return SymjaTranslation.rational(decimal.scale() > 0
                ? new Rational(decimal.unscaledValue(), java.math.BigInteger.TEN.pow(decimal.scale()))
                : new Rational(decimal.toBigIntegerExact(), java.math.BigInteger.ONE));
    }

    /** The process-wide workers, started on first use: Symja's symbol tables are global. */
    private static final class Workers {
        static final int SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());
        static final SymjaWorkers INSTANCE = new SymjaWorkers(SIZE);
    }
}
