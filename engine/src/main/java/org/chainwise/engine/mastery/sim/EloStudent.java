package org.chainwise.engine.mastery.sim;

import java.util.SplittableRandom;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;

/**
 * An Elo student: a right answer has the logistic probability of the skill's ability minus the item's
 * difficulty; each attempt raises the ability by the student's learning rate times the surprise
 * {@code 1 - p} (an item that was hard for the student teaches more), and every step the ability decays
 * towards its starting value (forgetting). Mastered when a medium item is answered right with
 * probability {@link #MASTERED}.
 */
final class EloStudent extends LogisticStudent {

    static final double MASTERED = 0.8;
    static final double ABILITY_SPREAD = 0.7;
    static final double SKILL_SPREAD = 0.4;
    static final double LEARNING_RATE = 0.5;
    static final double PACE_SPREAD = 0.3;
    static final double RETENTION = 0.997;

    private final double[] start = new double[Skill.values().length];
    private final double[] ability = new double[Skill.values().length];
    private final double rate;

    EloStudent(SplittableRandom random) {
        super(random);
        double general = ABILITY_SPREAD * random.nextGaussian();
        for (Skill skill : Skill.values()) {
            start[skill.ordinal()] = general + SKILL_SPREAD * random.nextGaussian() - 0.6 - 0.1 * skill.ordinal();
            ability[skill.ordinal()] = start[skill.ordinal()];
        }
        rate = LEARNING_RATE * Math.exp(PACE_SPREAD * random.nextGaussian());
    }

    /** An item's difficulty on the ability scale: 0 for difficulty 0.5. */
    static double difficulty(Candidate item) {
        return 2 * (item.difficulty() - 0.5);
    }

    @Override
    double logit(Skill skill, Candidate item) {
        return ability[skill.ordinal()] - difficulty(item);
    }

    @Override
    void learn(Candidate item, boolean right, double[] gain, SplittableRandom random) {
        for (Skill skill : item.skills()) {
            int k = skill.ordinal();
            ability[k] += rate * gain[k] * (1 - sigmoid(logit(skill, item)));
        }
    }

    @Override
    void forget(SplittableRandom random) {
        for (int k = 0; k < ability.length; k++) {
            ability[k] = start[k] + (ability[k] - start[k]) * RETENTION;
        }
    }

    @Override
    boolean modelMasters(Skill skill) {
        return sigmoid(ability[skill.ordinal()]) >= MASTERED;
    }
}
