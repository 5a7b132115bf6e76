package org.chainwise.engine.mastery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of the logistic performance tracker that runs alongside knowledge tracing: the log-odds
 * of a right answer on skill {@code k} are {@code intercept(k) + difficultySlope·(difficulty − 0.5) +
 * familyOffset + ability + skillAbility(k) + (1 + pace)·(successGain·S + failureGain·F)}, where S and F
 * are the student's right and wrong answers on the skill so far, each multiplied by {@code retention}
 * at every attempt (forgetting). Ability, skill ability and pace are the student's own, with normal
 * priors of mean 0 and the stated variances; the tracker keeps a posterior over them.
 */
public record LogisticParameters(Map<Skill, Double> intercepts, double difficultySlope,
        Map<String, Double> familyOffsets, double successGain, double failureGain, double retention,
        double abilityVariance, double skillVariance, double paceVariance) {

    /** Before any data: a new skill is answered right about four times in ten, each right answer teaches. */
    public static final LogisticParameters DEFAULT = new LogisticParameters(Map.of(), -2.0, Map.of(), 0.3, 0.1, 1.0,
            0.5, 0.2, 0.1);

    private static final double DEFAULT_INTERCEPT = -0.4;

    public LogisticParameters {
        Map<Skill, Double> complete = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            complete.put(skill, finite("intercept", Objects.requireNonNull(intercepts, "intercepts")
                    .getOrDefault(skill, DEFAULT_INTERCEPT)));
        }
        intercepts = EnumCopies.map(complete, Skill.class);
        familyOffsets = Map.copyOf(Objects.requireNonNull(familyOffsets, "familyOffsets"));
        familyOffsets.values().forEach(offset -> finite("family offset", offset));
        finite("difficultySlope", difficultySlope);
        finite("successGain", successGain);
        finite("failureGain", failureGain);
        BktParameters.probability("retention", retention);
        if (!(abilityVariance > 0 && skillVariance > 0 && paceVariance > 0)) {
            throw new IllegalArgumentException("prior variances are positive");
        }
    }

    /** The intercept of one skill. */
    public double intercept(Skill skill) {
        return intercepts.get(skill);
    }

    /** The log-odds an item adds for its authored difficulty and its family, 0 for a typical item (difficulty 0.5). */
    public double itemOffset(Candidate item) {
        return difficultySlope * (item.difficulty() - 0.5) + familyOffsets.getOrDefault(item.family(), 0.0);
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is a finite number, got " + value);
        }
        return value;
    }
}
