package org.chainwise.engine.mastery;

/**
 * One answer to an item that is right with probability P, the product of its skills' logistic
 * probabilities p_k, seen through the gradient v = Σ (1 − p_k)·∂η_k of log P: the answer's log-likelihood,
 * the factor {@code score} that makes {@code score·v} the gradient of that log-likelihood, and the factor
 * {@code information} that makes {@code information·v·vᵀ} its expected (Fisher) information. With one skill
 * these are the familiar logistic {@code (y − p)·∂η} and {@code p(1 − p)·∂η·∂ηᵀ}.
 */
record Bernoulli(double logLikelihood, double score, double information) {

    static Bernoulli of(double probability, boolean correct) {
        double p = Math.max(probability, 1e-300);
        double q = Math.max(1 - probability, 1e-12);
        return new Bernoulli(correct ? Math.log(p) : Math.log(q), correct ? 1 : -p / q, p / q);
    }
}
