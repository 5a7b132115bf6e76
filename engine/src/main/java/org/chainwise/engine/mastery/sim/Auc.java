package org.chainwise.engine.mastery.sim;

import java.util.Arrays;
import java.util.Comparator;

/** The area under the ROC curve: the probability that a right answer was predicted higher than a wrong one, ties counting half. */
public final class Auc {

    private Auc() {
    }

    /** The AUC of {@code predictions} against {@code outcomes}; NaN when either class is missing. */
    public static double of(double[] predictions, boolean[] outcomes) {
        int n = predictions.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> predictions[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predictions[order[j + 1]] == predictions[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (outcomes[order[k]]) {
                    rankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
