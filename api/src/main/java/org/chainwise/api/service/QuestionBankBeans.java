package org.chainwise.api.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.concept.ChainRulePage;

/** The question bank and the chain-rule page as application beans, each made once, on first use. */
@Factory
class QuestionBankBeans {

    @Singleton
    ChainRulePage chainRulePage() {
        return ChainRulePage.standard();
    }

    /** The bank warms Symja up when made (about a second), so it is made when first needed, not at start-up. */
    @Singleton
    ItemBank itemBank() {
        return ItemBank.standard();
    }
}
