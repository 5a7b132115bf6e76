package org.chainwise.engine.mastery;

import java.util.List;

/**
 * Fits every parameter of the {@link StudentModel} to a logged cohort: knowledge tracing by EM
 * ({@link BktFitter}), the logistic tracker by Laplace EM ({@link LogisticFitter}), then the blend
 * weight of the two predictions by the log-likelihood of the model's own online predictions on that log.
 */
public final class Calibration {

    private Calibration() {
    }

    /** The fitted parameters and what each fit reports. */
    public record Result(ModelParameters parameters, BktFitter.Fit tracing, LogisticFitter.Fit logistic) {
    }

    /** Fits the model to {@code students}, each a list of attempts in the order they were made. */
    public static Result fit(List<List<Attempt>> students, ModelParameters start) {
        BktFitter.Fit tracing = new BktFitter(100, true).fit(students, start);
        LogisticFitter.Fit logistic = new LogisticFitter(10).fit(students, start.logistic());
        ModelParameters both = tracing.parameters().withLogistic(logistic.parameters(), start.tracingWeight());
        return new Result(both.withLogistic(logistic.parameters(), tracingWeight(students, both)), tracing, logistic);
    }

    /** The weight of knowledge tracing, in steps of 0.05, whose blend best predicts each next answer of the log. */
    static double tracingWeight(List<List<Attempt>> students, ModelParameters parameters) {
        StudentModel model = new StudentModel(parameters);
        int n = students.stream().mapToInt(List::size).sum();
        double[] tracing = new double[n];
        double[] logistic = new double[n];
        boolean[] correct = new boolean[n];
        int t = 0;
        for (List<Attempt> attempts : students) {
            StudentState state = model.start();
            for (Attempt attempt : attempts) {
                tracing[t] = model.predictTracing(state, attempt.item());
                logistic[t] = model.tracker().predict(model.performance(state), attempt.item());
                correct[t++] = attempt.correct();
                state = model.update(state, attempt);
            }
        }
        double best = parameters.tracingWeight();
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 20; step++) {
            double w = step / 20.0;
            double likelihood = 0;
            for (int i = 0; i < n; i++) {
                double p = w * tracing[i] + (1 - w) * logistic[i];
                likelihood += Math.log(Math.max(correct[i] ? p : 1 - p, 1e-300));
            }
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = w;
            }
        }
        return best;
    }
}
