package org.chainwise.bank.family;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chains;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.HintLadder;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.item.Stem.Inline;
import org.chainwise.bank.item.Stem;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.mastery.Skill;

/**
 * Decompose: write h(x) as f(g(x)) by entering the outer f(u) and the inner g(x). The pair taken the
 * wrong way round (f and g swapped) is the distractor.
 */
public record DecomposeFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.DECOMPOSE);

    @Override
    public String name() {
        return "decompose";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.DECOMPOSE;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        return Chains.draw(dice, parameters.withDepth(2), null, null, "x").map(chain -> item(parameters, seed, chain));
    }

    private Item item(Parameters parameters, long seed, Chain chain) {
        Formula function = Formula.of(chain.function());
        Formula f = Formula.of(chain.outer());
        Formula g = Formula.of(chain.inner());
        Stem stem = Stem.of("Write {} as {}: enter the outer function {} and the inner function {}.",
                Inline.equation("h(x)", function), Inline.symbol("f(g(x))"), Inline.symbol("f(u)"), Inline.symbol("g(x)"));
        HintLadder hints = new HintLadder(
                "Work out h(x) for a number x in your head: the last thing you do is the outer function.",
                "The last operation applied is the outer one: h(x) = "
                        + Formula.of(chain.outer().substitute("u", new Var("g(x)"))).text() + " for an inner g(x).",
                "With u = g(x) = " + g.text() + ", h(x) = " + f.text() + ".");
        return new Item(Item.idOf(name(), parameters, seed), name(), parameters, seed, type(), stem, List.of("x", "u"), function,
                List.of(new AnswerPart("f", "u", f), new AnswerPart("g", "x", g)), chain.itemLayers(),
                SKILLS, List.of(), hints, ChainItems.solution(chain), List.of(swapped(chain)));
    }

    /** f and g exchanged: the composite is g(f(x)), shown as the pair a student would enter. */
    private static Distractor swapped(Chain chain) {
        Expr wrongOuter = chain.inner().substitute(chain.variable(), new Var("u"));
        Expr wrongInner = chain.outer().substitute("u", new Var(chain.variable()));
        Expr composite = Algebra.simplify(wrongOuter.substitute("u", wrongInner));
        Formula outer = Formula.of(wrongOuter);
        Formula inner = Formula.of(wrongInner);
        Formula shown = new Formula(composite, "f(u) = " + outer.text() + "; g(x) = " + inner.text(),
                "f(u) = " + outer.latex() + ",\\quad g(x) = " + inner.latex());
        return new Distractor(shown, Misconception.REVERSED_NESTING, 1);
    }
}
