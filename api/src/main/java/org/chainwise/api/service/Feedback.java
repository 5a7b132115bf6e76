package org.chainwise.api.service;

import java.util.List;
import java.util.Objects;
import org.chainwise.bank.concept.ChainRulePage;
import org.chainwise.bank.concept.MisconceptionRepair;
import org.chainwise.engine.check.Verdict;
import org.chainwise.engine.diagnose.Diagnosis;
import org.chainwise.engine.diagnose.Misconception;

/**
 * What a learner reads after an answer: each diagnosed misconception with the page's repair concept
 * that addresses it, and one feedback text built from the most likely one. The text is the
 * diagnosis's explanation, written with the item's own functions; the page's repair is only linked,
 * because its wording works through the page's own example (sin(x^2)) and would misread on any other item.
 */
public record Feedback(String text, List<Named> misconceptions) {

    public Feedback {
        Objects.requireNonNull(text, "text");
        misconceptions = List.copyOf(misconceptions);
    }

    /** A diagnosed misconception, and the key and title of the concept object that repairs it. */
    public record Named(Misconception code, int layer, String explanation, String conceptKey, String conceptTitle) {
    }

    static Feedback of(ChainRulePage page, Verdict verdict, List<Diagnosis> diagnoses, String errorMessage) {
        List<Named> named = diagnoses.stream().map(d -> {
            MisconceptionRepair repair = repair(page, d.code());
            return new Named(d.code(), d.layer(), d.explanation(), repair.key(), repair.why());
        }).toList();
        String text = switch (verdict) {
            case CORRECT -> "Correct.";
            case INVALID -> "This could not be read: " + errorMessage + " Nothing was graded; fix it and submit again.";
            case INCORRECT -> diagnoses.isEmpty() ? "Not yet: this is not the answer."
                    : "Not yet. " + diagnoses.getFirst().explanation();
        };
        return new Feedback(text, named);
    }

    private static MisconceptionRepair repair(ChainRulePage page, Misconception code) {
        return page.byKey(MisconceptionRepair.keyOf(code)).map(MisconceptionRepair.class::cast)
                .orElseThrow(() -> new IllegalStateException("the chain-rule page has no repair for " + code));
    }
}
