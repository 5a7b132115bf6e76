package org.chainwise.bank.concept;

/**
 * One part of a concept page with a stable key, such as {@code equation:chain-rule}, that research
 * notes, items and reports can point at. Keys are a contract: never rename one.
 */
public sealed interface ConceptPart
        permits Concept, Intuition, Equation, Demo, CodeWitness, Claim, MisconceptionRepair, WorkedExample, PracticeLoop,
        ResearchPrompt {

    String key();
}
