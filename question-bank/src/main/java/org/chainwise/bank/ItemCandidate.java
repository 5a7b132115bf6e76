package org.chainwise.bank;

import java.util.EnumSet;
import java.util.Set;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Candidate;

/**
 * An item as the mastery model's selection policy sees it: its variant, family and skills, the
 * misconceptions it confronts (those its distractors embody: a right answer to it is an answer that
 * misconception would have got wrong) and a difficulty from its parameters (depth first, then the
 * inner function's complexity).
 */
public final class ItemCandidate {

    private ItemCandidate() {
    }

    public static Candidate of(Item item) {
        Set<Misconception> confronts = EnumSet.noneOf(Misconception.class);
        for (Distractor distractor : item.distractors()) {
            if (distractor.code() != Misconception.OTHER) {
                confronts.add(distractor.code());
            }
        }
        double difficulty = 0.3 + 0.4 * (item.parameters().depth() - 2) + 0.1 * (item.parameters().innerComplexity() - 2);
        return new Candidate(item.variantKey(), item.family(), Set.copyOf(item.skills()), confronts,
                Math.clamp(difficulty, 0, 1));
    }
}
