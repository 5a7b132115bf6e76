package org.chainwise.reports;

/**
 * Head counts of one course: learners on the roster, learners with at least one attempt, and
 * their attempts by verdict.
 */
public record Totals(int students, int studentsStarted, int attempts, int correct, int incorrect, int invalid) {
}
