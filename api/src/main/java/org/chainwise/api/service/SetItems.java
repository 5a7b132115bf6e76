package org.chainwise.api.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.bank.ItemCandidate;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.mastery.AdaptivePolicy;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;

/**
 * What a practice set definition can serve: the pooled variants of its families as the policy's
 * candidates, and one adaptive policy over them. Derived from the definition and the bank alone, so
 * it is the same on every node; kept per definition (an edited set is a new definition).
 */
final class SetItems {

    private final List<Candidate> candidates;
    private final Map<String, Item> byVariant;
    private final AdaptivePolicy policy;

    private SetItems(List<Candidate> candidates, Map<String, Item> byVariant, AdaptivePolicy policy) {
        this.candidates = candidates;
        this.byVariant = byVariant;
        this.policy = policy;
    }

    /** The candidates, always the same list instance (the policy keeps its index per instance). */
    List<Candidate> candidates() {
        return candidates;
    }

    AdaptivePolicy policy() {
        return policy;
    }

    Item item(String variantKey) {
        return byVariant.get(variantKey);
    }

    /** The families a definition draws from: its own, or every family exercising one of its skills. */
    static List<String> families(PracticeSetDefinition definition, PracticeEngine.Parts engine) {
        if (!definition.families().isEmpty()) {
            return definition.families();
        }
        Set<String> families = new LinkedHashSet<>();
        for (Skill skill : definition.skills()) {
            families.addAll(engine.bank().familiesFor(skill));
        }
        return List.copyOf(families);
    }

    /** The set items of each definition seen, made on first use. */
    static final class Cache {

        private final Map<PracticeSetDefinition, SetItems> sets = new ConcurrentHashMap<>();

        SetItems of(PracticeSetDefinition definition, PracticeEngine.Parts engine) {
            return sets.computeIfAbsent(definition, d -> make(d, engine));
        }

        private static SetItems make(PracticeSetDefinition definition, PracticeEngine.Parts engine) {
            List<Candidate> candidates = new ArrayList<>();
            Map<String, Item> byVariant = new HashMap<>();
            for (String family : families(definition, engine)) {
                for (Item item : engine.pool().variants(family)) {
                    if (byVariant.putIfAbsent(item.variantKey(), item) == null) {
                        candidates.add(ItemCandidate.of(item));
                    }
                }
            }
            // The policy's tie-break seed is the definition's: every node chooses alike.
            return new SetItems(List.copyOf(candidates), byVariant,
                    new AdaptivePolicy(engine.model(), definition.hashCode()));
        }
    }
}
