package org.chainwise.api.store;

import java.util.List;
import java.util.Objects;
import org.chainwise.engine.mastery.Skill;

/**
 * What a practice set is, as a teacher (or a seed, or an LTI deep link) defines it: the question
 * bank's definition key it came from, a title, the skills it trains, the item families it draws
 * from (empty: every family that exercises one of its skills) and the rule that completes it. Skills
 * and families are sets, kept in a canonical order.
 */
public record PracticeSetDefinition(String definitionKey, String title, List<Skill> skills, List<String> families,
        CompletionRule completion) {

    public PracticeSetDefinition {
        Objects.requireNonNull(definitionKey, "definitionKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(completion, "completion");
        // Kept in one order (skills as the engine lists them, families by name), so that a definition
        // read back from the database equals the one written.
        skills = skills.stream().distinct().sorted().toList();
        families = families.stream().distinct().sorted().toList();
        if (definitionKey.isBlank()) {
            throw new IllegalArgumentException("a practice set needs a definition key");
        }
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("a practice set trains at least one skill");
        }
    }
}
