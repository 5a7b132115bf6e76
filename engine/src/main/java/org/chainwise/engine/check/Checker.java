package org.chainwise.engine.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.cache.BoundedCache;
import org.chainwise.engine.calculus.Agreement;
import org.chainwise.engine.calculus.NumericComparison;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.cas.Equivalence;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;

/**
 * Decides whether an answer equals the correct one: a numeric screen at the sample points first, then
 * symbolic confirmation by Symja under a hard time limit. A wrong answer is never accepted on the
 * strength of one method when the other has anything against it:
 *
 * <table>
 * <caption>decision table</caption>
 * <tr><th>numeric screen</th><th>Symja</th><th>outcome</th></tr>
 * <tr><td>DIFFERENT</td><td>not asked</td><td>{@link CheckOutcome#DIFFERS_NUMERICALLY}: a point where both are
 *     defined and differ is a proof</td></tr>
 * <tr><td>SAME</td><td>EQUIVALENT</td><td>{@link CheckOutcome#CONFIRMED}</td></tr>
 * <tr><td>SAME</td><td>EQUIVALENT_FOR_POSITIVE_VARIABLES</td><td>{@link CheckOutcome#CONFIRMED_FOR_POSITIVE}: an
 *     identity for x &gt; 0 that also agrees at every sampled point where both sides are defined (log rules
 *     valid on the domain)</td></tr>
 * <tr><td>SAME</td><td>NOT_EQUIVALENT</td><td>{@link CheckOutcome#REFUTED_SYMBOLICALLY}: a difference below
 *     double precision (an added 10^-12, say) is still a difference</td></tr>
 * <tr><td>SAME</td><td>UNKNOWN (timeout, or no simplification to 0)</td><td>a second screen at four times as
 *     many fresh points; if it agrees too and no constant of the answer is below 1e-9 or above 1e9 in
 *     size, {@link CheckOutcome#NUMERIC_EVIDENCE}; otherwise {@link CheckOutcome#DIFFERS_ON_DENSE_SCREEN} or
 *     {@link CheckOutcome#UNCONFIRMED}. Two different elementary functions agree to 1e-7 at 120 random points
 *     only when they differ by something tiny everywhere, which needs tiny or huge constants; Symja's
 *     50-digit probe catches the rest</td></tr>
 * <tr><td>INCONCLUSIVE</td><td>EQUIVALENT</td><td>{@link CheckOutcome#CONFIRMED}</td></tr>
 * <tr><td>INCONCLUSIVE</td><td>anything else</td><td>{@link CheckOutcome#NOT_COMPARABLE}, incorrect: an answer
 *     defined at almost none of the function's points cannot be shown right</td></tr>
 * </table>
 *
 * <p>Symja's decisions are cached per (correct answer, simplified answer), bounded, so a repeated answer
 * costs only the numeric screen. Undecided ones too: asking again would cost the whole time limit again
 * for, almost always, the same timeout, and the dense screen they lead to is cheap.
 */
public final class Checker {

    /** Constants outside [1e-9, 1e9] in size can hide a difference below the numeric tolerance. */
    private static final double SMALLEST_ORDINARY = 1e-9;
    private static final double LARGEST_ORDINARY = 1e9;
    private static final int CAS_PROBES = 3;

    private final SymjaEquivalence cas;
    private final BoundedCache<CasQuestion, Equivalence> decided;

    public Checker(SymjaEquivalence cas, int cachedDecisions) {
        this.cas = Objects.requireNonNull(cas, "cas");
        this.decided = new BoundedCache<>(cachedDecisions);
    }

    /** Whether {@code answer} equals {@code reference}, and why. */
    public CheckOutcome check(ReferenceAnswer reference, Expr answer) {
        String variable = reference.variable();
        Expr normalized = Algebra.simplify(answer);
        NumericFunction numeric = NumericFunction.compile(normalized, List.of(variable));
        Agreement screen = NumericComparison.compare(reference.values(), reference.points().valuesOf(numeric));
        return switch (screen) {
            case DIFFERENT -> CheckOutcome.DIFFERS_NUMERICALLY;
            case INCONCLUSIVE -> confirm(reference, normalized) == Equivalence.EQUIVALENT
                    ? CheckOutcome.CONFIRMED : CheckOutcome.NOT_COMPARABLE;
            case SAME -> switch (confirm(reference, normalized)) {
                case EQUIVALENT -> CheckOutcome.CONFIRMED;
                case EQUIVALENT_FOR_POSITIVE_VARIABLES -> CheckOutcome.CONFIRMED_FOR_POSITIVE;
                case NOT_EQUIVALENT -> CheckOutcome.REFUTED_SYMBOLICALLY;
                case UNKNOWN -> secondScreen(reference, normalized, numeric);
            };
        };
    }

    private CheckOutcome secondScreen(ReferenceAnswer reference, Expr answer, NumericFunction numeric) {
        Agreement dense = NumericComparison.compare(reference.denseValues(), reference.densePoints().valuesOf(numeric));
        if (dense != Agreement.SAME) {
            return CheckOutcome.DIFFERS_ON_DENSE_SCREEN;
        }
        return hasOnlyOrdinaryConstants(answer, reference.variable()) ? CheckOutcome.NUMERIC_EVIDENCE : CheckOutcome.UNCONFIRMED;
    }

    private Equivalence confirm(ReferenceAnswer reference, Expr answer) {
        CasQuestion question = new CasQuestion(reference.expression(), answer);
        Optional<Equivalence> known = decided.get(question);
        if (known.isPresent()) {
            return known.get();
        }
        List<double[]> probes = reference.points().points().stream().limit(CAS_PROBES).toList();
        Equivalence decision = cas.decide(answer, reference.expression(), List.of(reference.variable()), probes);
        decided.put(question, decision);
        return decision;
    }

    /** Whether every part of {@code e} free of the variable is 0 or between 1e-9 and 1e9 in size. */
    static boolean hasOnlyOrdinaryConstants(Expr e, String variable) {
        if (!e.dependsOn(variable)) {
            double value = NumericFunction.compile(e, List.of()).evaluate();
            double size = Math.abs(value);
            return value == 0 || (size >= SMALLEST_ORDINARY && size <= LARGEST_ORDINARY);
        }
        return switch (e) {
            case Num n -> true;
            case Const c -> true;
            case Var v -> true;
            case Sum s -> s.terms().stream().allMatch(t -> hasOnlyOrdinaryConstants(t, variable));
            case Product p -> p.factors().stream().allMatch(f -> hasOnlyOrdinaryConstants(f, variable));
            case Power p -> hasOnlyOrdinaryConstants(p.base(), variable) && hasOnlyOrdinaryConstants(p.exponent(), variable);
            case Apply a -> hasOnlyOrdinaryConstants(a.argument(), variable);
        };
    }

    private record CasQuestion(Expr reference, Expr answer) {
    }
}
