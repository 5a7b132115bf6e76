package org.chainwise.engine.mastery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/**
 * Which skill each misconception code undermines: a right answer on that skill is clean evidence
 * against the misconception, and the skill is not mastered while the misconception is believed held.
 */
public final class MisconceptionSkills {

    private static final Map<Misconception, Skill> SKILL = Map.of(
            Misconception.OUTER_AT_X, Skill.EVALUATE_AT_INNER,
            Misconception.MISSING_INNER, Skill.INNER_FACTOR,
            Misconception.COMPOSED_DERIVATIVES, Skill.INNER_FACTOR,
            Misconception.ADDED_NOT_MULTIPLIED, Skill.INNER_FACTOR,
            Misconception.PRODUCT_RULE, Skill.CHAIN_VS_PRODUCT,
            Misconception.REVERSED_NESTING, Skill.DECOMPOSE,
            Misconception.WRONG_OUTER_DERIVATIVE, Skill.OUTER_DERIVATIVE);

    private static final Map<Skill, Set<Misconception>> UNDERMINING = undermining();

    private MisconceptionSkills() {
    }

    /** The skill {@code code} undermines; empty for {@link Misconception#OTHER}, which names no skill. */
    public static Set<Skill> of(Misconception code) {
        Skill skill = SKILL.get(code);
        return skill == null ? Set.of() : Set.of(skill);
    }

    /** The misconceptions that undermine {@code skill}. */
    public static Set<Misconception> undermining(Skill skill) {
        return UNDERMINING.get(skill);
    }

    private static Map<Skill, Set<Misconception>> undermining() {
        Map<Skill, Set<Misconception>> bySkill = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            bySkill.put(skill, EnumCopies.set(SKILL.entrySet().stream().filter(e -> e.getValue() == skill)
                    .map(Map.Entry::getKey).toList(), Misconception.class));
        }
        return EnumCopies.map(bySkill, Skill.class);
    }
}
