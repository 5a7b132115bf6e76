package org.chainwise.bank.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.bank.concept.ChainRulePage;
import org.chainwise.bank.concept.MisconceptionRepair;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.verify.Sampling;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.check.Grade;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.parse.AnswerParser;
import org.chainwise.engine.parse.ParseResult;
import org.chainwise.engine.print.Latex;
import org.chainwise.engine.print.PlainText;

/**
 * The rule for grading an answer to an item of any type, every part read by the engine's parser
 * and judged by the engine:
 * <ul>
 * <li>a derivative (differentiate, spot the error, graph paths, Jacobian): the engine's {@link Grader}
 *     against the item's function, with its diagnosis;</li>
 * <li>a number (evaluate at a point, predict): any constant expression, correct within
 *     {@value #RELATIVE_TOLERANCE} of the value relative to its size (so {@code 6cos(9)} and a value
 *     rounded to three significant figures both count); a value matching a distractor's is diagnosed
 *     as that distractor's misconception;</li>
 * <li>a decomposition: f (of u) and g (of x), correct when f(g(x)) is the function and neither is
 *     the identity; the two swapped is {@link Misconception#REVERSED_NESTING}.</li>
 * </ul>
 * Thread-safe when its grader is.
 */
public final class ItemGrader {

    /** How close a number must be to the value, relative to the value's size (and at least 1e-9 absolutely). */
    static final double RELATIVE_TOLERANCE = 1e-3;
    private static final double ABSOLUTE_TOLERANCE = 1e-9;
    /** Part answers longer than this are refused before parsing (the parser bounds them too). */
    public static final int MAX_PART_LENGTH = 2_000;

    private final Grader grader;
    private final ChainRulePage page = ChainRulePage.standard();

    public ItemGrader(Grader grader) {
        this.grader = Objects.requireNonNull(grader, "grader");
    }

    /** The names of the parts an answer to {@code item} has, in order ({@code answer}, or {@code f} and {@code g}). */
    public static List<String> parts(Item item) {
        return item.answer().stream().map(AnswerPart::name).toList();
    }

