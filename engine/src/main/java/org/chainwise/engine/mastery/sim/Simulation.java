package org.chainwise.engine.mastery.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.chainwise.engine.mastery.AdaptivePolicy;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.BktFitter;
import org.chainwise.engine.mastery.BktParameters;
import org.chainwise.engine.mastery.Calibration;
import org.chainwise.engine.mastery.LogisticFitter;
import org.chainwise.engine.mastery.LogisticParameters;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.FixedPolicy;
import org.chainwise.engine.mastery.GuessSlip;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.Policy;
import org.chainwise.engine.mastery.Selection;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StreakPolicy;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;

/**
 * One simulation run: a calibration cohort (its own random stream, never part of the evaluation) works
 * through a fixed sheet of {@code calibrationPerSkill} items per skill and a quarter as many rounds of
 * mixed review, and the student model is fitted to its log (as a deployment would fit to a pilot term);
 * then {@code students} new students from the same population practise under the policy until it
 * declares mastery, the practice set has nothing left to serve, or {@code budget} items. The fixed
 * baseline is {@code fixedPerSkill} items per skill and {@code fixedReview} rounds of mixed review.
 * Every student has its own random stream derived from the seed, so the policies meet the very same
 * students and the run is reproducible. The bank gives every item one skill, or with {@code combinedSkills}
 * the question bank's combinations of skills ({@link Bank#combined}).
 */
