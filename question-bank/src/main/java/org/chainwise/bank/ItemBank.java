package org.chainwise.bank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.bank.family.Families;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.verify.ItemVerifier;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.mastery.Skill;

/**
 * The question bank's entry point: the registered families, and verified items drawn from them.
 * {@code draw(family, parameters, seed)} is a pure function of its arguments.
 */
public final class ItemBank {

    /** Seeds tried after the requested one before giving up; no family comes near it (see the tests). */
    static final int MAX_REDRAWS = 64;

    private final Map<String, Family> families;
    private final List<String> names;
    private final ItemVerifier verifier;

    public ItemBank(List<Family> families, ItemVerifier verifier) {
        Map<String, Family> byName = new LinkedHashMap<>();
        for (Family family : families) {
            if (byName.put(family.name(), family) != null) {
                throw new IllegalArgumentException("two families named " + family.name());
            }
        }
        this.families = Map.copyOf(byName);
        this.verifier = verifier;
        this.names = List.copyOf(byName.keySet());
    }

    /** Symja decisions the shared checker keeps; a bench run of 10,000 items fits. */
    private static final int CACHED_DECISIONS = 16_384;

    /** The bank with every registered family, verified by one checker with one warmed-up Symja. */
    public static ItemBank standard() {
        SymjaEquivalence.warmUp();
        Checker checker = new Checker(new SymjaEquivalence(SymjaEquivalence.DEFAULT_LIMIT), CACHED_DECISIONS);
        return new ItemBank(Families.all(), new ItemVerifier(checker));
    }

    /** The gate every drawn item passes. */
    public ItemVerifier verifier() {
        return verifier;
    }

    /** The family names, in registration order. */
    public List<String> familyNames() {
        return names;
    }

    public Family family(String name) {
        Family family = families.get(name);
        if (family == null) {
            throw new IllegalArgumentException("no family named '" + name + "'; known: " + names);
        }
        return family;
    }

    /** The names of the families whose items can exercise {@code skill}, in registration order: where to look for practice on it. */
    public List<String> familiesFor(Skill skill) {
        return names.stream().filter(name -> families.get(name).skills().contains(skill)).toList();
    }

    /** The first verified item of {@code family} at {@code seed} or after, with the family's default parameters. */
    public Item draw(String family, long seed) {
        return draw(family, family(family).defaults(), seed);
    }

    /**
     * The first verified item of {@code family} with {@code parameters} at {@code seed} or after: an
     * item that fails verification is never returned; the next seed is tried instead. The item's own
     * seed says which one was served, so {@code draw(family, parameters, item.seed())} returns it again.
     *
     * @throws IllegalStateException if no seed in the next {@value #MAX_REDRAWS} makes a good item
     */
    public Item draw(String family, Parameters parameters, long seed) {
        Family source = family(family);
        for (long s = seed; s <= seed + MAX_REDRAWS; s++) {
            Optional<Item> item = source.generate(parameters, s).filter(i -> verifier.verify(i).passed());
            if (item.isPresent()) {
                return item.get();
            }
        }
        throw new IllegalStateException("no verified item of " + family + " " + parameters.key() + " near seed " + seed);
    }
}
