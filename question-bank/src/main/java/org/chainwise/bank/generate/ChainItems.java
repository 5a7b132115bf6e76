package org.chainwise.bank.generate;

import static org.chainwise.engine.expr.Algebra.simplify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Given;
import org.chainwise.bank.item.HintLadder;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.item.SolutionStep.Kind;
import org.chainwise.bank.item.SolutionStep;
import org.chainwise.bank.item.Stem.Inline;
import org.chainwise.bank.item.Stem;
import org.chainwise.bank.verify.Defects;
import org.chainwise.bank.verify.Sampling;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.BuggyDerivative;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.mastery.Skill;

/**
 * Writes what every chain-rule item shares from its composition: the layers, the hint ladder, the
 * worked solution in the four moves, and the distractors, so each family only chooses functions.
 */
public final class ChainItems {

    private ChainItems() {
    }

    /** Every skill a plain differentiation can exercise. */
    public static final List<Skill> CHAIN_SKILLS =
            List.of(Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR, Skill.MULTI_LAYER);

    /** The skills a plain differentiation exercises; a third layer adds {@link Skill#MULTI_LAYER}. */
    public static List<Skill> differentiationSkills(Chain chain) {
        List<Skill> skills = new ArrayList<>(List.of(Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR));
        if (chain.depth() > 2) {
            skills.add(Skill.MULTI_LAYER);
        }
        return skills;
    }

    /** A free-form differentiation item for {@code chain}, with the stem {@code Differentiate h(x) = ...}. */
    public static Item differentiate(String family, Parameters parameters, long seed, Chain chain, List<Skill> skills) {
        Formula function = Formula.of(chain.function());
        Stem stem = Stem.of("Differentiate {} with respect to {}.",
                Inline.equation("h(" + chain.variable() + ")", function), Inline.symbol(chain.variable()));
        return differentiate(family, parameters, seed, chain, skills, stem);
    }

    /** A free-form differentiation item for {@code chain} with the given stem. */
    public static Item differentiate(String family, Parameters parameters, long seed, Chain chain,
            List<Skill> skills, Stem stem) {
        return differentiate(family, parameters, seed, chain, skills, stem, List.of());
    }

    /**
     * A free-form differentiation item for {@code chain} with the given stem and givens; a contrast
     * family puts its partner function among the givens.
     */
    public static Item differentiate(String family, Parameters parameters, long seed, Chain chain,
            List<Skill> skills, Stem stem, List<Given> givens) {
        Expr derivative = chain.derivative();
        return new Item(Item.idOf(family, parameters, seed), family, parameters, seed, ItemType.DIFFERENTIATE, stem,
                List.of(chain.variable()), Formula.of(chain.function()),
                List.of(new AnswerPart("answer", chain.variable(), Formula.of(derivative))),
                chain.itemLayers(), skills, givens, hints(chain), solution(chain), distractors(chain, derivative));
    }

    /**
     * {@code item} with the distractor of {@code code} moved to the front, for the families built to
     * provoke that one misconception; empty when the item has no such distractor.
     */
    public static Optional<Item> leadingWith(Item item, Misconception code) {
        List<Distractor> ordered = new ArrayList<>(item.distractors().stream().filter(d -> d.code() == code).toList());
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        item.distractors().stream().filter(d -> d.code() != code).forEach(ordered::add);
        return Optional.of(new Item(item.id(), item.family(), item.parameters(), item.seed(), item.type(),
                item.stem(), item.variables(), item.function(), item.answer(), item.layers(), item.skills(),
                item.givens(), item.hints(), item.solution(), ordered));
    }

    /** Nudge, pointer to the outer layer read at the inner one, and the first worked step. */
    public static HintLadder hints(Chain chain) {
        String x = chain.variable();
        String outer = Formula.of(chain.outer()).text();
        String inner = Formula.of(chain.inner()).text();
        String outerPrime = Formula.of(Derivative.of(chain.outer(), "u")).text();
        String innerPrime = Formula.of(Derivative.of(chain.inner(), x)).text();
        String nudge = chain.depth() > 2
                ? "This is a function of a function of a function: peel the layers from the outside in."
                : "This is one function applied to the result of another: which one is applied last?";
        String pointer = "Look at layer 1, the outer function " + outer + " with u = " + inner
                + ". Differentiate it as a function of u, then read that derivative at u = " + inner + ", not at " + x + ".";
        String step = "d/d" + x + " " + outer + " = " + outerPrime + " * du/d" + x + ", with u = " + inner
                + " and du/d" + x + " = " + innerPrime + ".";
        return new HintLadder(nudge, pointer, step);
    }

