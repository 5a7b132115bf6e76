package org.chainwise.engine.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.Candidates.Bug;
import org.chainwise.engine.diagnose.Candidates.Candidate;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Sum;

/**
 * The buggy derivatives of a sum, term by term: a sum of several non-constant terms is one leaf to
 * {@link Composition}, but a student differentiates each term on its own, and a slip in one term
 * ({@code cos(x)} for {@code cos(x^2)} in {@code sin(x^2) + x^3}) leaves the others right. Each single
 * bug of each term's own {@link Candidates} is added to the true derivatives of the other terms; then
 * one single bug in each of two terms (among the first {@link #PAIRED_TERMS}). A term's own pairs are left out: two bugs in one term of a sum
 * are rarer than one in each of two, and a three-term sum would otherwise cost as much as a deep nest.
 */
final class TermwiseCandidates {

    /**
     * Slips in two terms are paired among the first three terms only, as bugs at two layers are among a
     * few outermost layers ({@link Candidates#PAIRED_LAYERS}): pairs grow with the square of the terms, and a
     * function typed into the checker may be a sum of dozens.
     */
    static final int PAIRED_TERMS = 3;

    /**
     * A longer sum is not diagnosed term by term: no item has one, and the cost grows with the terms (each
     * term's candidates are sums of every term). Measured with the engine jar's {@code grade}, once warm: a
     * three-term sum of two-layer nests 4 ms to prepare, a six-term sum of three-layer nests 75-125 ms, a
     * 33-term one half a second before this limit.
     */
    static final int MAX_TERMS = 6;

    private TermwiseCandidates() {
    }

    /** The term-wise candidates of {@code function} when it is a sum of two to {@link #MAX_TERMS} terms, two or more in {@code variable}; else none. */
    static List<Candidate> of(Expr function, String variable) {
        if (!(function instanceof Sum sum) || sum.terms().size() > MAX_TERMS
                || sum.terms().stream().filter(t -> t.dependsOn(variable)).count() < 2) {
            return List.of();
        }
        List<Expr> terms = sum.terms();
        List<Expr> derivatives = terms.stream().map(t -> Derivative.of(t, variable)).toList();
        List<List<Candidate>> singles = new ArrayList<>();
        for (Expr term : terms) {
            singles.add(term.dependsOn(variable)
                    ? Candidates.of(Composition.of(term, variable)).stream().filter(Candidate::isSingle)
                            .map(c -> new Candidate(List.of(c.bugs().getFirst().inTerm(term)), c.derivative())).toList()
                    : List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            for (Candidate wrong : singles.get(i)) {
                candidates.add(new Candidate(wrong.bugs(), withTrueTerms(derivatives, List.of(i), List.of(wrong.derivative()))));
            }
        }
        int paired = Math.min(terms.size(), PAIRED_TERMS);
        for (int i = 0; i < paired; i++) {
            for (int j = i + 1; j < paired; j++) {
                for (Candidate first : singles.get(i)) {
                    for (Candidate second : singles.get(j)) {
                        candidates.add(new Candidate(Stream.concat(first.bugs().stream(), second.bugs().stream()).toList(),
                                withTrueTerms(derivatives, List.of(i, j), List.of(first.derivative(), second.derivative()))));
                    }
                }
            }
        }
        return List.copyOf(candidates);
    }

    /** The sum of the true term derivatives, those at {@code replaced} taken from {@code wrong} instead. */
    private static Expr withTrueTerms(List<Expr> derivatives, List<Integer> replaced, List<Expr> wrong) {
        List<Expr> terms = new ArrayList<>(derivatives);
        for (int k = 0; k < replaced.size(); k++) {
            terms.set(replaced.get(k), wrong.get(k));
        }
        return Algebra.sum(terms);
    }
}
