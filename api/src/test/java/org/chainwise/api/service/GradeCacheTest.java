package org.chainwise.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.answer.ItemGrade;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.check.Verdict;
import org.junit.jupiter.api.Test;

class GradeCacheTest {

    private final List<String> graded = new ArrayList<>();
    private final GradeCache cache = new GradeCache(100);

    /** A grader that records what it was asked and answers "correct" for the text "right". */
    private ItemGrade grade(Item item, Map<String, String> answers) {
        graded.add(item.variantKey() + " " + answers);
        boolean right = answers.containsValue("right");
        return new ItemGrade(right ? Verdict.CORRECT : Verdict.INCORRECT, Optional.of(new Interpretation(answers.toString(), "x")),
                List.of(), Optional.empty(), Duration.ofMillis(40));
    }

    private static List<Item> twoItems() {
        ItemBank bank = ItemBank.standard();
        String family = bank.familyNames().getFirst();
        return List.of(bank.draw(family, 1), bank.draw(family, 2));
    }

    @Test
    void theSameAnswerToTheSameItemIsGradedOnceAndAnythingElseAfresh() {
        List<Item> items = twoItems();
        Item first = items.get(0);

        ItemGrade once = cache.grade(first, Map.of("answer", "right"), this::grade);
        ItemGrade again = cache.grade(first, Map.of("answer", "right"), this::grade);
        cache.grade(first, Map.of("answer", "wrong"), this::grade);
        cache.grade(items.get(1), Map.of("answer", "right"), this::grade);

        assertThat(graded).hasSize(3);
        assertThat(again.verdict()).isEqualTo(once.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(again.interpretedAs()).isEqualTo(once.interpretedAs());
        assertThat(again.misconceptions()).isEqualTo(once.misconceptions());
        // The look-up's own time is recorded, not the first grading's.
        assertThat(again.time()).isLessThan(Duration.ofMillis(40));
    }
}
