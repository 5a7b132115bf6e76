package org.chainwise.engine.diagnose;

import static org.chainwise.engine.expr.Algebra.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.diagnose.BuggyRule.Attempt;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;

/**
 * Every buggy derivative of a composition, single bugs and pairs, in order of likelihood: single bugs
 * before pairs; single bugs by layer (outer first), then registry order; pairs by the outer bug's layer,
 * then the inner bug's, then registry order. Pairs are two rules at two layers (among the outermost
 * {@link #PAIRED_LAYERS}), or an elementary-derivative slip with another rule at one layer. Derivatives equal to the correct one are left for the caller to drop.
 *
 * <p>A derivative is rebuilt bottom-up the way a student works: the step at each layer takes the (possibly
 * wrong) derivative of its inner function from the layer below, and the layers above the outermost bug
 * multiply by their true factors.
 */
final class Candidates {

    /** One buggy derivative and the bugs that produce it, outermost first. */
    record Candidate(List<Bug> bugs, Expr derivative) {

        boolean isSingle() {
            return bugs.size() == 1;
        }
    }

    /** One bug of a candidate; its diagnosis is written on first use and then kept, as diagnosers are shared between threads. */
    static final class Bug {

        private final Misconception code;
        private final int layer;
        private final Supplier<String> explanation;
        private volatile Diagnosis diagnosis;

        Bug(BuggyRule rule, int layer, Attempt attempt) {
            this(rule.code(), layer, attempt.explanation());
        }

        private Bug(Misconception code, int layer, Supplier<String> explanation) {
            this.code = code;
            this.layer = layer;
            this.explanation = explanation;
        }

        /** The same bug made in one part (a sum's "term", a product's "factor"), its explanation saying which. */
        Bug in(String partWord, Expr part) {
            return new Bug(code, layer, () -> "In the " + partWord + " " + ExpressionText.of(part) + ": " + explanation.get());
        }

        Misconception code() {
            return code;
        }

        int layer() {
            return layer;
        }

        Diagnosis diagnosis() {
            Diagnosis written = diagnosis;
            if (written == null) {
                written = new Diagnosis(code, layer, explanation.get());
                diagnosis = written;
            }
            return written;
        }
    }

    /** Where a candidate stands in the order of likelihood; compared field by field. */
    private record Rank(int bugs, int outerLayer, int innerLayer, int outerRule, int innerRule, int sequence) {

        static final Comparator<Rank> ORDER = Comparator.comparingInt(Rank::bugs)
                .thenComparingInt(Rank::outerLayer).thenComparingInt(Rank::innerLayer)
                .thenComparingInt(Rank::outerRule).thenComparingInt(Rank::innerRule)
                .thenComparingInt(Rank::sequence);
    }

    private record Ranked(Rank rank, Candidate candidate) {
    }

    /**
     * Bugs at two different layers are paired among the outermost four layers only: the number of pairs
     * grows with the square of the depth and their expressions with the depth, so that a six-layer nest
     * would cost a hundred times a two-layer one to prepare, for answers rarely seen.
     */
    static final int PAIRED_LAYERS = 4;

    private final List<Step> steps;
    private final List<BuggyRule> rules = BuggyRules.IN_ORDER;
    private final List<Ranked> ranked = new ArrayList<>();

    private Candidates(Composition composition) {
        this.steps = Step.of(composition);
    }

    static List<Candidate> of(Composition composition) {
        Candidates candidates = new Candidates(composition);
        for (int k = 1; k <= composition.depth(); k++) {
            candidates.addSingles(k);
            candidates.addSameLayerPairs(k);
        }
        for (int j = 2; j <= Math.min(composition.depth(), PAIRED_LAYERS); j++) {
            candidates.addPairsAbove(j);
        }
        return candidates.sorted();
    }

    /** The single-bug candidates only, in the same order: what a part of a sum or product needs ({@link PartwiseCandidates}). */
    static List<Candidate> singles(Composition composition) {
        Candidates candidates = new Candidates(composition);
        for (int k = 1; k <= composition.depth(); k++) {
            candidates.addSingles(k);
        }
        return candidates.sorted();
    }

    private List<Candidate> sorted() {
        return ranked.stream().sorted(Comparator.comparing(Ranked::rank, Rank.ORDER)).map(Ranked::candidate).toList();
    }

    private void addSingles(int k) {
        for (int r = 0; r < rules.size(); r++) {
            for (Attempt attempt : rules.get(r).attempts(step(k))) {
                add(new Rank(1, k, k, r, r, ranked.size()), k, attempt, List.of(new Bug(rules.get(r), k, attempt)));
            }
        }
    }

    /** A slip in f′ at layer k combined with each chain rule at the same layer. */
    private void addSameLayerPairs(int k) {
        WrongOuterDerivative slips = rules.stream().filter(WrongOuterDerivative.class::isInstance)
                .map(WrongOuterDerivative.class::cast).findFirst().orElseThrow();
        int slipsRank = rules.indexOf(slips);
        for (WrongOuterDerivative.Slipped slipped : slips.slipped(step(k))) {
            for (int r = 0; r < rules.size(); r++) {
                if (r == slipsRank) {
                    continue;
                }
                for (Attempt attempt : rules.get(r).attempts(slipped.step())) {
                    add(new Rank(2, k, k, r, slipsRank, ranked.size()), k, attempt,
                            List.of(new Bug(rules.get(r), k, attempt), new Bug(slips, k, slipped.attempt())));
                }
            }
        }
    }

    /** Each bug at layer j combined with each bug at every layer k above it. */
    private void addPairsAbove(int j) {
        for (int innerRule = 0; innerRule < rules.size(); innerRule++) {
            for (Attempt inner : rules.get(innerRule).attempts(step(j))) {
                for (int k = 1; k < j; k++) {
                    Step step = step(k).withUsedInnerDerivative(product(factorsBetween(k, j), inner.derivative()));
                    for (int outerRule = 0; outerRule < rules.size(); outerRule++) {
                        for (Attempt outer : rules.get(outerRule).attempts(step)) {
                            add(new Rank(2, k, j, outerRule, innerRule, ranked.size()), k, outer,
                                    List.of(new Bug(rules.get(outerRule), k, outer), new Bug(rules.get(innerRule), j, inner)));
                        }
                    }
                }
            }
        }
    }

    /** Adds the whole derivative whose step at layer k the student wrote as {@code attempt}. */
    private void add(Rank rank, int k, Attempt attempt, List<Bug> bugs) {
        ranked.add(new Ranked(rank, new Candidate(bugs, product(factorsBetween(0, k), attempt.derivative()))));
    }

    private Step step(int k) {
        return steps.get(k - 1);
    }

    /** The true factors f′(g) of the layers strictly between layers {@code outer} and {@code inner} (0: above all). */
    private Expr factorsBetween(int outer, int inner) {
        List<Expr> factors = new ArrayList<>();
        factors.add(Num.ONE);
        for (int i = outer + 1; i < inner; i++) {
            factors.add(step(i).outerDerivativeAt(step(i).inner()));
        }
        return product(factors);
    }
}
