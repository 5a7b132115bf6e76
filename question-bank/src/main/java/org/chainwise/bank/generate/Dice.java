package org.chainwise.bank.generate;

import java.util.List;
import java.util.Random;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;

/**
 * The random choices of one item, seeded from its id so that (family, parameters, seed) always
 * makes the same choices. {@link Random}'s algorithm is specified, so this holds across JVMs.
 */
public final class Dice {

    private final Random random;

    private Dice(long seed) {
        this.random = new Random(seed);
    }

    public static Dice forItem(String family, Parameters parameters, long seed) {
        // FNV-1a over the id: String.hashCode would do, but 64 bits spread neighbouring seeds further.
        long hash = 0xcbf29ce484222325L;
        for (char c : Item.idOf(family, parameters, seed).toCharArray()) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return new Dice(hash);
    }

    /** An integer in [low, high]. */
    public int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** A non-zero integer in [-bound, bound]. */
    public int nonZero(int bound) {
        int magnitude = between(1, bound);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
