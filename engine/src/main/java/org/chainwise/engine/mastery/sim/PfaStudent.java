package org.chainwise.engine.mastery.sim;

import java.util.SplittableRandom;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;

/**
 * A performance-factors student: the log-odds of a right answer are the student's ability plus the
 * skill's easiness plus the item's, plus a gain per earlier right answer and a smaller one per wrong
 * answer on the skill; the counts decay every step (forgetting). Mastered when a medium item of the
 * skill is answered right with probability {@link #MASTERED}.
 */
final class PfaStudent extends LogisticStudent {

    static final double MASTERED = 0.8;
    static final double ABILITY_SPREAD = 0.7;
    static final double SUCCESS_GAIN = 0.3;
    static final double FAILURE_GAIN = 0.1;
    static final double COUNT_RETENTION = 0.998;

    private final double ability;
    private final double[] successes = new double[Skill.values().length];
    private final double[] failures = new double[Skill.values().length];

    PfaStudent(SplittableRandom random) {
        super(random);
        ability = ABILITY_SPREAD * random.nextGaussian();
    }

    /** A skill's easiness: later skills in prerequisite order are harder. */
    static double easiness(Skill skill) {
        return -0.6 - 0.1 * skill.ordinal();
    }

    /** An item's easiness relative to its skill: 0 for difficulty 0.5. */
    static double easiness(Candidate item) {
        return -2 * (item.difficulty() - 0.5);
    }

    private double logit(Skill skill) {
        int k = skill.ordinal();
        return ability + easiness(skill) + SUCCESS_GAIN * successes[k] + FAILURE_GAIN * failures[k];
    }

    @Override
    double logit(Skill skill, Candidate item) {
        return logit(skill) + easiness(item);
    }

    @Override
    void learn(Candidate item, boolean right, double[] gain, SplittableRandom random) {
        for (Skill skill : item.skills()) {
            int k = skill.ordinal();
            if (right) {
                successes[k] += gain[k];
            } else {
                failures[k] += gain[k];
            }
        }
    }

    @Override
    void forget(SplittableRandom random) {
        for (int k = 0; k < successes.length; k++) {
            successes[k] *= COUNT_RETENTION;
            failures[k] *= COUNT_RETENTION;
        }
    }

    @Override
    boolean modelMasters(Skill skill) {
        return sigmoid(logit(skill)) >= MASTERED;
    }
}
