package org.chainwise.reports;

import java.time.Instant;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;

/** One line per course, for an overview of every course at once; largest course first. */
public record CoursesSummary(Instant generatedAt, double heldThreshold, List<CourseSummary> courses) {

    public CoursesSummary {
        courses = List.copyOf(courses);
    }

    /**
     * A course's head counts, success rate (correct / graded, null when none) and, per code, the
     * learners holding it now and the attempts showing it.
     */
    public record CourseSummary(
            long courseId,
            String courseTitle,
            int students,
            int studentsStarted,
            int attempts,
            int correct,
            Double successRate,
            int studentsHoldingAny,
            List<CodeCount> misconceptions,
            Instant lastAttemptAt) {

        public CourseSummary {
            misconceptions = List.copyOf(misconceptions);
        }
    }

    /** Learners holding {@code code} now and learner attempts showing it, in one course. */
    public record CodeCount(Misconception code, int studentsHolding, int attempts) {
    }
}
