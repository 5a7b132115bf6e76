package org.chainwise.bank.concept;

import java.util.List;
import java.util.Objects;
import org.chainwise.engine.mastery.Skill;

/** The concept a page teaches, with the keys of its parts in reading order and the skills it builds. */
public record Concept(String key, String title, String summary, List<String> parts, List<Skill> skills) implements ConceptPart {

    public Concept {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        parts = List.copyOf(parts);
        skills = List.copyOf(skills);
    }
}
