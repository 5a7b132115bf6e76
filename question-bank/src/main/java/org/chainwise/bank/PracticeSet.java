package org.chainwise.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;

/**
 * The items of one practice session, never the same exercise twice (by {@link Item#variantKey()}).
 * Immutable: {@link #next} returns a larger set.
 */
public record PracticeSet(List<Item> items) {

    /** How many repeats in a row make a family count as spent: past this, fresh variants are too rare to wait for. */
    private static final int SEARCH = 60;

    public PracticeSet {
        items = List.copyOf(items);
        Set<String> variants = new HashSet<>();
        for (Item item : items) {
            if (!variants.add(item.variantKey())) {
                throw new IllegalArgumentException("a practice set repeats " + item.variantKey());
            }
        }
    }

    public static PracticeSet empty() {
        return new PracticeSet(List.of());
    }

    /**
     * {@code size} items taking the families in turn, each drawn with its default parameters from
     * seeds counting up from {@code seed}: the same arguments give the same set.
     */
    public static PracticeSet draw(ItemBank bank, List<String> families, long seed, int size) {
        return draw(bank, families, null, seed, size);
    }

    /**
     * {@code size} items taking the families in turn, drawn with {@code parameters} (or each family's
     * defaults, when null) from seeds counting up from {@code seed}. A family whose variants run out
     * drops out of the turn; the same arguments give the same set.
     *
     * @throws IllegalStateException if every family runs out before the set is full
     */
    public static PracticeSet draw(ItemBank bank, List<String> families, Parameters parameters, long seed, int size) {
        List<Item> items = new ArrayList<>();
        Set<String> variants = new HashSet<>();
        Map<String, Long> nextSeed = new HashMap<>();
        List<String> turn = new ArrayList<>(families);
        for (int i = 0; items.size() < size; i++) {
            if (turn.isEmpty()) {
                throw new IllegalStateException("only " + items.size() + " distinct variants in " + families);
            }
            String family = turn.get(i % turn.size());
            Parameters chosen = parameters != null ? parameters : bank.family(family).defaults();
            Optional<Item> item = fresh(bank, family, chosen, nextSeed.getOrDefault(family, seed), variants);
            if (item.isEmpty()) {
                turn.remove(family);
                continue;
            }
            nextSeed.put(family, item.get().seed() + 1);
            variants.add(item.get().variantKey());
            items.add(item.get());
        }
        return new PracticeSet(items);
    }

    /** This set with one more item: the first of {@code family} at {@code seed} or after that it does not hold yet. */
    public PracticeSet next(ItemBank bank, String family, Parameters parameters, long seed) {
        Set<String> variants = new HashSet<>();
        items.forEach(i -> variants.add(i.variantKey()));
        List<Item> more = new ArrayList<>(items);
        more.add(fresh(bank, family, parameters, seed, variants).orElseThrow(() -> new IllegalStateException(
                family + " " + parameters.key() + " has no variant left that this set does not hold")));
        return new PracticeSet(more);
    }

    /** The first item at {@code seed} or after whose variant is not in {@code variants}; empty when the family seems spent. */
    private static Optional<Item> fresh(ItemBank bank, String family, Parameters parameters, long seed, Set<String> variants) {
        long s = seed;
        for (int tries = 0; tries < SEARCH; tries++) {
            Item item = bank.draw(family, parameters, s);
            if (!variants.contains(item.variantKey())) {
                return Optional.of(item);
            }
            s = item.seed() + 1;
        }
        return Optional.empty();
    }
}
