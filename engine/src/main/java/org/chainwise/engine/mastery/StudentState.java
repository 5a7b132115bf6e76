package org.chainwise.engine.mastery;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/**
 * One student's state as an immutable, serialisable value: per skill what knowledge tracing believes,
 * per misconception code the belief it is held, the variants already served, the number of attempts,
 * and what the logistic tracker learnt about the student ({@link Ability}).
 * {@link StudentModel#update} makes the next one.
 */
public record StudentState(Map<Skill, SkillState> skills, Map<Misconception, Double> beliefs, Set<String> seen,
        int attempts, Ability ability) {

    public StudentState {
        skills = EnumCopies.map(skills, Skill.class);
        if (skills.size() != Skill.values().length) {
            throw new IllegalArgumentException("a state covers every skill, got " + skills.keySet());
        }
        beliefs = EnumCopies.map(beliefs, Misconception.class);
        beliefs.values().forEach(belief -> BktParameters.probability("belief", belief));
        seen = Set.copyOf(Objects.requireNonNull(seen, "seen"));
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts is not negative");
        }
        // State saved before the logistic tracker existed: no evidence about the student's ability yet.
        ability = ability == null ? Ability.NONE : ability;
    }

    /** A state without logistic evidence ({@link Ability#NONE}). */
    public StudentState(Map<Skill, SkillState> skills, Map<Misconception, Double> beliefs, Set<String> seen,
            int attempts) {
        this(skills, beliefs, seen, attempts, Ability.NONE);
    }

    /** The state of one skill. */
    public SkillState skill(Skill skill) {
        return skills.get(skill);
    }

    /** The belief that {@code code} is held, 0 when it was never diagnosed. */
    public double belief(Misconception code) {
        return beliefs.getOrDefault(code, 0.0);
    }
}
