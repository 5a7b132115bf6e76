package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.simplify;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
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
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.mastery.Skill;

/**
 * The two-variable chain rule as a Jacobian product: z = F(u, v) with u = p(t) and v = q(t), so
 * dz/dt = [dF/du dF/dv] [du/dt; dv/dt] = F_u p'(t) + F_v q'(t), the partials read at (p(t), q(t)).
 */
public record JacobianFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.JACOBIAN, Skill.INNER_FACTOR);

    private static final Var U = new Var("u");
    private static final Var V = new Var("v");

    /** Outer functions of two variables whose partial derivatives a student computes at sight. */
    private static final List<Expr> OUTERS = List.of(
            product(U, V),
            product(power(U, num(2)), V),
            product(U, power(V, num(2))),
            sum(power(U, num(2)), power(V, num(2))),
            sum(power(U, num(2)), product(num(-1), V)),
            product(U, power(V, num(-1))));

    private static final List<Inner> INNERS = List.of(Inner.LINEAR, Inner.POLYNOMIAL, Inner.TRIG, Inner.EXPONENTIAL, Inner.LOGARITHMIC);

    @Override
    public String name() {
        return "jacobian";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.JACOBIAN;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        Var t = new Var("t");
        Expr outer = dice.pick(OUTERS);
        Inner first = dice.pick(INNERS);
        Inner second = dice.pick(INNERS);
        if (first == second) {
            return Optional.empty();
        }
        Expr p = first.of(t, dice, parameters.innerComplexity(), parameters.maxConstant());
        Expr q = second.of(t, dice, parameters.innerComplexity(), parameters.maxConstant());
        return Optional.of(item(parameters, seed, outer, p, q));
    }

    private Item item(Parameters parameters, long seed, Expr outer, Expr p, Expr q) {
        Expr fu = Derivative.of(outer, "u");
        Expr fv = Derivative.of(outer, "v");
        Expr dp = Derivative.of(p, "t");
        Expr dq = Derivative.of(q, "t");
        Expr z = at(outer, p, q);
        Expr answer = sum(product(at(fu, p, q), dp), product(at(fv, p, q), dq));
        Var t = new Var("t");
        List<Given> givens = List.of(new Given("dz/du", Formula.of(fu)), new Given("dz/dv", Formula.of(fv)),
                new Given("du/dt", Formula.of(dp)), new Given("dv/dt", Formula.of(dq)));
        Stem stem = Stem.of("Let {} with {} and {}. Find {} as the Jacobian product {}.",
                Inline.equation("z", Formula.of(outer)), Inline.equation("u", Formula.of(p)), Inline.equation("v", Formula.of(q)),
                Inline.symbol("dz/dt"), new Inline("[dz/du  dz/dv] [du/dt; dv/dt]",
                        "\\begin{pmatrix} \\frac{\\partial z}{\\partial u} & \\frac{\\partial z}{\\partial v} \\end{pmatrix}"
                                + "\\begin{pmatrix} \\frac{du}{dt} \\\\ \\frac{dv}{dt} \\end{pmatrix}"));
        HintLadder hints = new HintLadder(
                "z depends on t through u and through v: one term for each.",
                "The row of partials is [" + Formula.of(fu).text() + "  " + Formula.of(fv).text()
                        + "], read at u = " + Formula.of(p).text() + " and v = " + Formula.of(q).text() + ".",
                "The u-term is (dz/du)(du/dt) = " + Formula.of(product(at(fu, p, q), dp)).text() + ".");
        List<SolutionStep> solution = List.of(
                new SolutionStep(Kind.IDENTIFY_OUTER_AND_INNER, "Outer z = " + Formula.of(outer).text() + "; inner u = "
                        + Formula.of(p).text() + ", v = " + Formula.of(q).text() + ".", Formula.of(z)),
                new SolutionStep(Kind.OUTER_AT_INNER, "Partials at (u, v): dz/du = " + Formula.of(at(fu, p, q)).text()
                        + ", dz/dv = " + Formula.of(at(fv, p, q)).text() + ".", Formula.of(at(fu, p, q))),
                new SolutionStep(Kind.MULTIPLY_BY_INNER_DERIVATIVE, "Multiply the row by the column [" + Formula.of(dp).text()
                        + "; " + Formula.of(dq).text() + "] and add.", Formula.of(answer)),
                new SolutionStep(Kind.SIMPLIFY, "Simplify.", Formula.of(answer)));
        List<Distractor> wrong = ChainItems.distinct(answer, "t", List.of(
                new Distractor(Formula.of(sum(at(fu, p, q), at(fv, p, q))), Misconception.MISSING_INNER, 1),
                new Distractor(Formula.of(sum(product(at(fu, t, t), dp), product(at(fv, t, t), dq))), Misconception.OUTER_AT_X, 1),
                new Distractor(Formula.of(sum(at(fu, p, q), dp, at(fv, p, q), dq)), Misconception.ADDED_NOT_MULTIPLIED, 1),
                new Distractor(Formula.of(product(at(fu, p, q), dp)), Misconception.OTHER, 1)));
        return new Item(Item.idOf(name(), parameters, seed), name(), parameters, seed, type(), stem, List.of("t"), Formula.of(z),
                List.of(new AnswerPart("answer", "t", Formula.of(answer))), List.of(),
                SKILLS, givens, hints, solution, wrong);
    }

    /** {@code e} with u and v replaced by the given functions of t, simplified. */
    private static Expr at(Expr e, Expr uValue, Expr vValue) {
        return simplify(e.substitute("u", uValue).substitute("v", vValue));
    }
}
