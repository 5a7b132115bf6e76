package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.Test;

class BankTest {

    @Test
    void theStandardBankOffersAboutAsManyVariantsPerSkillAsTheQuestionBank() {
        List<Candidate> bank = Bank.standard();
        for (Skill skill : Skill.values()) {
            long variants = bank.stream().filter(item -> item.skills().contains(skill)).count();
            int questionBank = Bank.QUESTION_BANK_VARIANTS.get(skill);
            // Split into families of whole numbers: at most a few variants short, never more.
            assertThat(variants).as(skill.name()).isBetween(questionBank - 7L, (long) questionBank);
        }
        assertThat(bank.stream().map(Candidate::variantKey).distinct().count()).isEqualTo(bank.size());
    }
}
