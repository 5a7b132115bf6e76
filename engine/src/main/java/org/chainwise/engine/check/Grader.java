package org.chainwise.engine.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chainwise.engine.cache.BoundedCache;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.diagnose.Diagnoser;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.parse.AnswerParser;
import org.chainwise.engine.parse.ParseError;
import org.chainwise.engine.parse.ParseResult;
import org.chainwise.engine.print.Latex;
import org.chainwise.engine.print.PlainText;

/**
 * Grades a student's derivative of a function: reads the function and the answer with the student-input
 * parser, checks the answer against the function's derivative ({@link Checker}) and names the
 * misconceptions behind a wrong one ({@link Diagnoser}). Thread-safe. Everything that depends on the
 * function alone (its derivative, sample points, buggy derivatives) is prepared once per
 * (function, variable) and kept in a bounded cache, so grading another answer to the same item costs a
 * parse, a few dozen evaluations and, the first time an answer is seen, one Symja call.
 */
public final class Grader {

    /** Variable names an item may declare: a letter, then letters and digits, short. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,7}");

    /**
     * Items are short compositions; a larger function (only a hostile request sends one) would make the
     * diagnoser's buggy derivatives, built for every layer and pair of layers, needlessly expensive.
     */
    private static final int MAX_FUNCTION_SIZE = 200;
    private static final int MAX_DERIVATIVE_SIZE = 5_000;

    private static final String OTHER_EXPLANATION = "This is not the derivative, and it matches none of the"
            + " usual chain-rule slips: differentiate layer by layer, outermost first, reading each outer"
            + " derivative at its inner function and multiplying by the inner derivative.";

    private final Checker checker;
    private final BoundedCache<ItemKey, Item> items;

    public Grader(Checker checker, int cachedItems) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.items = new BoundedCache<>(cachedItems);
    }

    /** Grades {@code answer} as the derivative of {@code function} with respect to {@code variable}. */
    public Grade grade(String function, String variable, String answer) {
        long start = System.nanoTime();
        if (!VARIABLE.matcher(variable).matches()) {
            return Grade.invalid(InputError.outsideAnswer("the variable must be a short name such as x, not '"
                    + abbreviated(variable) + "'"), since(start));
        }
        Item item = item(function, variable);
        if (item instanceof Item.Unreadable unreadable) {
            return Grade.invalid(unreadable.error(), since(start));
        }
        Item.Ready ready = (Item.Ready) item;
        return switch (AnswerParser.parse(answer, List.of(variable))) {
            case ParseResult.Failed failed -> Grade.invalid(located(failed.error()), since(start));
            case ParseResult.Parsed parsed -> graded(ready, parsed.expr(), start);
        };
    }

    private Grade graded(Item.Ready item, Expr answer, long start) {
        Interpretation interpretation = new Interpretation(PlainText.print(answer), Latex.print(answer));
        CheckOutcome outcome = checker.check(item.reference(), answer);
        List<Diagnosis> misconceptions = outcome.correct() ? List.of() : diagnoses(item.diagnoser(), answer);
        return new Grade(outcome.correct() ? Verdict.CORRECT : Verdict.INCORRECT, Optional.of(interpretation),
                misconceptions, Optional.empty(), Optional.of(outcome), since(start));
    }

    private static List<Diagnosis> diagnoses(Diagnoser diagnoser, Expr answer) {
        List<Diagnosis> found = diagnoser.diagnose(answer);
        return found.isEmpty() ? List.of(new Diagnosis(Misconception.OTHER, 1, OTHER_EXPLANATION)) : found;
    }

    private Item item(String function, String variable) {
        ItemKey key = new ItemKey(function, variable);
        Optional<Item> cached = items.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        // Prepared outside the lock: two threads may both prepare a new item, and both results are equal.
        Item prepared = prepare(function, variable);
        items.put(key, prepared);
        return prepared;
    }

    private static Item prepare(String function, String variable) {
        return switch (AnswerParser.parse(function, List.of(variable))) {
            case ParseResult.Failed failed -> new Item.Unreadable(InputError.outsideAnswer(
                    "the item's function could not be read: " + failed.error().message()
                            + " (at " + failed.error().span().position() + " of the function)"));
            case ParseResult.Parsed parsed when parsed.expr().size() > MAX_FUNCTION_SIZE ->
                    new Item.Unreadable(InputError.outsideAnswer("the item's function is too large to grade"));
            case ParseResult.Parsed parsed -> {
                Expr derivative = Derivative.of(parsed.expr(), variable);
                if (derivative.size() > MAX_DERIVATIVE_SIZE) {
                    yield new Item.Unreadable(InputError.outsideAnswer("the item's function is too large to grade"));
                }
                yield new Item.Ready(ReferenceAnswer.of(derivative, variable), Diagnoser.forFunction(parsed.expr(), variable));
            }
        };
    }

    private static InputError located(ParseError error) {
        return new InputError(error.message(), error.span().position());
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private record ItemKey(String function, String variable) {
    }

    /** What grading needs from one (function, variable), or why it cannot be graded. */
    private sealed interface Item {

        record Ready(ReferenceAnswer reference, Diagnoser diagnoser) implements Item {
        }

        record Unreadable(InputError error) implements Item {
        }
    }
}
