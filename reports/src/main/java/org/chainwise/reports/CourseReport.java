package org.chainwise.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a teacher's misconception report shows for one course, as of {@code generatedAt}: the
 * course's learners (the roster, including those who have not started), the misconceptions they
 * hold and show, each learner's mastery, each item family's difficulty, and the shared
 * research-room notes. Immutable; the field names are the JSON contract in reports/README.md.
 *
 * @param weeks the report's week axis: every Monday (UTC) from the week of the course's first
 *     learner attempt to the week of its last, empty when there are none
 * @param notes shared notes about objects the report has no other place for (concepts, equations, demos)
 */
public record CourseReport(
        long courseId,
        String courseTitle,
        Instant generatedAt,
        double heldThreshold,
        double masteredThreshold,
        List<LocalDate> weeks,
        Totals totals,
        List<MisconceptionReport> misconceptions,
        List<StudentReport> students,
        List<FamilyReport> families,
        List<Note> notes) {

    public CourseReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(totals, "totals");
        weeks = List.copyOf(weeks);
        misconceptions = List.copyOf(misconceptions);
        students = List.copyOf(students);
        families = List.copyOf(families);
        notes = List.copyOf(notes);
    }

    /** The part of the report about one code. */
    public MisconceptionReport misconception(org.chainwise.engine.diagnose.Misconception code) {
        return misconceptions.stream().filter(m -> m.code() == code).findFirst().orElseThrow();
    }
}
