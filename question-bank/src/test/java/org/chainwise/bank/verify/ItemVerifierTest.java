package org.chainwise.bank.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Num;
import org.junit.jupiter.api.Test;

/** The engine's checker and diagnoser, as the verifier asks them, turn away what the numeric checks alone let through. */
class ItemVerifierTest {

    private static final ItemBank BANK = ItemBank.standard();
    private static final ItemVerifier VERIFIER = BANK.verifier();
    private static final Item ITEM = BANK.draw("outer-sin", 1);

    @Test
    void aServedItemPasses() {
        assertThat(VERIFIER.verify(ITEM).problems()).isEmpty();
    }

    @Test
    void aDistractorUnderAnotherCodeIsRejected() {
        Distractor first = ITEM.distractors().getFirst();
        Misconception other = first.code() == Misconception.OUTER_AT_X ? Misconception.MISSING_INNER : Misconception.OUTER_AT_X;
        Item relabelled = withDistractor(new Distractor(first.answer(), other, first.layer()));
        assertThat(VERIFIER.verify(relabelled).problems()).anyMatch(p -> p.contains("is diagnosed as"));
    }

    @Test
    void aDistractorAtAnotherLayerIsRejected() {
        Distractor first = ITEM.distractors().getFirst();
        Item moved = withDistractor(new Distractor(first.answer(), first.code(), first.layer() + 1));
        assertThat(VERIFIER.verify(moved).problems()).anyMatch(p -> p.contains("is diagnosed as"));
    }

    @Test
    void anAnswerOffByLessThanDoublePrecisionIsRejectedByTheChecker() {
        // 10^-12 more than the derivative agrees with it at every sample point; Symja sees the difference.
        Formula almost = Formula.of(Algebra.sum(ITEM.canonicalAnswer().expr(), Num.of(1, 1_000_000_000_000L)));
        Item wrong = new Item(ITEM.id(), ITEM.family(), ITEM.parameters(), ITEM.seed(), ITEM.type(), ITEM.stem(),
                ITEM.variables(), ITEM.function(), List.of(new AnswerPart("answer", ITEM.variable(), almost)),
                ITEM.layers(), ITEM.skills(), ITEM.givens(), ITEM.hints(), ITEM.solution(), ITEM.distractors());
        assertThat(VERIFIER.verify(wrong).problems()).anyMatch(p -> p.startsWith("the checker does not grade"));
    }

    private static Item withDistractor(Distractor replacement) {
        List<Distractor> distractors = new ArrayList<>(ITEM.distractors());
        distractors.set(0, replacement);
        return new Item(ITEM.id(), ITEM.family(), ITEM.parameters(), ITEM.seed(), ITEM.type(), ITEM.stem(),
                ITEM.variables(), ITEM.function(), ITEM.answer(), ITEM.layers(), ITEM.skills(), ITEM.givens(),
                ITEM.hints(), ITEM.solution(), distractors);
    }
}
