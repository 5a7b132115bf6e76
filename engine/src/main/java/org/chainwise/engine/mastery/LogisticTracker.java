package org.chainwise.engine.mastery;

/**
 * The logistic performance tracker of {@link LogisticParameters}: a normal posterior over the student's
 * ability, skill abilities and pace, updated after each answer by one Newton step of the exact
 * likelihood at the current mean (a Laplace approximation, as in online Bayesian Elo ratings). It says
 * how likely a right answer is and how sure it is that a typical item of a skill is answered right with
 * probability at least {@link #MASTERED_SUCCESS}.
 */
final class LogisticTracker {

    /** A skill is mastered when a typical item of it (difficulty 0.5) is answered right at least this often. */
    static final double MASTERED_SUCCESS = 0.8;

    private static final int SKILLS = Skill.values().length;
    private static final int PACE = SKILLS + 1;
    private static final int D = Ability.DIMENSIONS;
    private static final double MASTERED_LOGIT = Math.log(MASTERED_SUCCESS / (1 - MASTERED_SUCCESS));

    private final LogisticParameters parameters;
    private final double[] priorPrecision = new double[D];

    LogisticTracker(LogisticParameters parameters) {
        this.parameters = parameters;
        priorPrecision[0] = 1 / parameters.abilityVariance();
        for (int k = 0; k < SKILLS; k++) {
            priorPrecision[1 + k] = 1 / parameters.skillVariance();
        }
        priorPrecision[PACE] = 1 / parameters.paceVariance();
    }

    LogisticParameters parameters() {
        return parameters;
    }

    /**
     * The posterior of one student, per skill: the mean and variance of the log-odds of a right answer to
     * a typical item of the skill. An item's log-odds add {@link LogisticParameters#itemOffset}.
     */
    record Skills(double[] mean, double[] variance, double[] mastery, double rightGain, double wrongGain,
            double[] latent) {

        /**
         * The expected progress of skill {@code k} from one answer that is right with probability
         * {@code p}: the expected rise of its log-odds (the student's own gains for a right and a wrong
         * answer) times the probability the skill is not yet mastered, as knowledge tracing's learning
         * rate times P(unknown). (The slope of the mastery probability instead would value a skill that
         * has lapsed far below mastery at almost nothing, and on forgetting learners such skills were
         * left to lapse further: MASTERY.md, "Why elo falls short".)
         */
        double expectedProgress(int k, double p) {
            return (p * rightGain + (1 - p) * wrongGain) * (1 - mastery[k]);
        }

        /** The probability of a right answer on skill {@code k} at log-odds offset {@code offset}, averaged over the posterior. */
        double probability(int k, double offset) {
            return sigmoid((mean[k] + offset) / Math.sqrt(1 + Math.PI * variance[k] / 8));
        }

        /** The posterior probability that a typical item of skill {@code k} is answered right at least {@link #MASTERED_SUCCESS} of the time. */
        double masteryProbability(int k) {
            return mastery[k];
        }
    }

    // The last posterior computed on each thread: a selection, an update and the mastery checks of
    // one step all ask about the same state, and the posterior costs a matrix inverse. Per thread,
    // because the service's threads each work through states of their own learners at once.
    private final ThreadLocal<Cached> cached = new ThreadLocal<>();

    private record Cached(Ability ability, Skills skills) {
    }

    Skills skills(Ability ability) {
        Cached last = cached.get();
        if (last != null && last.ability() == ability) {
            return last.skills();
        }
        Skills skills = compute(ability);
        cached.set(new Cached(ability, skills));
        return skills;
    }

