package org.chainwise.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Items look like a good teacher wrote them, inspected over a large sample of every family. The
 * patterns here are written out independently of the verifier's, so a generator that relied on the
 * verifier to hide its defects would still be caught by the redraw budget in {@link ItemBankTest}.
 */
class QualityTest {

    /** Items per family in the sample, spread over every depth and inner complexity. */
    private static final int PER_FAMILY = 120;
    private static List<Item> sample;

    @BeforeAll
    static void drawSample() {
        ItemBank bank = ItemBank.standard();
        sample = new ArrayList<>();
        for (Parameters parameters : Parameters.grid(6)) {
            sample.addAll(PracticeSet.draw(bank, bank.familyNames(), parameters, 1_000, PER_FAMILY * bank.familyNames().size() / 6).items());
        }
    }

    private static List<String> printedForms(Item item) {
        List<String> printed = new ArrayList<>(List.of(item.stem().text(), item.function().text()));
        item.answer().forEach(a -> printed.add(a.value().text()));
        item.distractors().stream().map(Distractor::answer).forEach(f -> printed.add(f.text()));
        item.layers().forEach(l -> printed.add(l.function().text()));
        return printed;
    }

    @Test
    void noPrintedFormWritesWhatATeacherWouldNot() {
        List<Pattern> defects = List.of(
                Pattern.compile("(?<![\\d./])1\\*"), // 1*x
                Pattern.compile("\\^1(?![\\d./])"), // x^1
                Pattern.compile("\\(0\\*"), // sin(0*x)
                Pattern.compile("(?<![\\d./])0\\*x"), // 0*x
                Pattern.compile("\\+ -|- -|--"), // x + -2
                Pattern.compile("[+-] 0(?![\\d.])")); // x + 0
        List<String> found = new ArrayList<>();
        for (Item item : sample) {
            for (String text : printedForms(item)) {
                defects.stream().filter(p -> p.matcher(text).find()).forEach(p -> found.add(item.id() + ": " + text));
            }
        }
        assertThat(sample).hasSizeGreaterThanOrEqualTo(PER_FAMILY * ItemBank.standard().familyNames().size());
        assertThat(found).isEmpty();
    }

    @Test
    void noFunctionHasADerivativeThatIsIdenticallyZero() {
        for (Item item : sample) {
            Expr derivative = Derivative.of(item.function().expr(), item.variable());
            assertThat(derivative).as(item.id()).isNotEqualTo(Num.ZERO);
            NumericFunction function = NumericFunction.compile(item.function().expr(), item.variable());
            double[] values = SamplePoints.forFunction(function).valuesOf(NumericFunction.compile(derivative, item.variable()));
            assertThat(Arrays.stream(values).anyMatch(v -> Double.isFinite(v) && Math.abs(v) > 1e-9))
                    .as(item.id() + " " + item.function().text()).isTrue();
        }
    }

    @Test
    void numbersInFunctionsAndAnswersAreSmall() {
        for (Item item : sample) {
            assertThat(largestNumber(item.function().expr())).as(item.function().text()).isLessThanOrEqualTo(10);
            for (var part : item.answer()) {
                // A predicted change such as 0.0004 is a short decimal; everything else has small numerators and denominators.
                if (item.type() == ItemType.PREDICT) {
                    assertThat(part.value().text()).matches("-?\\d+\\.\\d{1,5}|-?\\d+");
                } else {
                    assertThat(largestNumber(part.value().expr())).as(part.value().text()).isLessThanOrEqualTo(500);
                }
            }
        }
    }

    @Test
    void everyItemHasAThreeStepHintLadderAFourStepSolutionAndDistractors() {
        for (Item item : sample) {
            assertThat(item.hints().inOrder()).as(item.id()).hasSize(3).allSatisfy(h -> assertThat(h).isNotBlank());
            assertThat(item.solution()).as(item.id()).hasSize(4);
            assertThat(item.distractors()).as(item.id()).isNotEmpty();
            if (item.type() == ItemType.DIFFERENTIATE) {
                // The engine's composition may split a scaled or shifted innermost function (sin(3x)) into one more layer.
                assertThat(item.layers()).as(item.id()).hasSizeBetween(2, item.parameters().depth() + 1);
                assertThat(item.distractors()).as(item.id()).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    /** The largest numerator or denominator written anywhere in {@code e}. */
    private static long largestNumber(Expr e) {
        return switch (e) {
            case Num n -> Math.max(n.value().numerator().abs().longValueExact(), n.value().denominator().longValueExact());
            case Sum s -> s.terms().stream().mapToLong(QualityTest::largestNumber).max().orElse(0);
            case Product p -> p.factors().stream().mapToLong(QualityTest::largestNumber).max().orElse(0);
            case Power p -> Math.max(largestNumber(p.base()), largestNumber(p.exponent()));
            case Apply a -> largestNumber(a.argument());
            case Const c -> 0;
            case Var v -> 0;
        };
    }
}
