package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the logistic tracker has learnt about one student, as serialisable numbers: the evidence about
 * the student's latent ability, skill abilities and pace in information form (the precision matrix the
 * answers contributed, row by row, and the information vector), and per skill the decayed counts of
 * right and wrong answers. The priors are not stored: they come from the model's parameters, so a
 * state stays meaningful when the parameters are refitted. {@link #NONE} is a student with no answers.
 */
public record Ability(List<Double> precision, List<Double> information, List<Double> successes,
        List<Double> failures) {

    /** The latent dimensions: general ability, one ability per skill, pace. */
    static final int DIMENSIONS = Skill.values().length + 2;

    /** No answers yet. */
    public static final Ability NONE = new Ability(zeros(DIMENSIONS * DIMENSIONS), zeros(DIMENSIONS),
            zeros(Skill.values().length), zeros(Skill.values().length));

    public Ability {
        precision = checked("precision", precision, DIMENSIONS * DIMENSIONS);
        information = checked("information", information, DIMENSIONS);
        successes = checked("successes", successes, Skill.values().length);
        failures = checked("failures", failures, Skill.values().length);
    }

    static Ability of(double[] precision, double[] information, double[] successes, double[] failures) {
        return new Ability(list(precision), list(information), list(successes), list(failures));
    }

    double[] precisionArray() {
        return array(precision);
    }

    double[] informationArray() {
        return array(information);
    }

    double[] successArray() {
        return array(successes);
    }

    double[] failureArray() {
        return array(failures);
    }

    private static List<Double> checked(String name, List<Double> values, int size) {
        Objects.requireNonNull(values, name);
        if (values.size() != size) {
            throw new IllegalArgumentException(name + " has " + size + " numbers, got " + values.size());
        }
        for (Double value : values) {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " holds finite numbers only");
            }
        }
        return List.copyOf(values);
    }

    private static List<Double> zeros(int size) {
        return Collections.nCopies(size, 0.0);
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static double[] array(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
