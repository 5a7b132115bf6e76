package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Outer;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Given;
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
 * The same two functions nested both ways: {@code sin(x)^3} beside {@code sin(x^3)}, differentiate one.
 * The derivative of the other nesting is the leading distractor.
 */
public record OppositeNestingFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR);

    private static final List<Outer> FUNCTIONS = List.of(Outer.SIN, Outer.COS, Outer.TAN, Outer.LN);

    @Override
    public String name() {
        return "opposite-nesting";
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
        Var u = new Var("u");
        Var x = new Var("x");
        Outer function = dice.pick(FUNCTIONS);
        int n = dice.between(2, Math.min(4, parameters.maxConstant()));
        Expr f = function.of(u, dice, parameters.maxConstant());
        Expr powerOfU = power(u, num(n));
        boolean functionOutside = dice.chance(0.5);
        Optional<Chain> drawn = functionOutside
                ? Chain.of(f, power(x, num(n)), "x")
                : Chain.of(powerOfU, f.substitute("u", x), "x");
        Optional<Chain> other = functionOutside
                ? Chain.of(powerOfU, f.substitute("u", x), "x")
                : Chain.of(f, power(x, num(n)), "x");
        if (drawn.isEmpty() || other.isEmpty()) {
            return Optional.empty();
        }
        Chain chain = drawn.get();
        Formula partner = Formula.of(other.get().function());
        Stem stem = Stem.of("{} and {} nest the same two functions in opposite orders. Differentiate h.",
                Inline.equation("h(x)", Formula.of(chain.function())), Inline.equation("k(x)", partner));
        Item item = ChainItems.differentiate(name(), parameters, seed, chain,
                SKILLS, stem,
                List.of(new Given("k(x)", partner)));
        return ChainItems.leadingWith(item, Misconception.REVERSED_NESTING);
    }
}