public record Simulation(Population population, String policy, int students, long seed, int calibrationStudents,
        int calibrationPerSkill, int budget, int fixedPerSkill, int fixedReview, int variantsPerFamily,
        boolean combinedSkills) {

    /** {@code variantsPerFamily} for {@link Bank#standard()}: per skill as many variants as the question bank has. */
    public static final int QUESTION_BANK_SIZE = 0;

    /** The policies the simulator knows, by name. */
    public static final List<String> POLICIES = List.of("adaptive", "fixed", "streak3");

    public Simulation {
        Objects.requireNonNull(population, "population");
        if (!POLICIES.contains(policy)) {
            throw new IllegalArgumentException("unknown policy '" + policy + "', expected one of " + POLICIES);
        }
        if (students < 1 || calibrationStudents < 0 || calibrationPerSkill < 1 || budget < 1 || fixedPerSkill < 1
                || fixedReview < 0 || variantsPerFamily < 0) {
            throw new IllegalArgumentException("students, budget and fixed items per skill must be positive, variants not negative (0: the question bank's sizes)");
        }
    }

    /** The figures of a run. */
    public record Report(int students, double studentsMastered, double studentsTrulyMastered,
            double medianItemsToMastery, double meanItems, double falseMasteryRate, double auc, double oracleAuc,
            int responses, int calibrationIterations, int fittedFamilies, Map<String, Double> recoveryError,
            Map<String, Double> logistic) {
    }

    /** Runs the simulation. */
    public Report run() {
        List<Candidate> bank = bank();
        Calibration.Result fit = calibrate(bank);
        StudentModel model = new StudentModel(fit.parameters());
        Policy chosen = switch (policy) {
            case "adaptive" -> new AdaptivePolicy(model, seed);
            case "fixed" -> new FixedPolicy(fixedPerSkill, fixedReview);
            default -> new StreakPolicy(3);
        };
        Set<Skill> goal = EnumSet.noneOf(Skill.class);
        bank.forEach(item -> goal.addAll(item.skills()));
        Predictions predictions = new Predictions();
        List<Integer> itemsToMastery = new ArrayList<>();
        long totalItems = 0;
        int trulyMastered = 0;
        int declarations = 0;
        int falseDeclarations = 0;
        for (int s = 0; s < students; s++) {
            SplittableRandom random = new SplittableRandom(mix(seed, s));
            SimulatedStudent student = population.draw(random);
            StudentState state = model.start();
            Set<Skill> declared = EnumSet.noneOf(Skill.class);
            int items = 0;
            while (true) {
                Selection next = chosen.next(state, bank);
                if (next instanceof Selection.Complete) {
                    itemsToMastery.add(items);
                    break;
                }
                if (!(next instanceof Selection.Serve serve) || items == budget) {
                    break;
                }
                Candidate item = serve.item();
                double predicted = model.predict(state, item);
                double oracle = student.oracle(item);
                Attempt attempt = student.answer(item, random);
                predictions.add(predicted, oracle, attempt.correct());
                state = model.update(state, attempt);
                items++;
                for (Skill skill : goal) {
                    if (!declared.contains(skill) && chosen.declaresMastered(state, skill)) {
                        declared.add(skill);
                        declarations++;
                        falseDeclarations += student.masters(skill) ? 0 : 1;
                    }
                }
            }
            totalItems += items;
            if (goal.stream().allMatch(student::masters)) {
                trulyMastered++;
            }
        }
        return new Report(students, itemsToMastery.size() / (double) students, trulyMastered / (double) students,
                median(itemsToMastery), totalItems / (double) students,
                declarations == 0 ? 0 : falseDeclarations / (double) declarations,
                predictions.auc(), predictions.oracleAuc(), predictions.size, fit.tracing().iterations(),
                fit.parameters().families().size(), population == Population.BKT ? recoveryError(fit.parameters()) : Map.of(),
                logisticSummary(fit.parameters()));
    }

    /** The practice set of this run. */
    List<Candidate> bank() {
        if (combinedSkills) {
            return variantsPerFamily == QUESTION_BANK_SIZE ? Bank.combined() : Bank.combinedOf(variantsPerFamily);
        }
        return variantsPerFamily == QUESTION_BANK_SIZE ? Bank.standard() : Bank.of(variantsPerFamily);
    }

    /** Fits the model to a calibration cohort's log of the fixed sheet; the defaults when there is no cohort. */
    Calibration.Result calibrate(List<Candidate> bank) {
        if (calibrationStudents == 0) {
            return new Calibration.Result(ModelParameters.DEFAULT, new BktFitter.Fit(ModelParameters.DEFAULT, 0, Double.NaN),
                    new LogisticFitter.Fit(LogisticParameters.DEFAULT, Double.NaN));
        }
        // A pilot term's sheet: blocks, then a quarter as much mixed review, so forgetting over a delay shows in the log.
        Policy sheet = new FixedPolicy(calibrationPerSkill, Math.max(1, calibrationPerSkill / 4));
        StudentModel defaults = new StudentModel(ModelParameters.DEFAULT);
        List<List<Attempt>> log = new ArrayList<>();
        for (int s = 0; s < calibrationStudents; s++) {
            SplittableRandom random = new SplittableRandom(mix(~seed, s));
            SimulatedStudent student = population.draw(random);
            StudentState state = defaults.start();
            List<Attempt> attempts = new ArrayList<>();
            while (sheet.next(state, bank) instanceof Selection.Serve serve) {
                Attempt attempt = student.answer(serve.item(), random);
                attempts.add(attempt);
                state = defaults.update(state, attempt);
            }
            log.add(attempts);
        }
        return Calibration.fit(log, ModelParameters.DEFAULT);
    }

    /** The fitted logistic tracker's parameters shared by all skills, and the blend weight. */
    private static Map<String, Double> logisticSummary(ModelParameters fitted) {
        LogisticParameters p = fitted.logistic();
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("successGain", p.successGain());
        summary.put("failureGain", p.failureGain());
        summary.put("retention", p.retention());
        summary.put("abilitySd", Math.sqrt(p.abilityVariance()));
        summary.put("skillSd", Math.sqrt(p.skillVariance()));
        summary.put("paceSd", Math.sqrt(p.paceVariance()));
        summary.put("difficultySlope", p.difficultySlope());
        summary.put("meanIntercept", p.intercepts().values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
        summary.put("tracingWeight", fitted.tracingWeight());
        return summary;
    }

    /** Mean absolute errors of the fitted parameters against the generating knowledge-tracing population's. */
    private Map<String, Double> recoveryError(ModelParameters fitted) {
        double prior = 0;
        double learn = 0;
        for (Skill skill : Skill.values()) {
            BktParameters truth = BktStudent.generating(skill);
            // The population's mean learning rate: the skill's rate times the mean of the lognormal pace.
            double meanLearn = truth.learn() * Math.exp(BktStudent.PACE_SPREAD * BktStudent.PACE_SPREAD / 2);
            prior += Math.abs(fitted.skill(skill).prior() - truth.prior());
            learn += Math.abs(fitted.skill(skill).learn() - meanLearn);
        }
        double guess = 0;
        double slip = 0;
        int families = 0;
        for (Candidate item : combinedSkills ? Bank.combinedOf(2) : Bank.of(2)) {
            GuessSlip rates = fitted.families().get(item.family());
            if (rates != null && item.variantKey().endsWith("#0")) {
                GuessSlip truth = BktStudent.emission(item.difficulty());
                guess += Math.abs(rates.guess() - truth.guess());
                slip += Math.abs(rates.slip() - truth.slip());
                families++;
            }
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        int skills = Skill.values().length;
        errors.put("prior", prior / skills);
        errors.put("learn", learn / skills);
        errors.put("familyGuess", families == 0 ? Double.NaN : guess / families);
        errors.put("familySlip", families == 0 ? Double.NaN : slip / families);
        return errors;
    }

    private static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Next-response predictions of our model and of the oracle, with the outcomes. */
    private static final class Predictions {
        double[] ours = new double[1024];
        double[] oracle = new double[1024];
        boolean[] outcomes = new boolean[1024];
        int size;

        void add(double predicted, double truth, boolean outcome) {
            if (size == ours.length) {
                ours = Arrays.copyOf(ours, size * 2);
                oracle = Arrays.copyOf(oracle, size * 2);
                outcomes = Arrays.copyOf(outcomes, size * 2);
            }
            ours[size] = predicted;
            oracle[size] = truth;
            outcomes[size++] = outcome;
        }

        double auc() {
            return Auc.of(Arrays.copyOf(ours, size), Arrays.copyOf(outcomes, size));
        }

        double oracleAuc() {
            return Auc.of(Arrays.copyOf(oracle, size), Arrays.copyOf(outcomes, size));
        }
    }
}
