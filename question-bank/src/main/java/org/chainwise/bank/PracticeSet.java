package org.chainwise.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;

/**
 * The items of one practice session, never the same exercise twice (by {@link Item#variantKey()}).
 * Immutable: {@link #next} returns a larger set.
 */
public record PracticeSet(List<Item> items) {

    /** How far past a repeated variant to look for a fresh one before deciding the family is exhausted. */
    private static final int SEARCH = 500;

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
        List<Item> items = new ArrayList<>();
        Set<String> variants = new HashSet<>();
        Map<String, Long> nextSeed = new HashMap<>();
        for (int i = 0; items.size() < size; i++) {
            String family = families.get(i % families.size());
            Parameters parameters = bank.family(family).defaults();
            Item item = fresh(bank, family, parameters, nextSeed.getOrDefault(family, seed), variants);
            nextSeed.put(family, item.seed() + 1);
            variants.add(item.variantKey());
            items.add(item);
        }
        return new PracticeSet(items);
    }

    /** This set with one more item: the first of {@code family} at {@code seed} or after that it does not hold yet. */
    public PracticeSet next(ItemBank bank, String family, Parameters parameters, long seed) {
        Set<String> variants = new HashSet<>();
        items.forEach(i -> variants.add(i.variantKey()));
        List<Item> more = new ArrayList<>(items);
        more.add(fresh(bank, family, parameters, seed, variants));
        return new PracticeSet(more);
    }

    private static Item fresh(ItemBank bank, String family, Parameters parameters, long seed, Set<String> variants) {
        long s = seed;
        for (int tries = 0; tries < SEARCH; tries++) {
            Item item = bank.draw(family, parameters, s);
            if (!variants.contains(item.variantKey())) {
                return item;
            }
            s = item.seed() + 1;
        }
        throw new IllegalStateException(family + " " + parameters.key() + " has no fresh variant near seed " + seed);
    }
}