    /** The four moves: identify outer and inner, outer derivative at the inner, times the inner derivative, simplify. */
    public static List<SolutionStep> solution(Chain chain) {
        String x = chain.variable();
        Formula outer = Formula.of(chain.outer());
        Formula inner = Formula.of(chain.inner());
        Expr outerPrime = Derivative.of(chain.outer(), "u");
        Expr outerAtInner = simplify(outerPrime.substitute("u", chain.inner()));
        Expr innerPrime = Derivative.of(chain.inner(), x);
        Formula outerAtInnerShown = Formula.of(outerAtInner);
        String innerNote = chain.depth() > 2 ? " (itself by the chain rule)" : "";
        // A number in front reads as a coefficient (3*cos(3*x + 1)); anything else is written as the product it is.
        Expr unsimplified = innerPrime instanceof Num
                ? Algebra.product(innerPrime, outerAtInner)
                : new Product(outerAtInner, innerPrime);
        return List.of(
                new SolutionStep(Kind.IDENTIFY_OUTER_AND_INNER,
                        "Outer f(u) = " + outer.text() + "; inner u = g(" + x + ") = " + inner.text() + ".",
                        Formula.of(chain.function())),
                new SolutionStep(Kind.OUTER_AT_INNER,
                        "f'(u) = " + Formula.of(outerPrime).text() + "; read at u = " + inner.text() + ": "
                                + outerAtInnerShown.text() + ".",
                        outerAtInnerShown),
                new SolutionStep(Kind.MULTIPLY_BY_INNER_DERIVATIVE,
                        "g'(" + x + ") = " + Formula.of(innerPrime).text() + innerNote + "; multiply.",
                        Formula.of(unsimplified)),
                new SolutionStep(Kind.SIMPLIFY, "Simplify.", Formula.of(chain.derivative())));
    }

    /** The buggy answers for {@code chain} that a student could tell apart from {@code correct} and each other. */
    public static List<Distractor> distractors(Chain chain, Expr correct) {
        List<Distractor> candidates = new ArrayList<>();
        for (BuggyDerivative buggy : buggyDerivatives(chain.function(), chain.variable())) {
            candidates.add(new Distractor(Formula.of(buggy.derivative()), buggy.code(), buggy.layer()));
        }
        return distinct(correct, chain.variable(), candidates);
    }

    /**
     * The engine's single-bug derivatives of {@code function}, the most likely one of each code: the
     * diagnoser lists them most likely first, so the first of a code is kept.
     */
    public static List<BuggyDerivative> buggyDerivatives(Expr function, String variable) {
        EnumSet<Misconception> seen = EnumSet.noneOf(Misconception.class);
        return Diagnosers.forFunction(function, variable).buggyDerivatives().stream()
                .filter(buggy -> seen.add(buggy.code()))
                .toList();
    }

    /**
     * The candidates, in order, that differ from the right answer and from every candidate kept before
     * them, are defined where the function is, and read as a teacher would write them.
     */
    public static List<Distractor> distinct(Expr correct, String variable, List<Distractor> candidates) {
        Sampling sampling = Sampling.of(correct, variable);
        List<double[]> seen = new ArrayList<>(List.of(sampling.referenceValues()));
        List<Distractor> kept = new ArrayList<>();
        for (Distractor candidate : candidates) {
            double[] wrong = sampling.valuesOf(candidate.answer().expr());
            if (Sampling.definedEnough(wrong) && seen.stream().allMatch(s -> Sampling.differ(s, wrong))
                    && Defects.in(candidate.answer().text()).isEmpty()) {
                seen.add(wrong);
                kept.add(candidate);
            }
        }
        return kept;
    }
}
