package org.chainwise.engine.mastery.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.BktParameters;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.GuessSlip;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;

/**
 * A knowledge-tracing student: each skill is known or not; a known skill is answered right unless the
 * student slips, an unknown one only by a guess, both depending on the item's difficulty; every
 * opportunity teaches an unknown skill with the skill's learning rate times the student's own pace;
 * every step each known skill is forgotten with a small probability.
 */
final class BktStudent extends SimulatedStudent {

    static final double FORGET_PER_STEP = 0.001;
    static final double PACE_SPREAD = 0.3;

    private final boolean[] known = new boolean[Skill.values().length];
    private final double[] learn = new double[Skill.values().length];
    // The generating model's own prediction: tracing with this student's true parameters.
    private final StudentModel oracleModel;
    private StudentState oracleState;

    BktStudent(SplittableRandom random) {
        super(random);
        double pace = Math.exp(PACE_SPREAD * random.nextGaussian());
        Map<Skill, BktParameters> truth = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            BktParameters p = generating(skill);
            known[skill.ordinal()] = random.nextDouble() < p.prior();
            learn[skill.ordinal()] = Math.min(1, p.learn() * pace);
            truth.put(skill, new BktParameters(p.prior(), learn[skill.ordinal()], p.guess(), p.slip(), 0));
        }
        oracleModel = new StudentModel(new ModelParameters(truth, Map.of(), ModelParameters.DEFAULT.beliefRise(),
                ModelParameters.DEFAULT.beliefDecay()));
        oracleState = oracleModel.start();
    }

    /** The population's parameters of a skill: later skills (in prerequisite order) are rarer to know and slower to learn. */
    static BktParameters generating(Skill skill) {
        int i = skill.ordinal();
        GuessSlip medium = emission(0.5);
        return new BktParameters(0.3 - 0.02 * i, 0.25 - 0.015 * i, medium.guess(), medium.slip(), 0);
    }

    /**
     * Guess and slip by item difficulty: hard items are guessed less and slipped more. The shape is the
     * one {@link StudentModel#emission} assumes for families without fitted rates, so the oracle, which
     * traces with the true parameters, is exact up to forgetting and misconceptions.
     */
    static GuessSlip emission(double difficulty) {
        return new GuessSlip(0.125 * (1.5 - difficulty), 0.1 * (0.5 + difficulty));
    }

    @Override
    double modelProbability(Candidate item) {
        boolean all = true;
        for (Skill skill : item.skills()) {
            all &= known[skill.ordinal()];
        }
        GuessSlip rates = emission(item.difficulty());
        return all ? 1 - rates.slip() : rates.guess();
    }

    @Override
    double oracle(Candidate item) {
        return oracleModel.predict(oracleState, item);
    }

    @Override
    void learn(Candidate item, boolean right, double[] gain, SplittableRandom random) {
        oracleState = oracleModel.update(oracleState, new Attempt(item, right, Set.of()));
        for (Skill skill : item.skills()) {
            int k = skill.ordinal();
            if (!known[k] && random.nextDouble() < learn[k] * gain[k]) {
                known[k] = true;
            }
        }
    }

    @Override
    void forget(SplittableRandom random) {
        for (int k = 0; k < known.length; k++) {
            if (known[k] && random.nextDouble() < FORGET_PER_STEP) {
                known[k] = false;
            }
        }
    }

    @Override
    boolean modelMasters(Skill skill) {
        return known[skill.ordinal()];
    }
}
