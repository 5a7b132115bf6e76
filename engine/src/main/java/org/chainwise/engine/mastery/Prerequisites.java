package org.chainwise.engine.mastery;

import java.util.Map;
import java.util.Set;

/**
 * The prerequisite graph over the skills: a skill is worth practising once the skills it builds on are
 * mastered. {@link Skill}'s declaration order is a topological order of this graph.
 */
public final class Prerequisites {

    private static final Map<Skill, Set<Skill>> GRAPH = Map.of(
            Skill.DECOMPOSE, Set.of(),
            Skill.OUTER_DERIVATIVE, Set.of(),
            Skill.EVALUATE_AT_INNER, Set.of(Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE),
            Skill.INNER_FACTOR, Set.of(Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE),
            Skill.MULTI_LAYER, Set.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR),
            Skill.CHAIN_VS_PRODUCT, Set.of(Skill.DECOMPOSE),
            Skill.GRAPH_PATHS, Set.of(Skill.INNER_FACTOR),
            Skill.JACOBIAN, Set.of(Skill.GRAPH_PATHS));

    private Prerequisites() {
    }

    /** The skills {@code skill} directly builds on. */
    public static Set<Skill> of(Skill skill) {
        return GRAPH.get(skill);
    }
}
