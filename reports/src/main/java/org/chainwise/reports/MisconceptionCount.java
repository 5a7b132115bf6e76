package org.chainwise.reports;

import org.chainwise.engine.diagnose.Misconception;

/** In one course: how many attempts were diagnosed with {@code code}, by how many distinct students. */
public record MisconceptionCount(Misconception code, int attempts, int students) {
}
