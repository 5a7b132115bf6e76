package org.chainwise.reports;

import java.util.List;
import org.chainwise.engine.diagnose.Misconception;

/**
 * One item family in one course: how hard it is ({@code successRate} = correct / graded, null
 * when nothing was graded; invalid answers are not graded) and the wrong answers learners actually
 * produce, as the most likely diagnosis (rank 1) of each incorrect attempt, most frequent first.
 */
public record FamilyReport(
        String family,
        int attempts,
        int graded,
        int correct,
        Double successRate,
        int students,
        List<Distractor> distractors,
        List<Note> notes) {

    public FamilyReport {
        distractors = List.copyOf(distractors);
        notes = List.copyOf(notes);
    }

    /** Incorrect attempts whose first diagnosis was {@code code} at {@code layer} (null: no layer named). */
    public record Distractor(Misconception code, Integer layer, int attempts, int students) {
    }
}
