package org.chainwise.bank.family;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chains;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
import org.chainwise.bank.generate.Outer;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.mastery.Skill;

/**
 * Differentiate a composition with a fixed outer function ({@code outer-sin}), a fixed kind of inner
 * function ({@code inner-root}), or neither ({@code nested}, three layers by default); a null
 * {@code outer} or {@code inner} is drawn at random for each item.
 */
public record ChainFamily(String name, Outer outer, Inner inner, Parameters defaults) implements Family {

    public static ChainFamily withOuter(Outer outer) {
        return new ChainFamily("outer-" + outer.key(), outer, null, Parameters.STANDARD);
    }

    public static ChainFamily withInner(Inner inner) {
        return new ChainFamily("inner-" + inner.key(), null, inner, Parameters.STANDARD);
    }

    public static ChainFamily nested() {
        return new ChainFamily("nested", null, null, Parameters.STANDARD.withDepth(3));
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
        Dice dice = Dice.forItem(name, parameters, seed);
        return Chains.draw(dice, parameters, outer, inner, "x")
                .map(chain -> ChainItems.differentiate(name, parameters, seed, chain, ChainItems.differentiationSkills(chain)));
    }
}