    /** The item's canonical answer as a student would send it: each part's text by part name. */
    public static Map<String, String> rightAnswer(Item item) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (AnswerPart part : item.answer()) {
            answers.put(part.name(), part.value().text());
        }
        return answers;
    }

    /** Grades {@code answers}, one text per part name; a missing part makes the answer invalid. */
    public ItemGrade grade(Item item, Map<String, String> answers) {
        long start = System.nanoTime();
        for (AnswerPart part : item.answer()) {
            String text = answers.get(part.name());
            if (text == null || text.isBlank()) {
                return ItemGrade.invalid(new PartError(part.name(), InputError.outsideAnswer(
                        "the answer has no part \"" + part.name() + "\"; give " + describe(item))), since(start));
            }
            if (text.length() > MAX_PART_LENGTH) {
                return ItemGrade.invalid(new PartError(part.name(), InputError.outsideAnswer(
                        "the answer is longer than " + MAX_PART_LENGTH + " characters")), since(start));
            }
        }
        return switch (item.type()) {
            case DIFFERENTIATE, SPOT_THE_ERROR, GRAPH_PATHS, JACOBIAN -> derivative(item, answers.get("answer"), start);
            case EVALUATE_AT_POINT, PREDICT -> number(item, answers.get("answer"), start);
            case DECOMPOSE -> decomposition(item, answers, start);
        };
    }

    /** How {@code text} would be read as the part {@code part} of an answer to {@code item}; nothing is graded. */
    public Preview preview(Item item, String part, String text) {
        Optional<AnswerPart> named = item.answer().stream().filter(p -> p.name().equals(part)).findFirst();
        if (named.isEmpty()) {
            return new Preview.Unreadable(InputError.outsideAnswer("this item has no answer part \"" + part
                    + "\"; its parts are " + parts(item)));
        }
        if (text.length() > MAX_PART_LENGTH) {
            return new Preview.Unreadable(InputError.outsideAnswer("the answer is longer than " + MAX_PART_LENGTH + " characters"));
        }
        return switch (AnswerParser.parse(text, variablesOf(item, named.get()))) {
            case ParseResult.Failed failed -> new Preview.Unreadable(new InputError(failed.error().message(), failed.error().span().position()));
            case ParseResult.Parsed parsed -> new Preview.Read(interpretation(parsed.expr()));
        };
    }

    private ItemGrade derivative(Item item, String answer, long start) {
        Grade grade = grader.grade(item.function().text(), item.variable(), answer);
        return new ItemGrade(grade.verdict(), grade.interpretedAs(), grade.misconceptions(),
                grade.error().map(error -> new PartError("answer", error)), since(start));
    }

    private ItemGrade number(Item item, String answer, long start) {
        Expr read;
        switch (AnswerParser.parse(answer, List.of())) {
            case ParseResult.Failed failed -> {
                return ItemGrade.invalid(new PartError("answer", new InputError(
                        failed.error().message() + " (the answer is a number, such as 6cos(9) or -5.47)",
                        failed.error().span().position())), since(start));
            }
            case ParseResult.Parsed parsed -> read = parsed.expr();
        }
        double value = valueOf(read);
        if (!Double.isFinite(value)) {
            return ItemGrade.invalid(new PartError("answer", InputError.outsideAnswer(
                    "this has no finite value: " + PlainText.print(read))), since(start));
        }
        Optional<Interpretation> shown = Optional.of(interpretation(read));
        if (close(value, valueOf(item.canonicalAnswer().expr()))) {
            return new ItemGrade(Verdict.CORRECT, shown, List.of(), Optional.empty(), since(start));
        }
        List<Diagnosis> found = new ArrayList<>();
        for (Distractor distractor : item.distractors()) {
            if (close(value, valueOf(distractor.answer().expr()))) {
                found.add(new Diagnosis(distractor.code(), distractor.layer(), "Your number is what the derivative gives when "
                        + lowerFirst(why(distractor.code()))));
            }
        }
        if (found.isEmpty()) {
            found.add(new Diagnosis(Misconception.OTHER, 1, "This is not the value, and it matches none of the usual"
                    + " chain-rule slips: find the derivative first, layer by layer, then put the number in."));
        }
        return new ItemGrade(Verdict.INCORRECT, shown, found, Optional.empty(), since(start));
    }

    private ItemGrade decomposition(Item item, Map<String, String> answers, long start) {
        AnswerPart fPart = item.answer().get(0);
        AnswerPart gPart = item.answer().get(1);
        Expr f;
        Expr g;
        switch (AnswerParser.parse(answers.get(fPart.name()), List.of(fPart.variable()))) {
            case ParseResult.Failed failed -> {
                return ItemGrade.invalid(new PartError(fPart.name(), new InputError(failed.error().message()
                        + " (f is a function of " + fPart.variable() + ")", failed.error().span().position())), since(start));
            }
            case ParseResult.Parsed parsed -> f = parsed.expr();
        }
        switch (AnswerParser.parse(answers.get(gPart.name()), List.of(gPart.variable()))) {
            case ParseResult.Failed failed -> {
                return ItemGrade.invalid(new PartError(gPart.name(), new InputError(failed.error().message()
                        + " (g is a function of " + gPart.variable() + ")", failed.error().span().position())), since(start));
            }
            case ParseResult.Parsed parsed -> g = parsed.expr();
        }
        Optional<Interpretation> shown = Optional.of(new Interpretation(
                "f(" + fPart.variable() + ") = " + PlainText.print(f) + "; g(" + gPart.variable() + ") = " + PlainText.print(g),
                "f(" + fPart.variable() + ") = " + Latex.print(f) + ",\\quad g(" + gPart.variable() + ") = " + Latex.print(g)));
        String x = item.variable();
        Sampling function = Sampling.of(item.function().expr(), x);
        boolean composes = function.same(f.substitute(fPart.variable(), g));
        boolean trivial = function.same(new Var(x)) || function.same(g) || Sampling.of(new Var(x), x).same(g)
                || Sampling.of(new Var(x), x).same(f.substitute(fPart.variable(), new Var(x)));
        if (composes && !trivial) {
            return new ItemGrade(Verdict.CORRECT, shown, List.of(), Optional.empty(), since(start));
        }
        Diagnosis diagnosis;
        if (composes) {
            diagnosis = new Diagnosis(Misconception.OTHER, 1, "f(g(x)) is the function, but one of them does nothing:"
                    + " the outer function is what is done last, the inner one what is done to x first, and neither is just the variable.");
        } else if (function.same(g.substitute(x, f.substitute(fPart.variable(), new Var(x))))) {
            diagnosis = new Diagnosis(Misconception.REVERSED_NESTING, 1, "Your f and g are swapped: g(f(x)) is the function."
                    + " What is done to x first is the inner function g.");
        } else {
            diagnosis = new Diagnosis(Misconception.OTHER, 1, "With your f and g, f(g(x)) is "
                    + PlainText.print(f.substitute(fPart.variable(), g)) + ", not the function: put g inside f and compare.");
        }
        return new ItemGrade(Verdict.INCORRECT, shown, List.of(diagnosis), Optional.empty(), since(start));
    }

    private static List<String> variablesOf(Item item, AnswerPart part) {
        return switch (item.type()) {
            case EVALUATE_AT_POINT, PREDICT -> List.of();
            case DECOMPOSE -> List.of(part.variable());
            case DIFFERENTIATE, SPOT_THE_ERROR, GRAPH_PATHS, JACOBIAN -> List.of(item.variable());
        };
    }

    private static String describe(Item item) {
        return item.type() == org.chainwise.bank.item.ItemType.DECOMPOSE
                ? "both parts, f and g" : "the part \"answer\"";
    }

    private String why(Misconception code) {
        return page.byKey(MisconceptionRepair.keyOf(code))
                .map(part -> ((MisconceptionRepair) part).why())
                .orElse("a chain-rule step is slipped.");
    }

    private static Interpretation interpretation(Expr e) {
        return new Interpretation(PlainText.print(e), Latex.print(e));
    }

    private static double valueOf(Expr constant) {
        return NumericFunction.compile(constant, List.of()).evaluate();
    }

    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
