package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.product;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
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
 * The product beside the composition: {@code sin(x)*x^2} next to {@code sin(x^2)}, differentiate the
 * composition. The product rule's answer for the product is the leading distractor.
 */
public record ProductVsChainFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.CHAIN_VS_PRODUCT, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR);

    private static final List<Outer> OUTERS = List.of(Outer.SIN, Outer.COS, Outer.TAN, Outer.EXP, Outer.LN, Outer.SQRT);

    @Override
    public String name() {
        return "product-vs-chain";
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
        Var x = new Var("x");
        Outer outer = dice.pick(OUTERS);
        Inner inner = dice.pick(List.of(Inner.POLYNOMIAL, Inner.LINEAR));
        Expr f = outer.of(new Var("u"), dice, parameters.maxConstant());
        Optional<Chain> drawn = Chain.of(f, inner.of(x, dice, parameters.innerComplexity(), parameters.maxConstant()), "x");
        if (!outer.suits(inner.shape(parameters.innerComplexity())) || drawn.isEmpty()) {
            return Optional.empty();
        }
        Chain chain = drawn.get();
        Formula partner = Formula.of(product(f.substitute("u", x), chain.inner()));
        Formula function = Formula.of(chain.function());
        Stem stem = Stem.of("{} is a product; {} is a composition. Differentiate h.",
                Inline.equation("p(x)", partner), Inline.equation("h(x)", function));
        Item item = ChainItems.differentiate(name(), parameters, seed, chain,
                SKILLS, stem,
                List.of(new Given("p(x)", partner)));
        return ChainItems.leadingWith(item, Misconception.PRODUCT_RULE);
    }
}
