package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.product;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chains;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.mastery.Skill;

/** Differentiate c·f(g(x)): the constant rides along, which students either drop or differentiate. */
public record ConstantMultipleFamily() implements Family {

    @Override
    public String name() {
        return "constant-multiple";
    }

    @Override
    public List<Skill> skills() {
        return ChainItems.CHAIN_SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.DIFFERENTIATE;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        int c = dice.between(2, parameters.maxConstant()) * (dice.chance(0.3) ? -1 : 1);
        return Chains.draw(dice, parameters, null, null, "x")
                .flatMap(chain -> Chain.of(product(num(c), chain.outer()), chain.inner(), chain.variable()))
                .map(scaled -> ChainItems.differentiate(name(), parameters, seed, scaled, ChainItems.differentiationSkills(scaled)));
    }
}
