package org.chainwise.bank.generate;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.mastery.Skill;

/**
 * A family of items: a deterministic function from (parameters, seed) to one candidate item, which
 * the {@link ItemBank} verifies before anyone sees it.
 */
public interface Family {

    /** The stable name used in item ids and on the command line, such as {@code outer-sin}. */
    String name();

    ItemType type();

    /** Every skill an item of this family can exercise: what the mastery model credits or debits for it. */
    List<Skill> skills();

    /** The parameters the family is drawn with when none are given. */
    default Parameters defaults() {
        return Parameters.STANDARD;
    }

    /**
     * The candidate item for (parameters, seed), or empty when this seed makes no item worth setting
     * (the bank then tries the next seed): equal inputs give an equal result.
     */
    Optional<Item> generate(Parameters parameters, long seed);
}
