package org.chainwise.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.junit.jupiter.api.Test;

class PracticeSetTest {

    private static final ItemBank BANK = ItemBank.standard();

    /** The families whose items are free-form differentiation exercises. */
    private static List<String> differentiateFamilies() {
        return BANK.familyNames().stream().filter(n -> BANK.family(n).type() == ItemType.DIFFERENTIATE).toList();
    }

    @Test
    void atLeastTenThousandDistinctVerifiedDifferentiateVariantsCanBeDrawn() {
        // Every item a practice set holds has passed verification; distinct function texts are distinct exercises.
        Set<String> functions = new HashSet<>();
        for (Parameters parameters : Parameters.grid(5)) {
            PracticeSet set = PracticeSet.draw(BANK, differentiateFamilies(), parameters, 1, 2_000);
            assertThat(set.items()).allMatch(i -> i.type() == ItemType.DIFFERENTIATE);
            set.items().forEach(i -> functions.add(i.function().text()));
        }
        assertThat(functions).hasSizeGreaterThanOrEqualTo(10_000);
    }

    @Test
    void neverRepeatsAVariantEvenWhenSeedsWouldGiveTheSameItem() {
        PracticeSet set = PracticeSet.empty();
        for (int i = 0; i < 30; i++) {
            // The same seed every time: without the guarantee this would be one item thirty times.
            set = set.next(BANK, "nested", Parameters.STANDARD, 7);
        }
        Set<String> variants = new HashSet<>();
        set.items().forEach(i -> variants.add(i.variantKey()));
        assertThat(set.items()).hasSize(30);
        assertThat(variants).hasSize(30);
    }

    @Test
    void saysSoWhenAFamilyHasNoVariantLeft() {
        // opposite-nesting pairs four functions with three powers, both ways round: at most 24 variants.
        PracticeSet set = PracticeSet.empty();
        int drawn = 0;
        try {
            while (drawn < 25) {
                set = set.next(BANK, "opposite-nesting", Parameters.STANDARD, 1);
                drawn++;
            }
        } catch (IllegalStateException spent) {
            assertThat(spent).hasMessageContaining("no variant left");
        }
        assertThat(drawn).isBetween(20, 24);
        assertThat(set.items()).hasSize(drawn);
    }

    @Test
    void aSpentFamilyLeavesTheTurnToTheOthers() {
        PracticeSet set = PracticeSet.draw(BANK, List.of("opposite-nesting", "nested"), 1, 80);
        assertThat(set.items()).hasSize(80);
        assertThat(set.items().stream().filter(i -> i.family().equals("opposite-nesting")).count()).isBetween(20L, 24L);
    }

    @Test
    void theSameArgumentsDrawTheSameSet() {
        List<String> families = List.of("outer-sin", "decompose", "jacobian", "predict");
        assertThat(PracticeSet.draw(BANK, families, 99, 12).items().stream().map(Item::id).toList())
                .isEqualTo(PracticeSet.draw(ItemBank.standard(), families, 99, 12).items().stream().map(Item::id).toList())
                .hasSize(12);
    }

    @Test
    void takesTheFamiliesInTurn() {
        List<String> families = List.of("outer-exp", "graph-paths", "evaluate-at-point");
        List<String> drawn = PracticeSet.draw(BANK, families, 5, 6).items().stream().map(Item::family).toList();
        assertThat(drawn).containsExactly("outer-exp", "graph-paths", "evaluate-at-point", "outer-exp", "graph-paths",
                "evaluate-at-point");
    }

    @Test
    void refusesToHoldARepeatedVariant() {
        Item item = BANK.draw("outer-cos", 3);
        assertThatThrownBy(() -> new PracticeSet(List.of(item, item))).isInstanceOf(IllegalArgumentException.class);
    }
}
