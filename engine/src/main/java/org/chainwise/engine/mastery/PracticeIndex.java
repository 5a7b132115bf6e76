package org.chainwise.engine.mastery;

import java.util.List;
import org.chainwise.engine.diagnose.Misconception;

/**
 * A practice set laid out for fast selection: per item, its skills and the misconceptions it
 * remediates as bit masks, its guess and slip rates and its logistic log-odds offset under one model,
 * in arrays, so that scanning ten thousand candidates allocates nothing.
 */
record PracticeIndex(List<Candidate> items, int[] skills, int[] remediates, double[] guess, double[] slip,
        double[] offset, double tracingWeight) {

    static PracticeIndex of(List<Candidate> items, StudentModel model) {
        int n = items.size();
        int[] skills = new int[n];
        int[] remediates = new int[n];
        double[] guess = new double[n];
        double[] slip = new double[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate item = items.get(i);
            skills[i] = mask(item.skills());
            for (Misconception code : item.remediates()) {
                remediates[i] |= 1 << code.ordinal();
            }
            GuessSlip rates = model.emission(item);
            guess[i] = rates.guess();
            slip[i] = rates.slip();
            offset[i] = model.parameters().logistic().itemOffset(item);
        }
        return new PracticeIndex(items, skills, remediates, guess, slip, offset, model.parameters().tracingWeight());
    }

    static int mask(Iterable<Skill> skills) {
        int mask = 0;
        for (Skill skill : skills) {
            mask |= 1 << skill.ordinal();
        }
        return mask;
    }

    /**
     * The blended probability of a right answer to item {@code i} (as {@link StudentModel#predict}), given
     * each skill's probability of being known by ordinal and the logistic tracker's view of the student.
     */
    double predict(int i, double[] known, LogisticTracker.Skills performance) {
        return tracingWeight * predictTracing(i, known) + (1 - tracingWeight) * predictLogistic(i, performance);
    }

    double predictTracing(int i, double[] known) {
        double allKnown = 1;
        for (int bits = skills[i]; bits != 0; bits &= bits - 1) {
            allKnown *= known[Integer.numberOfTrailingZeros(bits)];
        }
        return allKnown * (1 - slip[i]) + (1 - allKnown) * guess[i];
    }

    double predictLogistic(int i, LogisticTracker.Skills performance) {
        double p = 1;
        for (int bits = skills[i]; bits != 0; bits &= bits - 1) {
            p *= performance.probability(Integer.numberOfTrailingZeros(bits), offset[i]);
        }
        return p;
    }
}
