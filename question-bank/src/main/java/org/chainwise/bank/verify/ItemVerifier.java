package org.chainwise.bank.verify;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.bank.generate.Diagnosers;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.check.ReferenceAnswer;
import org.chainwise.engine.diagnose.Diagnoser;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.expr.Expr;

/**
 * The gate every item passes before it is served: the canonical answer is right, each distractor is
 * wrong in the way its code says, and nothing printed has a defect a teacher would not write.
 * This is the one place the question bank asks the engine whether an answer is right: the engine's
 * checker grades the canonical derivative, and its diagnoser must name each chain-rule distractor
 * by the distractor's own code and layer.
 */
public final class ItemVerifier {

    private final Checker checker;

    /** A verifier grading with {@code checker}, which is shared by every item (its decisions are cached). */
    public ItemVerifier(Checker checker) {
        this.checker = checker;
    }

    public Verification verify(Item item) {
        List<String> problems = new ArrayList<>();
        checkPrintedForms(item, problems);
        switch (item.type()) {
            case DIFFERENTIATE, SPOT_THE_ERROR -> {
                checkDerivative(item, problems);
                checkGraded(item, problems);
                checkDiagnosed(item, problems);
            }
            case GRAPH_PATHS, JACOBIAN -> {
                checkDerivative(item, problems);
                checkGraded(item, problems);
            }
            case EVALUATE_AT_POINT -> checkNumber(item, 1, problems);
            case PREDICT -> checkNumber(item, given(item, "dx"), problems);
            case DECOMPOSE -> checkDecomposition(item, problems);
        }
        return new Verification(problems);
    }

    /** The answer is the derivative of the function; each distractor is a different function. */
    private static void checkDerivative(Item item, List<String> problems) {
        String x = item.variable();
        Sampling expected = Sampling.of(Derivative.of(item.function().expr(), x), x);
        if (!expected.varies()) {
            problems.add("the derivative is constant: " + item.function().text());
        }
        if (!expected.same(item.canonicalAnswer().expr())) {
            problems.add("canonical answer " + item.canonicalAnswer().text() + " is not the derivative");
        }
        checkDistinctDistractors(item, expected, problems);
    }

    /** The engine's checker grades the canonical answer correct against the derivative of the function. */
    private void checkGraded(Item item, List<String> problems) {
        String x = item.variable();
        ReferenceAnswer reference = ReferenceAnswer.of(Derivative.of(item.function().expr(), x), x);
        if (!checker.check(reference, item.canonicalAnswer().expr()).correct()) {
            problems.add("the checker does not grade " + item.canonicalAnswer().text() + " correct");
        }
    }

    /** The engine's diagnoser names each distractor first by the distractor's own code and layer. */
    private static void checkDiagnosed(Item item, List<String> problems) {
        Diagnoser diagnoser = Diagnosers.forFunction(item.function().expr(), item.variable());
        for (Distractor d : item.distractors()) {
            List<Diagnosis> found = diagnoser.diagnose(d.answer().expr());
            if (found.isEmpty() || found.getFirst().code() != d.code() || found.getFirst().layer() != d.layer()) {
                problems.add("distractor " + d.code() + " at layer " + d.layer() + " is diagnosed as "
                        + found.stream().map(f -> f.code() + "@" + f.layer()).toList() + ": " + d.answer().text());
            }
        }
    }

    /** The answer is the derivative at the given point (times the nudge, for a prediction). */
    private static void checkNumber(Item item, double factor, List<String> problems) {
        String x = item.variable();
        double at = given(item, x);
        Expr derivative = Derivative.of(item.function().expr(), x);
        double expected = NumericFunction.compile(derivative, x).evaluate(at) * factor;
        double actual = value(item.canonicalAnswer().expr());
        if (!Double.isFinite(expected) || !Sampling.close(expected, actual)) {
            problems.add("canonical answer " + actual + " is not " + expected);
        }
        if (Sampling.close(expected, 0)) {
            problems.add("the derivative is 0 at the point");
        }
        List<Double> seen = new ArrayList<>(List.of(actual));
        for (Distractor d : item.distractors()) {
            double wrong = value(d.answer().expr());
            if (seen.stream().anyMatch(s -> Sampling.close(s, wrong))) {
                problems.add("distractor " + d.code() + " repeats an answer: " + d.answer().text());
            }
            seen.add(wrong);
        }
    }

    /** f(g(x)) is the function; each distractor composes to something else. */
    private static void checkDecomposition(Item item, List<String> problems) {
        String x = item.variable();
        AnswerPart f = item.answer().get(0);
        AnswerPart g = item.answer().get(1);
        Expr composed = f.value().expr().substitute(f.variable(), g.value().expr());
        Sampling function = Sampling.of(item.function().expr(), x);
        if (!function.same(composed)) {
            problems.add("f(g(x)) is not the function: " + f.value().text() + " of " + g.value().text());
        }
        checkDistinctDistractors(item, function, problems);
    }

    private static void checkDistinctDistractors(Item item, Sampling right, List<String> problems) {
        List<double[]> seen = new ArrayList<>(List.of(right.referenceValues()));
        for (Distractor d : item.distractors()) {
            double[] wrong = right.valuesOf(d.answer().expr());
            if (seen.stream().anyMatch(s -> !Sampling.differ(s, wrong))) {
                problems.add("distractor " + d.code() + " cannot be told apart: " + d.answer().text());
            }
            seen.add(wrong);
        }
    }

    /** Every formula the item shows; stems, hints and steps are assembled from these, so checking them covers those too. */
    private static void checkPrintedForms(Item item, List<String> problems) {
        List<Formula> shown = new ArrayList<>(List.of(item.function()));
        item.answer().forEach(a -> shown.add(a.value()));
        item.layers().forEach(l -> shown.add(l.function()));
        item.givens().forEach(g -> shown.add(g.value()));
        item.distractors().forEach(d -> shown.add(d.answer()));
        item.solution().forEach(s -> shown.add(s.result()));
        for (Formula formula : shown) {
            for (String defect : Defects.in(formula.text())) {
                problems.add(defect + " in: " + formula.text());
            }
        }
    }

    private static double given(Item item, String name) {
        return item.givens().stream().filter(g -> g.name().equals(name)).findFirst()
                .map(g -> value(g.value().expr()))
                .orElseThrow(() -> new IllegalArgumentException(item.id() + " gives no " + name));
    }

    private static double value(Expr constant) {
        return NumericFunction.compile(constant, List.of()).evaluate();
    }
}
