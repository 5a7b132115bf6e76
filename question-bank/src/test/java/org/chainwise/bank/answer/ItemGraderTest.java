package org.chainwise.bank.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.print.PlainText;
import org.junit.jupiter.api.Test;

class ItemGraderTest {

    private static final ItemBank BANK = ItemBank.standard();
    private static final ItemGrader GRADER = new ItemGrader(new Grader(new Checker(new SymjaEquivalence(), 1_000), 100));

    @Test
    void theCanonicalAnswerOfAnItemOfEveryFamilyIsCorrectAndItsFirstDistractorIsDiagnosed() {
        for (String family : BANK.familyNames()) {
            Item item = BANK.draw(family, 3);
            ItemGrade right = GRADER.grade(item, ItemGrader.rightAnswer(item));
            assertThat(right.verdict()).as(item.id()).isEqualTo(Verdict.CORRECT);
            assertThat(right.interpretedAs()).as(item.id()).isPresent();
            if (item.type() != ItemType.DECOMPOSE && !item.distractors().isEmpty()) {
                Distractor wrong = item.distractors().getFirst();
                ItemGrade graded = GRADER.grade(item, Map.of("answer", wrong.answer().text()));
                assertThat(graded.verdict()).as(item.id()).isEqualTo(Verdict.INCORRECT);
                if (item.type() != ItemType.GRAPH_PATHS && item.type() != ItemType.JACOBIAN) {
                    assertThat(graded.misconceptions().getFirst().code()).as(item.id() + " " + wrong).isEqualTo(wrong.code());
                }
            }
        }
    }

    @Test
    void aMissingPartAndAnUnreadableAnswerAreInvalidNamingThePart() {
        Item decompose = BANK.draw("decompose", 1);
        ItemGrade missing = GRADER.grade(decompose, Map.of("f", "sin(u)"));
        ItemGrade unreadable = GRADER.grade(BANK.draw("outer-sin", 1), Map.of("answer", "2x cos(("));

        assertThat(missing.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(missing.error().orElseThrow().part()).isEqualTo("g");
        assertThat(unreadable.error().orElseThrow().error().position()).isPositive();
    }

    @Test
    void aDecompositionSwappedIsReversedNestingAndTheIdentityIsNoDecomposition() {
        Item item = BANK.draw("decompose", 2);
        var f = item.answer().get(0).value().expr();
        var g = item.answer().get(1).value().expr();
        Map<String, String> swapped = Map.of("f", PlainText.print(g.substitute("x", new Var("u"))),
                "g", PlainText.print(f.substitute("u", new Var("x"))));
        Map<String, String> identity = Map.of("f", "u", "g", item.function().text());

        assertThat(GRADER.grade(item, swapped).misconceptions()).extracting(d -> d.code())
                .containsExactly(Misconception.REVERSED_NESTING);
        assertThat(GRADER.grade(item, identity).verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void aNumberAnswerMayBeAnExpressionOrRoundedToFourFigures() {
        Item item = BANK.draw("evaluate-at-point", 1);
        double value = org.chainwise.engine.calculus.NumericFunction.compile(item.canonicalAnswer().expr(), List.of()).evaluate();

        assertThat(GRADER.grade(item, Map.of("answer", String.format(java.util.Locale.ROOT, "%.4g", value))).verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(GRADER.grade(item, Map.of("answer", "x + 1")).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aPreviewReadsAPartWithItsVariablesOnly() {
        Item decompose = BANK.draw("decompose", 1);

        assertThat(GRADER.preview(decompose, "f", "sin(u)")).isInstanceOf(Preview.Read.class);
        assertThat(GRADER.preview(decompose, "f", "sin(x)")).isInstanceOf(Preview.Unreadable.class);
        assertThat(GRADER.preview(decompose, "h", "sin(u)")).isInstanceOf(Preview.Unreadable.class);
    }
}
