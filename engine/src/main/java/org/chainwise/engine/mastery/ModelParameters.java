package org.chainwise.engine.mastery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the student model needs: knowledge-tracing parameters per skill, guess and slip per item
 * family where logged data supported fitting them, how fast a misconception belief rises with a
 * diagnosis and decays with a clean answer, the logistic tracker's parameters, and the weight of
 * knowledge tracing in the blended prediction of a right answer (the rest is the logistic tracker's).
 */
public record ModelParameters(Map<Skill, BktParameters> skills, Map<String, GuessSlip> families,
        double beliefRise, double beliefDecay, LogisticParameters logistic, Double tracingWeight) {

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
        // State saved before the logistic tracker existed has neither: the defaults.
        logistic = logistic == null ? LogisticParameters.DEFAULT : logistic;
        tracingWeight = tracingWeight == null ? DEFAULT_TRACING_WEIGHT : tracingWeight;
        BktParameters.probability("tracingWeight", tracingWeight);
    }

    /** Knowledge-tracing parameters with the default logistic tracker and an even blend of the two predictions. */
    public ModelParameters(Map<Skill, BktParameters> skills, Map<String, GuessSlip> families, double beliefRise,
            double beliefDecay) {
        this(skills, families, beliefRise, beliefDecay, LogisticParameters.DEFAULT, DEFAULT_TRACING_WEIGHT);
    }

    /** Without data, the two predictions count the same. */
    public static final double DEFAULT_TRACING_WEIGHT = 0.5;

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
        return new ModelParameters(skills, newFamilies, beliefRise, beliefDecay, logistic, tracingWeight);
    }

    /** These parameters with another logistic tracker and blend weight. */
    public ModelParameters withLogistic(LogisticParameters newLogistic, Double newTracingWeight) {
        return new ModelParameters(skills, families, beliefRise, beliefDecay, newLogistic, newTracingWeight);
    }
}
