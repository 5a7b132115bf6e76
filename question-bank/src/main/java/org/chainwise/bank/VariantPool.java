package org.chainwise.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;

/**
 * The first {@code size} distinct, verified variants of each (family, parameters), drawn from seeds
 * counting up from 0 the first time they are asked for and kept: a cache that is the same on every
 * node, since it depends on nothing but the bank. Serving from it spares the verification every
 * new draw costs. Thread-safe.
 */
public final class VariantPool {

    /** Seeds in a row that give only variants already pooled before a family counts as spent. */
    private static final int SPENT_AFTER = 60;

    private final ItemBank bank;
    private final int size;
    private final Map<Key, List<Item>> pools = new ConcurrentHashMap<>();
    private final Map<ItemKey, Item> bySeed = new ConcurrentHashMap<>();

    public VariantPool(ItemBank bank, int size) {
        this.bank = Objects.requireNonNull(bank, "bank");
        if (size < 1) {
            throw new IllegalArgumentException("a pool holds at least one variant, got " + size);
        }
        this.size = size;
    }

    public ItemBank bank() {
        return bank;
    }

    /** The pooled variants of the family with its default parameters. */
    public List<Item> variants(String family) {
        return variants(family, bank.family(family).defaults());
    }

    /** The pooled variants of (family, parameters), in seed order; drawn on first use. */
    public List<Item> variants(String family, Parameters parameters) {
        return pools.computeIfAbsent(new Key(family, parameters), key -> draw(key.family(), key.parameters()));
    }

    /** The item (family, parameters, seed): from the pool when pooled, else drawn (and verified) again. */
    public Item item(String family, Parameters parameters, long seed) {
        variants(family, parameters);
        Item pooled = bySeed.get(new ItemKey(family, parameters, seed));
        return pooled != null ? pooled : bank.draw(family, parameters, seed);
    }

    private List<Item> draw(String family, Parameters parameters) {
        List<Item> items = new ArrayList<>();
        Set<String> variants = new HashSet<>();
        long seed = 0;
        for (int repeats = 0; items.size() < size && repeats < SPENT_AFTER; ) {
            Item item = bank.draw(family, parameters, seed);
            seed = item.seed() + 1;
            if (variants.add(item.variantKey())) {
                items.add(item);
                bySeed.put(new ItemKey(family, parameters, item.seed()), item);
                repeats = 0;
            } else {
                repeats++;
            }
        }
        return List.copyOf(items);
    }

    private record Key(String family, Parameters parameters) {
    }

    private record ItemKey(String family, Parameters parameters, long seed) {
    }
}
