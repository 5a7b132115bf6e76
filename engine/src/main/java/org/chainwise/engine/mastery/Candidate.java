package org.chainwise.engine.mastery;

import java.util.Objects;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/**
 * A servable item as the selection policy sees it: the variant that must never be repeated, its
 * family (which shares guess and slip rates), the skills it exercises, the misconceptions it
 * confronts, and an authored difficulty from 0 (easiest) to 1.
 */
public record Candidate(String variantKey, String family, Set<Skill> skills, Set<Misconception> remediates,
        double difficulty) {

    public Candidate {
        Objects.requireNonNull(variantKey, "variantKey");
        Objects.requireNonNull(family, "family");
        if (skills == null || skills.isEmpty()) {
            throw new IllegalArgumentException("an item exercises at least one skill: " + variantKey);
        }
        skills = EnumCopies.set(skills, Skill.class);
        remediates = EnumCopies.set(remediates == null ? Set.of() : remediates, Misconception.class);
        if (!(difficulty >= 0 && difficulty <= 1)) {
            throw new IllegalArgumentException("difficulty is in [0, 1], got " + difficulty);
        }
    }
}
