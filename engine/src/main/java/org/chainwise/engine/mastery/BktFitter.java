package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits knowledge-tracing parameters to logged attempts by expectation maximisation (Baum-Welch on each
 * student's sequence of opportunities per skill). An attempt on an item with several skills counts as
 * an opportunity of each. Guess and slip are fitted per skill and per item family; a family keeps its
 * own rates only when it has at least {@link #FAMILY_MINIMUM} attempts, and even then they are shrunk
 * towards its skill's, so sparse families cannot overfit. Guess and slip are held at most
 * {@link #MAX_GUESS_SLIP}, below 0.5 so that the two states keep their meaning.
 */
public final class BktFitter {

    /** The ceiling on fitted guess and slip rates. */
    public static final double MAX_GUESS_SLIP = 0.45;

    /** The number of attempts from which an item family gets its own guess and slip rates. */
    public static final int FAMILY_MINIMUM = 60;

    // Pseudo-attempts at the skill's rates added to each family's own when fitting them.
    private static final double FAMILY_SHRINKAGE = 20;
    private static final double MAX_FORGET = 0.2;

    private final int maxIterations;
    private final boolean forgetting;

    /**
     * @param maxIterations an upper bound on EM iterations; fitting stops earlier when the likelihood settles
     * @param forgetting    whether to fit a forgetting rate, else it is held at zero (classic BKT)
     */
    public BktFitter(int maxIterations, boolean forgetting) {
        this.maxIterations = maxIterations;
        this.forgetting = forgetting;
    }

    /** The result of a fit: the parameters, the iterations run, and the final log-likelihood of the data. */
    public record Fit(ModelParameters parameters, int iterations, double logLikelihood) {
    }

    /** Fits parameters to {@code students}, each a list of attempts in the order they were made, starting from {@code start}. */
    public Fit fit(List<List<Attempt>> students, ModelParameters start) {
        Map<String, Integer> familyIndex = new LinkedHashMap<>();
        Map<Skill, List<Sequence>> sequences = sequences(students, familyIndex);
        int families = familyIndex.size();
        Map<Skill, BktParameters> skills = new EnumMap<>(start.skills());
        double[] familyGuess = new double[families];
        double[] familySlip = new double[families];
        for (Map.Entry<String, Integer> family : familyIndex.entrySet()) {
            GuessSlip rates = start.families().get(family.getKey());
            familyGuess[family.getValue()] = rates == null ? Double.NaN : rates.guess();
            familySlip[family.getValue()] = rates == null ? Double.NaN : rates.slip();
        }
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = previous;
        int iteration = 0;
        double[] familyCount = new double[families];
        while (iteration < maxIterations) {
            iteration++;
            Counts[] familyCounts = new Counts[families];
            for (int f = 0; f < families; f++) {
                familyCounts[f] = new Counts();
            }
            logLikelihood = 0;
            Map<Skill, BktParameters> next = new EnumMap<>(Skill.class);
            for (Map.Entry<Skill, List<Sequence>> entry : sequences.entrySet()) {
                BktParameters p = skills.get(entry.getKey());
                Counts counts = new Counts();
                for (Sequence sequence : entry.getValue()) {
                    logLikelihood += expect(sequence, p, familyGuess, familySlip, counts, familyCounts);
                }
                next.put(entry.getKey(), counts.maximise(p, forgetting));
            }
            skills.putAll(next);
            for (int f = 0; f < families; f++) {
                Counts c = familyCounts[f];
                familyCount[f] = c.guessDen + c.slipDen;
                // The skill rates this family shrinks towards: its skills' rates weighted by where its attempts fell.
                double guessTarget = c.guessTarget / Math.max(c.guessDen, 1e-12);
                double slipTarget = c.slipTarget / Math.max(c.slipDen, 1e-12);
                familyGuess[f] = clamp((c.guessNum + FAMILY_SHRINKAGE * guessTarget) / (c.guessDen + FAMILY_SHRINKAGE),
                        0.001, MAX_GUESS_SLIP);
                familySlip[f] = clamp((c.slipNum + FAMILY_SHRINKAGE * slipTarget) / (c.slipDen + FAMILY_SHRINKAGE),
                        0.001, MAX_GUESS_SLIP);
            }
            if (logLikelihood - previous < 1e-7 * Math.abs(logLikelihood)) {
                break;
            }
            previous = logLikelihood;
        }
        Map<String, GuessSlip> familyRates = new HashMap<>();
        for (Map.Entry<String, Integer> family : familyIndex.entrySet()) {
            int f = family.getValue();
            if (familyCount[f] >= FAMILY_MINIMUM) {
                familyRates.put(family.getKey(), new GuessSlip(familyGuess[f], familySlip[f]));
            }
        }
        return new Fit(new ModelParameters(skills, familyRates, start.beliefRise(), start.beliefDecay()), iteration,
                logLikelihood);
    }

    /** One student's opportunities of one skill: right or wrong, and the item family, in order. */
    private record Sequence(boolean[] correct, int[] family) {
    }

    private static Map<Skill, List<Sequence>> sequences(List<List<Attempt>> students, Map<String, Integer> familyIndex) {
        Map<Skill, List<Sequence>> sequences = new EnumMap<>(Skill.class);
        for (List<Attempt> attempts : students) {
            Map<Skill, List<Attempt>> bySkill = new EnumMap<>(Skill.class);
            for (Attempt attempt : attempts) {
                familyIndex.computeIfAbsent(attempt.item().family(), family -> familyIndex.size());
                for (Skill skill : attempt.item().skills()) {
                    bySkill.computeIfAbsent(skill, s -> new ArrayList<>()).add(attempt);
                }
            }
            bySkill.forEach((skill, list) -> {
                boolean[] correct = new boolean[list.size()];
                int[] family = new int[list.size()];
                for (int t = 0; t < list.size(); t++) {
                    correct[t] = list.get(t).correct();
                    family[t] = familyIndex.get(list.get(t).item().family());
                }
                sequences.computeIfAbsent(skill, s -> new ArrayList<>()).add(new Sequence(correct, family));
            });
        }
        return sequences;
    }

    /** Expected sufficient statistics of one sequence (forward-backward with scaling); returns its log-likelihood. */
    private static double expect(Sequence sequence, BktParameters p, double[] familyGuess, double[] familySlip,
            Counts counts, Counts[] familyCounts) {
        int n = sequence.correct().length;
        double[][] emission = new double[n][2];
        for (int t = 0; t < n; t++) {
            int f = sequence.family()[t];
            double guess = Double.isNaN(familyGuess[f]) ? p.guess() : familyGuess[f];
            double slip = Double.isNaN(familySlip[f]) ? p.slip() : familySlip[f];
            boolean right = sequence.correct()[t];
            emission[t][0] = right ? guess : 1 - guess;
            emission[t][1] = right ? 1 - slip : slip;
        }
        double[][] transition = {{1 - p.learn(), p.learn()}, {p.forget(), 1 - p.forget()}};
        double[][] alpha = new double[n][2];
        double[] scale = new double[n];
        double logLikelihood = 0;
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < 2; j++) {
                double before = t == 0 ? (j == 1 ? p.prior() : 1 - p.prior())
                        : alpha[t - 1][0] * transition[0][j] + alpha[t - 1][1] * transition[1][j];
                alpha[t][j] = before * emission[t][j];
            }
            scale[t] = Math.max(alpha[t][0] + alpha[t][1], 1e-300);
            alpha[t][0] /= scale[t];
            alpha[t][1] /= scale[t];
            logLikelihood += Math.log(scale[t]);
        }
        double[] beta = {1, 1};
        for (int t = n - 1; t >= 0; t--) {
            double known = alpha[t][1] * beta[1];
            double unknown = alpha[t][0] * beta[0];
            double total = known + unknown;
            known /= total;
            unknown /= total;
            if (t == 0) {
                counts.priorNum += known;
                counts.priorDen += 1;
            }
            boolean right = sequence.correct()[t];
            int f = sequence.family()[t];
            counts.emit(unknown, known, right, p);
            familyCounts[f].emit(unknown, known, right, p);
            if (t > 0) {
                // Transitions from t-1 into t.
                double[] newBeta = new double[2];
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        double xi = alpha[t - 1][i] * transition[i][j] * emission[t][j] * beta[j] / scale[t];
                        newBeta[i] += transition[i][j] * emission[t][j] * beta[j] / scale[t];
                        if (i == 0) {
                            counts.learnDen += xi;
                            counts.learnNum += j == 1 ? xi : 0;
                        } else {
                            counts.forgetDen += xi;
                            counts.forgetNum += j == 0 ? xi : 0;
                        }
                    }
                }
                beta = newBeta;
            }
        }
        return logLikelihood;
    }

    /** Expected counts for one skill or one family. */
    private static final class Counts {
        double priorNum;
        double priorDen;
        double learnNum;
        double learnDen;
        double forgetNum;
        double forgetDen;
        double guessNum;
        double guessDen;
        double slipNum;
        double slipDen;
        double guessTarget;
        double slipTarget;

        void emit(double unknown, double known, boolean right, BktParameters p) {
            guessDen += unknown;
            guessNum += right ? unknown : 0;
            slipDen += known;
            slipNum += right ? 0 : known;
            guessTarget += unknown * p.guess();
            slipTarget += known * p.slip();
        }

        BktParameters maximise(BktParameters previous, boolean forgetting) {
            return new BktParameters(
                    clamp(ratio(priorNum, priorDen, previous.prior()), 0.001, 0.999),
                    clamp(ratio(learnNum, learnDen, previous.learn()), 0.001, 0.999),
                    clamp(ratio(guessNum, guessDen, previous.guess()), 0.001, MAX_GUESS_SLIP),
                    clamp(ratio(slipNum, slipDen, previous.slip()), 0.001, MAX_GUESS_SLIP),
                    forgetting ? clamp(ratio(forgetNum, forgetDen, previous.forget()), 0, MAX_FORGET) : 0);
        }
    }

    private static double ratio(double numerator, double denominator, double otherwise) {
        return denominator < 1e-9 ? otherwise : numerator / denominator;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