    private Skills compute(Ability ability) {
        double[] precision = ability.precisionArray();
        for (int i = 0; i < D; i++) {
            precision[i * D + i] += priorPrecision[i];
        }
        double[] covariance = Cholesky.inverse(precision, D);
        double[] latent = Cholesky.multiply(covariance, ability.informationArray(), D);
        double[] successes = ability.successArray();
        double[] failures = ability.failureArray();
        double[] mean = new double[SKILLS];
        double[] variance = new double[SKILLS];
        double[] h = new double[D];
        for (int k = 0; k < SKILLS; k++) {
            double practice = parameters.successGain() * successes[k] + parameters.failureGain() * failures[k];
            direction(h, k, practice);
            double m = parameters.intercept(Skill.values()[k]) + practice;
            double v = 0;
            for (int i = 0; i < D; i++) {
                if (h[i] == 0) {
                    continue;
                }
                m += h[i] * latent[i];
                for (int j = 0; j < D; j++) {
                    v += h[i] * covariance[i * D + j] * h[j];
                }
            }
            mean[k] = m;
            variance[k] = v;
        }
        double[] mastery = new double[SKILLS];
        for (int k = 0; k < SKILLS; k++) {
            mastery[k] = Normal.cdf((mean[k] - MASTERED_LOGIT) / Math.sqrt(variance[k]));
        }
        double pace = 1 + latent[PACE];
        return new Skills(mean, variance, mastery, pace * parameters.successGain(), pace * parameters.failureGain(), latent);
    }

    /** The probability of a right answer to {@code item}: the product over its skills. */
    double predict(Skills skills, Candidate item) {
        double offset = parameters.itemOffset(item);
        double p = 1;
        for (Skill skill : item.skills()) {
            p *= skills.probability(skill.ordinal(), offset);
        }
        return p;
    }

    /** The evidence after one answer to {@code item}. */
    Ability update(Ability ability, Candidate item, boolean correct) {
        double[] precision = ability.precisionArray();
        double[] information = ability.informationArray();
        double[] successes = ability.successArray();
        double[] failures = ability.failureArray();
        // Linearise at the current posterior mean of the latent vector.
        double[] latent = skills(ability).latent();
        double offset = parameters.itemOffset(item);
        int n = item.skills().size();
        double[] p = new double[n];
        double[] practice = new double[n];
        int[] index = new int[n];
        int s = 0;
        for (Skill skill : item.skills()) {
            int k = skill.ordinal();
            practice[s] = parameters.successGain() * successes[k] + parameters.failureGain() * failures[k];
            double[] h = direction(new double[D], k, practice[s]);
            double eta = parameters.intercept(skill) + practice[s] + offset;
            for (int i = 0; i < D; i++) {
                eta += h[i] * latent[i];
            }
            p[s] = sigmoid(eta);
            index[s++] = k;
        }
        double all = 1;
        for (double value : p) {
            all *= value;
        }
        // One Newton (Fisher scoring) step of the exact likelihood of a right answer, P = product of p_k:
        // in the direction v = sum of (1 - p_k) h_k, the gradient of log P.
        double[] v = new double[D];
        double[] h = new double[D];
        for (int t = 0; t < n; t++) {
            direction(h, index[t], practice[t]);
            for (int i = 0; i < D; i++) {
                v[i] += (1 - p[t]) * h[i];
            }
        }
        Bernoulli outcome = Bernoulli.of(all, correct);
        double projected = 0;
        for (int i = 0; i < D; i++) {
            projected += v[i] * latent[i];
        }
        for (int i = 0; i < D; i++) {
            if (v[i] == 0) {
                continue;
            }
            information[i] += v[i] * (outcome.score() + outcome.information() * projected);
            for (int j = 0; j < D; j++) {
                precision[i * D + j] += outcome.information() * v[i] * v[j];
            }
        }
        for (int k : index) {
            if (correct) {
                successes[k] += 1;
            } else {
                failures[k] += 1;
            }
        }
        for (int k = 0; k < SKILLS; k++) {
            successes[k] *= parameters.retention();
            failures[k] *= parameters.retention();
        }
        return Ability.of(precision, information, successes, failures);
    }

    /** The coefficients of the latent vector in skill {@code k}'s log-odds: ability, the skill's ability, pace times practice. */
    static double[] direction(double[] h, int k, double practice) {
        java.util.Arrays.fill(h, 0);
        h[0] = 1;
        h[1 + k] = 1;
        h[PACE] = practice;
        return h;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
