package org.chainwise.reports.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.reports.AnswerExample;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.FamilyReport;
import org.chainwise.reports.MisconceptionReport;
import org.chainwise.reports.Note;
import org.chainwise.reports.StudentReport;
import org.chainwise.reports.Totals;
import org.chainwise.reports.Trend;

/** A small report built by hand, with hostile text wherever a person can type it. */
final class SampleReport {

    static final String HOSTILE_ANSWER = "<script>alert('x')</script>";
    static final String FORMULA_ANSWER = "=HYPERLINK(\"http://evil\",\"click\")";
    static final String HOSTILE_NAME = "Ana <b>\"Bold\"</b> & co";
    static final Instant AT = Instant.parse("2026-11-10T12:00:00Z");
    static final LocalDate WEEK_1 = LocalDate.of(2026, 11, 2);

    private SampleReport() {
    }

    static CourseReport report() {
        Note note = new Note(7, "misconception:OUTER_AT_X", "<img src=x onerror=alert(1)>", "evidence, with \"quotes\"",
                null, null, 1, HOSTILE_NAME, AT, AT);
        AnswerExample example = new AnswerExample(11, 1, HOSTILE_NAME, "chain.trig", "sin(x^2)", 1, HOSTILE_ANSWER,
                "cos(x)*2*x", AT);
        var weekly = List.of(new MisconceptionReport.WeekCount(WEEK_1, 2, 1, 2, 1.0),
                new MisconceptionReport.WeekCount(WEEK_1.plusWeeks(1), 1, 1, 4, 0.25));
        MisconceptionReport outer = new MisconceptionReport(Misconception.OUTER_AT_X, "f'(x)·g'(x)", List.of(Skill.EVALUATE_AT_INNER), 1,
                List.of(new MisconceptionReport.Holder(1, HOSTILE_NAME, 0.8)), 3, 1, Trend.of(weekly), weekly,
                List.of(new MisconceptionReport.FamilyCount("chain.trig", 3, 1)),
                List.of(new MisconceptionReport.LayerCount(1, 3, 1)), List.of(example), List.of(note));
        List<MisconceptionReport> misconceptions = Arrays.stream(Misconception.values())
                .map(code -> code == Misconception.OUTER_AT_X ? outer : new MisconceptionReport(code, "d", List.of(), 0, List.of(), 0, 0,
                        Trend.NONE, List.of(), List.of(), List.of(), List.of(), List.of()))
                .toList();
        List<StudentReport.SkillMastery> skills = Arrays.stream(Skill.values())
                .map(skill -> skill == Skill.INNER_FACTOR ? new StudentReport.SkillMastery(skill, 0.97, true, 4)
                        : new StudentReport.SkillMastery(skill, null, false, 0))
                .toList();
        StudentReport ana = new StudentReport(1, HOSTILE_NAME, "sub-ana", 6, 3, AT, skills,
                List.of(new StudentReport.HeldMisconception(Misconception.OUTER_AT_X, 0.8, AT)));
        StudentReport dan = new StudentReport(2, "Dan", "sub-dan", 0, 0, null, skills, List.of());
        FamilyReport trig = new FamilyReport("chain.trig", 6, 6, 3, 0.5, 1,
                List.of(new FamilyReport.Distractor(Misconception.OUTER_AT_X, 1, 3, 1)), List.of());
        return new CourseReport(5, "Calc <I>", AT, 0.5, 0.95, List.of(WEEK_1, WEEK_1.plusWeeks(1)),
                new Totals(2, 1, 6, 3, 3, 0), misconceptions, List.of(ana, dan), List.of(trig), List.of());
    }

    static List<org.chainwise.reports.query.AttemptRows.Row> attempts() {
        return List.of(
                new org.chainwise.reports.query.AttemptRows.Row(11, 1, HOSTILE_NAME, AT, "chain.trig", "sin(x^2)", "incorrect",
                        FORMULA_ANSWER, "cos(x)*2*x", 0, List.of(
                                new org.chainwise.reports.query.AttemptRows.Diagnosed(Misconception.OUTER_AT_X, 1),
                                new org.chainwise.reports.query.AttemptRows.Diagnosed(Misconception.OTHER, null))),
                new org.chainwise.reports.query.AttemptRows.Row(12, 1, HOSTILE_NAME, AT, "chain.trig", "sin(x^2)", "correct",
                        "2x cos(x^2),\nline two", "2*x*cos(x^2)", 1, List.of()));
    }
}
