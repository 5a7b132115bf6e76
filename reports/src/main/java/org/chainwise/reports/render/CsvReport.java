package org.chainwise.reports.render;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.StudentReport;
import org.chainwise.reports.query.AttemptRows;

/** The two CSV tables of a course report (columns in reports/README.md): learner × skill rows, and attempt rows. */
public final class CsvReport {

    /** The header of {@link #students}. */
    public static final List<String> STUDENT_COLUMNS = List.of("course_id", "user_id", "name", "subject", "skill",
            "p_mastery", "mastered", "evidence_count", "attempts", "correct", "held_misconceptions");
    /** The header of {@link #attempts}. */
    public static final List<String> ATTEMPT_COLUMNS = List.of("attempt_id", "user_id", "name", "submitted_at", "family",
            "item", "verdict", "raw_answer", "interpreted_text", "misconceptions", "hints_used");

    private CsvReport() {
    }

    /** One row per learner and skill, learners in the report's order. */
    public static void students(CourseReport report, Writer out) {
        Csv csv = new Csv(out);
        csv.row(STUDENT_COLUMNS);
        for (StudentReport student : report.students()) {
            String held = student.misconceptions().stream().map(m -> m.code().name()).collect(Collectors.joining(";"));
            for (StudentReport.SkillMastery skill : student.skills()) {
                csv.row(Arrays.asList(report.courseId(), student.userId(), student.name(), student.subject(),
                        skill.skill().name(), skill.pMastery(), skill.mastered(), skill.evidenceCount(),
                        student.attempts(), student.correct(), held));
            }
        }
    }

    /** Writes the header, then returns the sink that writes one row per attempt handed to it. */
    public static Consumer<AttemptRows.Row> attempts(Writer out) {
        Csv csv = new Csv(out);
        csv.row(ATTEMPT_COLUMNS);
        return row -> {
            List<Object> fields = new ArrayList<>(Arrays.asList(row.attemptId(), row.userId(), row.name(),
                    row.submittedAt(), row.family(), row.item(), row.verdict(), row.rawAnswer(), row.interpretedText()));
            fields.add(row.misconceptions().stream()
                    .map(d -> d.layer() == null ? d.code().name() : d.code().name() + "@" + d.layer())
                    .collect(Collectors.joining(";")));
            fields.add(row.hintsUsed());
            csv.row(fields);
        };
    }
}
