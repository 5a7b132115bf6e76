package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.simplify;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chains;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
import org.chainwise.bank.generate.Outer;
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
 * Backpropagation by hand on a three-node graph: {@code u = g(x)}, {@code v = f(u)}, {@code y = u*v}.
 * Two paths lead from x to y (x→u→y and x→u→v→y); dy/dx is the product of the local derivatives
 * along each path, summed over the paths.
 */
public record GraphPathsFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.GRAPH_PATHS, Skill.INNER_FACTOR);

    private static final List<Outer> NODES = List.of(Outer.SIN, Outer.COS, Outer.EXP, Outer.LN, Outer.POWER, Outer.SQRT);

    @Override
    public String name() {
        return "graph-paths";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.GRAPH_PATHS;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        Inner inner = dice.pick(List.of(Inner.LINEAR, Inner.POLYNOMIAL));
        return Chains.draw(dice, parameters.withDepth(2), dice.pick(NODES), inner, "x").map(chain -> item(parameters, seed, chain));
    }

    private Item item(Parameters parameters, long seed, Chain chain) {
        String x = chain.variable();
        Var u = new Var("u");
        Var v = new Var("v");
        Expr g = chain.inner();
        Expr f = chain.outer();
        Expr dudx = Derivative.of(g, x);
        Expr dvdu = Derivative.of(f, "u");
        Expr y = simplify(product(g, chain.function()));
        // Local derivatives of y = u*v: dy/du = v along the direct edge, dy/dv = u along the other.
        Expr direct = product(at(v, chain), dudx);
        Expr through = product(at(u, chain), at(dvdu, chain), dudx);
        Expr answer = sum(direct, through);
        List<Given> edges = List.of(
                new Given("du/dx", Formula.of(dudx)), new Given("dv/du", Formula.of(dvdu)),
                new Given("dy/du", Formula.of(v)), new Given("dy/dv", Formula.of(u)));
        Stem stem = Stem.of("A computation graph: {}, {}, {}. The local derivatives on its edges are {}, {}, {} and {}. "
                        + "Multiply along each path from x to y and add over the paths to find dy/dx as a function of x.",
                Inline.equation("u", Formula.of(g)), Inline.equation("v", Formula.of(f)), Inline.symbol("y = u*v"),
                Inline.equation("du/dx", edges.get(0).value()), Inline.equation("dv/du", edges.get(1).value()),
                Inline.symbol("dy/du = v"), Inline.symbol("dy/dv = u"));
        HintLadder hints = new HintLadder(
                "y depends on u twice: directly, and through v. Each way is a path from x to y.",
                "The two paths are x -> u -> y and x -> u -> v -> y; each path contributes the product of its edge derivatives.",
                "Path x -> u -> y gives (dy/du)(du/dx) = " + Formula.of(direct).text() + ".");
        List<SolutionStep> solution = List.of(
                new SolutionStep(Kind.IDENTIFY_OUTER_AND_INNER, "Paths from x to y: x -> u -> y and x -> u -> v -> y.", Formula.of(y)),
                new SolutionStep(Kind.OUTER_AT_INNER, "Read dv/du at u = " + Formula.of(g).text() + ": "
                        + Formula.of(at(dvdu, chain)).text() + ".", Formula.of(at(dvdu, chain))),
                new SolutionStep(Kind.MULTIPLY_BY_INNER_DERIVATIVE, "Multiply along each path and add: "
                        + Formula.of(direct).text() + " + " + Formula.of(through).text() + ".", Formula.of(answer)),
                new SolutionStep(Kind.SIMPLIFY, "Simplify.", Formula.of(answer)));
        List<Distractor> wrong = ChainItems.distinct(answer, x, List.of(
                new Distractor(Formula.of(through), Misconception.OTHER, 1),
                new Distractor(Formula.of(sum(at(v, chain), product(at(u, chain), at(dvdu, chain)))),
                        Misconception.MISSING_INNER, 1),
                new Distractor(Formula.of(sum(direct, product(at(u, chain), simplify(dvdu.substitute("u", new Var(x))), dudx))),
                        Misconception.OUTER_AT_X, 2),
                new Distractor(Formula.of(sum(at(v, chain), dudx, at(u, chain), at(dvdu, chain), dudx)),
                        Misconception.ADDED_NOT_MULTIPLIED, 1)));
        return new Item(Item.idOf(name(), parameters, seed), name(), parameters, seed, type(), stem, List.of(x), Formula.of(y),
                List.of(new AnswerPart("answer", x, Formula.of(answer))), chain.itemLayers(),
                SKILLS, edges, hints, solution, wrong);
    }

    /** {@code e} with u and v replaced by their values as functions of x, simplified. */
    private static Expr at(Expr e, Chain chain) {
        return simplify(e.substitute("v", chain.function()).substitute("u", chain.inner()));
    }
}
