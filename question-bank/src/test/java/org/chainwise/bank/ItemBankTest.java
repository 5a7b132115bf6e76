package org.chainwise.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.verify.ItemVerifier;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItemBankTest {

    private static final ItemBank BANK = ItemBank.standard();
    private static final ItemVerifier VERIFIER = BANK.verifier();

    static List<String> families() {
        return BANK.familyNames();
    }

    @Test
    void everyItemTypeHasAFamily() {
        Set<ItemType> types = BANK.familyNames().stream().map(n -> BANK.family(n).type()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ItemType.class));
    }

    @ParameterizedTest
    @MethodSource("families")
    void servesOnlyVerifiedItemsAndRarelyRedraws(String name) {
        Family family = BANK.family(name);
        int served = 0;
        int candidatesTried = 0;
        for (long seed = 0; served < 150; seed += 7) {
            Item item = BANK.draw(name, seed);
            assertThat(VERIFIER.verify(item).problems()).as(item.id()).isEmpty();
            assertThat(item.family()).isEqualTo(name);
            assertThat(item.type()).isEqualTo(family.type());
            assertThat(family.skills()).as(item.id()).containsAll(item.skills());
            assertThat(item.seed()).isBetween(seed, seed + 64);
            candidatesTried += (int) (item.seed() - seed) + 1;
            served++;
        }
        // Redrawing is a safety net, not the way items are made: most seeds must give a good item.
        assertThat(candidatesTried).as("candidates for 150 items of " + name).isLessThan(300);
    }

    @ParameterizedTest
    @MethodSource("families")
    void theSameFamilyParametersAndSeedGiveTheSameItem(String name) {
        Item first = BANK.draw(name, 42);
        Item again = ItemBank.standard().draw(name, first.parameters(), first.seed());
        assertThat(again.equals(first)).as(first.id()).isTrue();
        assertThat(first.id()).isEqualTo(name + "/" + first.parameters().key() + "/" + first.seed());
        Set<String> neighbours = java.util.stream.LongStream.range(first.seed() + 1, first.seed() + 6)
                .mapToObj(s -> BANK.draw(name, s).variantKey()).collect(Collectors.toSet());
        assertThat(neighbours).as("other seeds give other items").hasSizeGreaterThan(1);
    }

    @Test
    void everySkillHasFamiliesThatPractiseIt() {
        for (Skill skill : Skill.values()) {
            assertThat(BANK.familiesFor(skill)).as(skill.name()).isNotEmpty();
        }
        assertThat(BANK.familiesFor(Skill.JACOBIAN)).containsExactly("jacobian");
        assertThat(BANK.familiesFor(Skill.CHAIN_VS_PRODUCT)).contains("product-vs-chain", "spot-the-error");
    }

    @Test
    void harderParametersGiveDeeperAndLongerFunctions() {
        Item easy = BANK.draw("outer-sin", new Parameters(2, 1, 3), 5);
        Item hard = BANK.draw("outer-sin", new Parameters(3, 3, 9), 5);
        assertThat(easy.layers()).hasSize(2);
        // The engine's composition counts a scaled or shifted innermost sin(3x) as two layers, sin(u) of 3x.
        assertThat(hard.layers()).hasSizeBetween(3, 4);
        assertThat(hard.function().expr().size()).isGreaterThan(easy.function().expr().size());
    }

    @Test
    void anUnknownFamilyIsAnErrorThatNamesTheKnownOnes() {
        assertThatThrownBy(() -> BANK.draw("outer-cosh", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outer-sin");
    }
}
