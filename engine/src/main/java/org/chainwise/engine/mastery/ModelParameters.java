package org.chainwise.engine.mastery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the student model needs: knowledge-tracing parameters per skill, guess and slip per item
 * family where logged data supported fitting them, and how fast a misconception belief rises with a
 * diagnosis and decays with a clean answer.
 */
public record ModelParameters(Map<Skill, BktParameters> skills, Map<String, GuessSlip> families,
        double beliefRise, double beliefDecay) {

    /** Before any data: {@link BktParameters#DEFAULT} for every skill, no family-level rates. */
    public static final ModelParameters DEFAULT = defaults();

    public ModelParameters {
        Map<Skill, BktParameters> complete = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            complete.put(skill, skills.getOrDefault(skill, BktParameters.DEFAULT));
        }
        skills = EnumCopies.map(complete, Skill.class);
        families = Map.copyOf(Objects.requireNonNull(families, "families"));
        BktParameters.probability("beliefRise", beliefRise);
        BktParameters.probability("beliefDecay", beliefDecay);
    }

    private static ModelParameters defaults() {
        // One diagnosis makes a misconception likely, two make it near certain; about two clean
        // answers on the skill it lives in bring it back under the remediation threshold.
        return new ModelParameters(Map.of(), Map.of(), 0.6, 0.4);
    }

    /** The parameters of one skill. */
    public BktParameters skill(Skill skill) {
        return skills.get(skill);
    }

    /** These parameters with other family-level rates. */
    public ModelParameters withFamilies(Map<String, GuessSlip> newFamilies) {
        return new ModelParameters(skills, newFamilies, beliefRise, beliefDecay);
    }
}
