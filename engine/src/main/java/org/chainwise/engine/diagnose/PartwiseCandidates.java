package org.chainwise.engine.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.Candidates.Candidate;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;

/**
 * The buggy derivatives of a sum term by term, and of a product factor by factor: a sum or product of
 * several non-constant parts is one leaf to {@link Composition}, but a student differentiates each part on
 * its own, and a slip in one part ({@code cos(x)} for {@code cos(x^2)} in {@code sin(x^2) + x^3} or in
 * {@code x sin(x^2)}) leaves the rest right. Each single bug of each part's own {@link Candidates} takes the
 * place of that part's true derivative in the sum rule or the product rule; then one single bug in each of
 * two parts (among the first {@link #PAIRED_PARTS}). A part's own pairs are left out: two bugs in one part
 * are rarer than one in each of two, and a three-part sum would otherwise cost as much as a deep nest.
 */
final class PartwiseCandidates {

    /**
     * Slips in two parts are paired among the first three parts only, as bugs at two layers are among a
     * few outermost layers ({@link Candidates#PAIRED_LAYERS}): pairs grow with the square of the parts, and
     * a function typed into the checker may be a sum of dozens.
     */
    static final int PAIRED_PARTS = 3;

    /**
     * A longer sum or product is not diagnosed part by part: no item has one, and the cost grows with the
     * parts (each part's candidates are sums over every part, for a product each of products of every
     * part). Measured with the engine jar's {@code grade}, once warm (2026-12-03): {@code x sin(x^k)} 1-3 ms
     * to prepare, a three-term sum of two-layer nests 4-8 ms; four parts of three-layer nests 33-70 ms (sum)
     * and 75-115 ms (product); six parts 75-125 ms (sum) and about 200 ms (product); a 33-term sum half a
     * second.
     */
    static final int MAX_PARTS = 4;

    /** How the parts' derivatives make the whole's. */
    private enum Rule {
        /** A sum's derivative is the sum of its terms'. */
        SUM("term"),
        /** A product's is, for each factor, its derivative times the other factors, summed. */
        PRODUCT("factor");

        private final String part;

        Rule(String part) {
            this.part = part;
        }

        Expr whole(List<Expr> parts, List<Expr> derivatives) {
            if (this == SUM) {
                return Algebra.sum(derivatives);
            }
            List<Expr> terms = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                List<Expr> factors = new ArrayList<>(parts);
                factors.set(i, derivatives.get(i));
                terms.add(Algebra.product(factors));
            }
            return Algebra.sum(terms);
        }
    }

    private PartwiseCandidates() {
    }

    /**
     * The part-wise candidates of {@code function} when it is a sum or product of two to {@link #MAX_PARTS}
     * parts, two or more of them in {@code variable}; else none.
     */
    static List<Candidate> of(Expr function, String variable) {
        Rule rule;
        List<Expr> parts;
        switch (function) {
            case Sum sum -> {
                rule = Rule.SUM;
                parts = sum.terms();
            }
            case Product product -> {
                rule = Rule.PRODUCT;
                parts = product.factors();
            }
            default -> {
                return List.of();
            }
        }
        if (parts.size() > MAX_PARTS || parts.stream().filter(p -> p.dependsOn(variable)).count() < 2) {
            return List.of();
        }
        List<Expr> derivatives = parts.stream().map(p -> Derivative.of(p, variable)).toList();
        List<List<Candidate>> singles = new ArrayList<>();
        for (Expr part : parts) {
            singles.add(part.dependsOn(variable)
                    ? Candidates.singles(Composition.of(part, variable)).stream()
                            .map(c -> new Candidate(List.of(c.bugs().getFirst().in(rule.part, part)), c.derivative())).toList()
                    : List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Candidate wrong : singles.get(i)) {
                candidates.add(new Candidate(wrong.bugs(),
                        rule.whole(parts, replaced(derivatives, List.of(i), List.of(wrong.derivative())))));
            }
        }
        int paired = Math.min(parts.size(), PAIRED_PARTS);
        for (int i = 0; i < paired; i++) {
            for (int j = i + 1; j < paired; j++) {
                for (Candidate first : singles.get(i)) {
                    for (Candidate second : singles.get(j)) {
                        candidates.add(new Candidate(Stream.concat(first.bugs().stream(), second.bugs().stream()).toList(),
                                rule.whole(parts, replaced(derivatives, List.of(i, j), List.of(first.derivative(), second.derivative())))));
                    }
                }
            }
        }
        return List.copyOf(candidates);
    }

    /** The true part derivatives, those at {@code positions} taken from {@code wrong} instead. */
    private static List<Expr> replaced(List<Expr> derivatives, List<Integer> positions, List<Expr> wrong) {
        List<Expr> replaced = new ArrayList<>(derivatives);
        for (int k = 0; k < positions.size(); k++) {
            replaced.set(positions.get(k), wrong.get(k));
        }
        return replaced;
    }
}
