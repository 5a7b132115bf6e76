package org.chainwise.bank.family;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
import org.chainwise.bank.generate.Outer;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.item.Stem.Inline;
import org.chainwise.bank.item.Stem;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.mastery.Skill;

/**
 * The "evaluated at" gotcha: f and g given separately, the derivative of f(g(x)) asked for. Reading f'
 * at x instead of at g(x) is the leading distractor.
 */
public record EvaluatedAtFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.EVALUATE_AT_INNER, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR);

    private static final List<Outer> OUTERS = List.of(Outer.POWER, Outer.NEGATIVE_POWER, Outer.SIN, Outer.COS, Outer.EXP, Outer.LN, Outer.SQRT);

    @Override
    public String name() {
        return "evaluated-at";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.DIFFERENTIATE;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        Outer outer = dice.pick(OUTERS);
        Inner inner = dice.pick(List.of(Inner.LINEAR, Inner.POLYNOMIAL));
        int complexity = Math.max(2, parameters.innerComplexity());
        Expr f = outer.of(new Var("u"), dice, parameters.maxConstant());
        Optional<Chain> drawn = Chain.of(f, inner.of(new Var("x"), dice, complexity, parameters.maxConstant()), "x");
        if (!outer.suits(inner.shape(complexity)) || drawn.isEmpty()) {
            return Optional.empty();
        }
        Chain chain = drawn.get();
        Stem stem = Stem.of("Let {} and {}. Find the derivative of {}.",
                Inline.equation("f(u)", Formula.of(f)), Inline.equation("g(x)", Formula.of(chain.inner())),
                Inline.symbol("h(x) = f(g(x))"));
        Item item = ChainItems.differentiate(name(), parameters, seed, chain,
                SKILLS, stem);
        return ChainItems.leadingWith(item, Misconception.OUTER_AT_X);
    }
}
