package org.chainwise.engine.mastery.sim;

import java.util.SplittableRandom;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;

/**
 * A student whose chance of a right answer is logistic in a log-odds per skill and item, multiplied
 * over the item's skills. Its state is a function of its history and parameters, so the generating
 * model's own prediction is exactly that probability.
 */
abstract sealed class LogisticStudent extends SimulatedStudent permits PfaStudent, EloStudent {

    LogisticStudent(SplittableRandom random) {
        super(random);
    }

    /** The log-odds of a right answer to {@code item} on {@code skill}. */
    abstract double logit(Skill skill, Candidate item);

    @Override
    final double modelProbability(Candidate item) {
        double p = 1;
        for (Skill skill : item.skills()) {
            p *= sigmoid(logit(skill, item));
        }
        return p;
    }

    @Override
    final double oracle(Candidate item) {
        return modelProbability(item);
    }
}
