package org.chainwise.api.store;

/** A learner's run through a practice set: items answered, items solved, and whether the set's rule was met. */
public record Enrollment(int itemsAttempted, int itemsCorrect, boolean completed) {
}
