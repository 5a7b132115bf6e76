package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the logistic tracker's parameters to logged attempts: a logistic mixed model with the student's
 * ability, skill abilities and pace as random effects, by Laplace expectation maximisation (per student
 * the posterior mode and curvature of the random effects; then the fixed effects by penalised Newton
 * steps given the modes, and the prior variances from the modes and posterior variances). The
 * retention of the practice counts is chosen from {@link #RETENTIONS} by the Laplace approximation of the
 * marginal likelihood. An attempt on an item with several skills is right when every skill is: its
 * probability is the product of the skills' (as {@link LogisticTracker} predicts), and the fit uses that
 * likelihood with its expected information (Fisher scoring).
 * Family offsets are shrunk towards 0 (the authored difficulty's prediction) by a ridge penalty.
 */
public final class LogisticFitter {

    /** The retentions of practice counts per attempt that the fit chooses from (1: no forgetting). */
    public static final double[] RETENTIONS = {1.0, 0.998, 0.995, 0.99};

    private static final int SKILLS = Skill.values().length;
    private static final int D = Ability.DIMENSIONS;
    private static final int PACE = SKILLS + 1;
    private static final double FAMILY_RIDGE = 10;
    private static final double MIN_VARIANCE = 0.01;
    private static final double MAX_VARIANCE = 4;
    private static final double MAX_STEP = 0.5;

    private final int iterations;

    /** @param iterations EM iterations per candidate retention */
    public LogisticFitter(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("at least one iteration, got " + iterations);
        }
        this.iterations = iterations;
    }

    /** The fitted parameters and the approximate marginal log-likelihood of the data under them. */
    public record Fit(LogisticParameters parameters, double logLikelihood) {
    }

    /** Fits the parameters to {@code students}, each a list of attempts in the order made, starting from {@code start}. */
    public Fit fit(List<List<Attempt>> students, LogisticParameters start) {
        Map<String, Integer> families = new LinkedHashMap<>();
        for (List<Attempt> attempts : students) {
            for (Attempt attempt : attempts) {
                families.computeIfAbsent(attempt.item().family(), f -> families.size());
            }
        }
        Fit best = null;
        for (double retention : RETENTIONS) {
            Fit fit = fit(rows(students, families, retention), families, start, retention);
            if (best == null || fit.logLikelihood() > best.logLikelihood()) {
                best = fit;
            }
        }
        return best;
    }

    /**
     * One student's answers as rows: per attempt and skill, the skill, family, difficulty term and counts;
     * attempt {@code a} owns rows {@code start[a]} to {@code start[a + 1]} and has the outcome {@code correct[a]}.
     */
    private record Rows(int[] skill, int[] family, double[] difficulty, double[] successes, double[] failures,
            int[] start, boolean[] correct) {

        int attempts() {
            return correct.length;
        }
    }

    private static List<Rows> rows(List<List<Attempt>> students, Map<String, Integer> families, double retention) {
        List<Rows> all = new ArrayList<>();
        for (List<Attempt> attempts : students) {
            int n = 0;
            for (Attempt attempt : attempts) {
                n += attempt.item().skills().size();
            }
            Rows rows = new Rows(new int[n], new int[n], new double[n], new double[n], new double[n],
                    new int[attempts.size() + 1], new boolean[attempts.size()]);
            double[] s = new double[SKILLS];
            double[] f = new double[SKILLS];
            int r = 0;
            int a = 0;
            for (Attempt attempt : attempts) {
                rows.start[a] = r;
                rows.correct[a++] = attempt.correct();
                for (Skill skill : attempt.item().skills()) {
                    int k = skill.ordinal();
                    rows.skill[r] = k;
                    rows.family[r] = families.get(attempt.item().family());
                    rows.difficulty[r] = attempt.item().difficulty() - 0.5;
                    rows.successes[r] = s[k];
                    rows.failures[r++] = f[k];
                }
                for (Skill skill : attempt.item().skills()) {
                    if (attempt.correct()) {
                        s[skill.ordinal()] += 1;
                    } else {
                        f[skill.ordinal()] += 1;
                    }
                }
                for (int k = 0; k < SKILLS; k++) {
                    s[k] *= retention;
                    f[k] *= retention;
                }
            }
            rows.start[a] = r;
            all.add(rows);
        }
        return all;
    }

    /** The fixed effects as one vector: intercepts by skill, difficulty slope, family offsets, success and failure gain. */
    private static final class Fixed {
        final double[] theta;
        final int families;

        Fixed(LogisticParameters start, Map<String, Integer> familyIndex) {
            families = familyIndex.size();
            theta = new double[SKILLS + 1 + families + 2];
            for (Skill skill : Skill.values()) {
                theta[skill.ordinal()] = start.intercept(skill);
            }
            theta[SKILLS] = start.difficultySlope();
            familyIndex.forEach((family, f) -> theta[SKILLS + 1 + f] = start.familyOffsets().getOrDefault(family, 0.0));
            theta[SKILLS + 1 + families] = start.successGain();
            theta[SKILLS + 2 + families] = start.failureGain();
        }

        double success() {
            return theta[SKILLS + 1 + families];
        }

        double failure() {
            return theta[SKILLS + 2 + families];
        }

        /** The log-odds of row {@code r} without the random effects, and its practice term. */
        double fixedPart(Rows rows, int r) {
            return theta[rows.skill[r]] + theta[SKILLS] * rows.difficulty[r] + theta[SKILLS + 1 + rows.family[r]];
        }

        double practice(Rows rows, int r) {
            return success() * rows.successes[r] + failure() * rows.failures[r];
        }
    }

    private Fit fit(List<Rows> students, Map<String, Integer> familyIndex, LogisticParameters start, double retention) {
        Fixed fixed = new Fixed(start, familyIndex);
        double[] variances = {start.abilityVariance(), start.skillVariance(), start.paceVariance()};
        double[][] modes = new double[students.size()][D];
        double[][] posteriorVariances = new double[students.size()][D];
        double marginal = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] prior = priorPrecision(variances);
            marginal = 0;
            for (int s = 0; s < students.size(); s++) {
                // Later iterations start from the previous mode, so fewer Newton steps suffice.
                marginal += mode(students.get(s), fixed, prior, modes[s], posteriorVariances[s], iteration == 0 ? 5 : 2);
            }
            newtonStep(students, fixed, modes);
            double ability = 0;
            double skill = 0;
            double pace = 0;
            for (int s = 0; s < students.size(); s++) {
                ability += modes[s][0] * modes[s][0] + posteriorVariances[s][0];
                for (int k = 0; k < SKILLS; k++) {
                    skill += modes[s][1 + k] * modes[s][1 + k] + posteriorVariances[s][1 + k];
                }
                pace += modes[s][PACE] * modes[s][PACE] + posteriorVariances[s][PACE];
            }
            int n = Math.max(students.size(), 1);
            variances[0] = clamp(ability / n);
            variances[1] = clamp(skill / (n * SKILLS));
            variances[2] = clamp(pace / n);
        }
        Map<Skill, Double> intercepts = new EnumMap<>(Skill.class);
        for (Skill s : Skill.values()) {
            intercepts.put(s, fixed.theta[s.ordinal()]);
        }
        Map<String, Double> offsets = new HashMap<>();
        familyIndex.forEach((family, f) -> offsets.put(family, fixed.theta[SKILLS + 1 + f]));
        LogisticParameters parameters = new LogisticParameters(intercepts, fixed.theta[SKILLS], offsets,
                fixed.success(), fixed.failure(), retention, variances[0], variances[1], variances[2]);
        return new Fit(parameters, marginal);
    }

    private static double[] priorPrecision(double[] variances) {
        double[] prior = new double[D];
        prior[0] = 1 / variances[0];
        for (int k = 0; k < SKILLS; k++) {
            prior[1 + k] = 1 / variances[1];
        }
        prior[PACE] = 1 / variances[2];
        return prior;
    }

    /**
     * Newton iterations for one student's random effects from the previous mode; leaves the mode and the
     * posterior variances in the arrays and returns the Laplace approximation of the student's marginal
     * log-likelihood.
     */
    private static double mode(Rows rows, Fixed fixed, double[] prior, double[] z, double[] variance, int steps) {
        double[] h = new double[D];
        double[] v = new double[D];
        double[] hessian = new double[D * D];
        double logLikelihood = 0;
        for (int step = 0; step < steps; step++) {
            double[] gradient = new double[D];
            java.util.Arrays.fill(hessian, 0);
            for (int i = 0; i < D; i++) {
                gradient[i] = -prior[i] * z[i];
                hessian[i * D + i] = prior[i];
            }
            logLikelihood = 0;
            for (int a = 0; a < rows.attempts(); a++) {
                // The attempt is right when every skill is: P = product of p_k. v is the gradient of log P.
                java.util.Arrays.fill(v, 0);
                double all = 1;
                for (int r = rows.start[a]; r < rows.start[a + 1]; r++) {
                    double practice = fixed.practice(rows, r);
                    LogisticTracker.direction(h, rows.skill[r], practice);
                    double eta = fixed.fixedPart(rows, r) + practice + z[0] + z[1 + rows.skill[r]] + practice * z[PACE];
                    double p = LogisticTracker.sigmoid(eta);
                    all *= p;
                    for (int i = 0; i < D; i++) {
                        v[i] += (1 - p) * h[i];
                    }
                }
                Bernoulli outcome = Bernoulli.of(all, rows.correct[a]);
                logLikelihood += outcome.logLikelihood();
                for (int i = 0; i < D; i++) {
                    if (v[i] == 0) {
                        continue;
                    }
                    gradient[i] += outcome.score() * v[i];
                    for (int j = 0; j < D; j++) {
                        hessian[i * D + j] += outcome.information() * v[i] * v[j];
                    }
                }
            }
            double[] covariance = Cholesky.inverse(hessian, D);
            double[] delta = bounded(Cholesky.multiply(covariance, gradient, D));
            for (int i = 0; i < D; i++) {
                z[i] += delta[i];
                variance[i] = covariance[i * D + i];
            }
        }
        double logPrior = 0;
        for (int i = 0; i < D; i++) {
            logPrior += -0.5 * prior[i] * z[i] * z[i] + 0.5 * Math.log(prior[i]);
        }
        return logLikelihood + logPrior - 0.5 * Cholesky.logDeterminant(hessian, D);
    }

    /** Two penalised Newton steps on the fixed effects, with the random effects at their modes. */
    private static void newtonStep(List<Rows> students, Fixed fixed, double[][] modes) {
        int p = fixed.theta.length;
        // Per attempt, the gradient of log P in the fixed effects: five coefficients per skill row.
        int[] index = new int[5 * SKILLS];
        double[] x = new double[5 * SKILLS];
        for (int step = 0; step < 2; step++) {
            double[] gradient = new double[p];
            double[] hessian = new double[p * p];
            for (int j = 0; j < p; j++) {
                boolean family = j > SKILLS && j < SKILLS + 1 + fixed.families;
                double ridge = family ? FAMILY_RIDGE : 1e-4;
                gradient[j] = -ridge * fixed.theta[j];
                hessian[j * p + j] = ridge;
            }
            for (int s = 0; s < students.size(); s++) {
                Rows rows = students.get(s);
                double[] z = modes[s];
                double scale = 1 + z[PACE];
                for (int a = 0; a < rows.attempts(); a++) {
                    double all = 1;
                    int n = 0;
                    for (int r = rows.start[a]; r < rows.start[a + 1]; r++) {
                        int k = rows.skill[r];
                        double practice = fixed.practice(rows, r);
                        double eta = fixed.fixedPart(rows, r) + scale * practice + z[0] + z[1 + k];
                        double prob = LogisticTracker.sigmoid(eta);
                        all *= prob;
                        double weight = 1 - prob;
                        index[n] = k;
                        x[n++] = weight;
                        index[n] = SKILLS;
                        x[n++] = weight * rows.difficulty[r];
                        index[n] = SKILLS + 1 + rows.family[r];
                        x[n++] = weight;
                        index[n] = SKILLS + 1 + fixed.families;
                        x[n++] = weight * scale * rows.successes[r];
                        index[n] = SKILLS + 2 + fixed.families;
                        x[n++] = weight * scale * rows.failures[r];
                    }
                    Bernoulli outcome = Bernoulli.of(all, rows.correct[a]);
                    for (int i = 0; i < n; i++) {
                        gradient[index[i]] += outcome.score() * x[i];
                        for (int j = 0; j < n; j++) {
                            hessian[index[i] * p + index[j]] += outcome.information() * x[i] * x[j];
                        }
                    }
                }
            }
            double[] delta = bounded(Cholesky.multiply(Cholesky.inverse(hessian, p), gradient, p));
            for (int j = 0; j < p; j++) {
                fixed.theta[j] += delta[j];
            }
        }
    }

    /**
     * The Newton step scaled down so that no coordinate moves by more than {@link #MAX_STEP}: where several
     * skills share an answer the log-likelihood is not concave, and a full step from far away can overshoot
     * (the pace multiplies the gains, so one overshoot feeds the next).
     */
    private static double[] bounded(double[] delta) {
        double largest = 0;
        for (double d : delta) {
            largest = Math.max(largest, Math.abs(d));
        }
        if (largest > MAX_STEP) {
            for (int i = 0; i < delta.length; i++) {
                delta[i] *= MAX_STEP / largest;
            }
        }
        return delta;
    }

    private static double clamp(double variance) {
        return Math.max(MIN_VARIANCE, Math.min(MAX_VARIANCE, variance));
    }
}
