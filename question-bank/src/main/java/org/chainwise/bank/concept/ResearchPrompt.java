package org.chainwise.bank.concept;

import java.util.Objects;

/** The question the research room opens with on this page, inviting notes attached to the page's keys. */
public record ResearchPrompt(String key, String prompt) implements ConceptPart {

    public ResearchPrompt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(prompt, "prompt");
    }
}
