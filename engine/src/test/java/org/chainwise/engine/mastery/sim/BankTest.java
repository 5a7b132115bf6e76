package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.Test;

class BankTest {

    @Test
    void theCombinedBankOffersAboutAsManyVariantsOfEverySkillCombinationAsTheQuestionBank() {
        List<Candidate> bank = Bank.combined();
        int multiSkill = 0;
        for (Bank.Combination combination : Bank.QUESTION_BANK) {
            long variants = bank.stream().filter(item -> item.skills().equals(combination.skills())).count();
            // Split into families of whole numbers: at most a few variants short, never more.
            assertThat(variants).as(combination.name()).isBetween(combination.variants() - 7L, (long) combination.variants());
            multiSkill += combination.skills().size() > 1 ? combination.variants() : 0;
        }
        assertThat(Bank.QUESTION_BANK.stream().mapToInt(Bank.Combination::variants).sum()).isEqualTo(9739);
        assertThat(multiSkill).isEqualTo(9170);
        assertThat(bank.stream().map(Candidate::variantKey).distinct().count()).isEqualTo(bank.size());
    }

    @Test
    void theStandardBankHasOneSkillPerItemAndAsManyVariantsPerSkillAsTheQuestionBank() {
        List<Candidate> bank = Bank.standard();
        assertThat(bank).allSatisfy(item -> assertThat(item.skills()).hasSize(1));
        for (Skill skill : Skill.values()) {
            long variants = bank.stream().filter(item -> item.skills().contains(skill)).count();
            long questionBank = Bank.QUESTION_BANK.stream().filter(c -> c.skills().contains(skill))
                    .mapToLong(Bank.Combination::variants).sum();
            assertThat(variants).as(skill.name()).isBetween(questionBank - 7, questionBank);
        }
        assertThat(bank.stream().filter(item -> item.skills().contains(Skill.JACOBIAN))).hasSize(399);
    }

    @Test
    void everyFamilyOfTheSmallBanksHasTheSameNumberOfVariantsAndOneCombinationOfSkills() {
        List<Candidate> combined = Bank.combinedOf(4);

        assertThat(combined).allSatisfy(item ->
                assertThat(item.family()).startsWith(new Bank.Combination(item.skills(), 0).name() + "/"));
        assertThat(combined.stream().filter(item -> item.family().equals("inner_factor+jacobian/hard"))).hasSize(4);
        assertThat(combined.stream().filter(item -> item.family().equals("inner_factor+jacobian/contrast"))).hasSize(2);
        assertThat(Bank.of(4).stream().filter(item -> item.family().equals("jacobian/hard"))).hasSize(4);
    }
}
