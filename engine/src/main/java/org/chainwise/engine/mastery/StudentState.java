package org.chainwise.engine.mastery;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/**
 * One student's state as an immutable, serialisable value: per skill what the model believes, per
 * misconception code the belief it is held, the variants already served, and the number of attempts.
 * {@link StudentModel#update} makes the next one.
 */
public record StudentState(Map<Skill, SkillState> skills, Map<Misconception, Double> beliefs, Set<String> seen,
        int attempts) {

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
