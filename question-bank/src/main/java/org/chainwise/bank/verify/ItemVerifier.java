package org.chainwise.bank.verify;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Given;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Layer;
import org.chainwise.bank.item.SolutionStep;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.expr.Expr;

/**
 * The gate every item passes before it is served: the canonical answer is right, each distractor is
 * wrong in the way its code says, and nothing printed has a defect a teacher would not write.
 * This is the one place the question bank asks the engine whether an answer is right.
 */
public final class ItemVerifier {

    public Verification verify(Item item) {
        List<String> problems = new ArrayList<>();
        checkPrintedForms(item, problems);
        switch (item.type()) {
            case DIFFERENTIATE, SPOT_THE_ERROR, GRAPH_PATHS, JACOBIAN -> checkDerivative(item, problems);
            case EVALUATE_AT_POINT -> checkNumber(item, 1, problems);
            case PREDICT -> checkNumber(item, given(item, "dx"), problems);
            case DECOMPOSE -> checkDecomposition(item, problems);
        }
        return new Verification(problems);
    }

    /** The answer is the derivative of the function; each distractor is a different function. */
    private static void checkDerivative(Item item, List<String> problems) {
        String x = item.variable();
        Expr expected = Derivative.of(item.function().expr(), x);
        if (!Sampling.varies(expected, x)) {
            problems.add("the derivative is constant: " + item.function().text());
        }
        if (!Sampling.same(item.canonicalAnswer().expr(), expected, x)) {
            problems.add("canonical answer " + item.canonicalAnswer().text() + " is not the derivative");
        }
        checkDistinctDistractors(item, expected, problems);
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
        if (!Sampling.same(composed, item.function().expr(), x)) {
            problems.add("f(g(x)) is not the function: " + f.value().text() + " of " + g.value().text());
        }
        checkDistinctDistractors(item, item.function().expr(), problems);
    }

    private static void checkDistinctDistractors(Item item, Expr right, List<String> problems) {
        String x = item.variable();
        List<Expr> seen = new ArrayList<>(List.of(right));
        for (Distractor d : item.distractors()) {
            Expr wrong = d.answer().expr();
            if (seen.stream().anyMatch(s -> !Sampling.differ(s, wrong, x))) {
                problems.add("distractor " + d.code() + " cannot be told apart: " + d.answer().text());
            }
            seen.add(wrong);
        }
    }

    private static void checkPrintedForms(Item item, List<String> problems) {
        List<String> printed = new ArrayList<>();
        printed.add(item.stem().text());
        item.answer().forEach(a -> printed.add(a.value().text()));
        item.layers().stream().map(Layer::function).forEach(f -> printed.add(f.text()));
        item.givens().stream().map(Given::value).forEach(f -> printed.add(f.text()));
        item.distractors().forEach(d -> printed.add(d.answer().text()));
        item.solution().stream().map(SolutionStep::explanation).forEach(printed::add);
        printed.addAll(item.hints().inOrder());
        for (String text : printed) {
            for (String defect : Defects.in(text)) {
                problems.add(defect + " in: " + text);
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
