package org.chainwise.reports.render;

import static org.chainwise.reports.render.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.reports.AnswerExample;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.FamilyReport;
import org.chainwise.reports.MisconceptionReport;
import org.chainwise.reports.Note;
import org.chainwise.reports.StudentReport;
import org.chainwise.reports.Trend;

/**
 * A course report as one standalone HTML page: inline CSS and SVG, no script and no external
 * asset, so that it opens offline, prints well and can be mailed. Every text from the database
 * (names, titles, answers, notes) is escaped.
 */
public final class HtmlReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; margin: 2rem auto;
                   max-width: 72rem; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem;
                 border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; } h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
            .meta, .muted { color: #57606a; } .totals { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
            .totals div { font-size: .85rem; color: #57606a; } .totals strong { display: block; font-size: 1.4rem; color: #1b1f24; }
            .card { border: 1px solid #d0d7de; border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
            .badge { display: inline-block; border-radius: 1rem; padding: 0 .55rem; font-size: .8rem; border: 1px solid; }
            .FADING { color: #1a7f37; } .RISING { color: #cf222e; } .STEADY, .NONE, .INSUFFICIENT { color: #57606a; }
            table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
            th, td { text-align: left; padding: .25rem .45rem; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { background: #f6f8fa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            code, .answer { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
            .answer { white-space: pre-wrap; word-break: break-word; }
            .m0 { background: #fff; } .m1 { background: #fff8c5; } .m2 { background: #d2f4d3; } .m3 { background: #a6e3b0; }
            svg text { font: 11px system-ui, sans-serif; fill: #1b1f24; }
            svg rect.held { fill: #cf222e; } svg rect.shown { fill: #0969da; } svg rect.success { fill: #1a7f37; }
            svg polyline { fill: none; stroke: #0969da; stroke-width: 2; } svg circle { fill: #0969da; }
            svg line.axis { stroke: #8c959f; }
            .cols { display: flex; flex-wrap: wrap; gap: 1.5rem; } .cols > div { flex: 1 1 18rem; }
            .note { border-left: 3px solid #8250df; padding: .2rem .6rem; margin: .4rem 0; background: #fbf9ff; }
            @page { margin: 14mm; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10pt; }
              .card, tr, svg, .note { break-inside: avoid; }
              h2 { break-after: avoid; }
              th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .m1, .m2, .m3, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private HtmlReport() {
    }

    public static String html(CourseReport report) {
        StringBuilder page = new StringBuilder(64 * 1024);
        String title = report.courseTitle() == null ? "Course " + report.courseId() : report.courseTitle();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Misconception report: ").append(escape(title)).append("</title><style>")
                .append(STYLE).append("</style></head><body>");
        page.append("<header><h1>Misconception report: ").append(escape(title)).append("</h1><p class=\"meta\">Course ")
                .append(report.courseId()).append(" · generated ").append(escape(WHEN.format(report.generatedAt())))
                .append(" · a misconception is held from a belief of ").append(escape(Svg.percent(report.heldThreshold())))
                .append(", a skill mastered from ").append(escape(Svg.percent(report.masteredThreshold()))).append("</p>");
        totals(page, report);
        page.append("</header>");
        overview(page, report);
        misconceptions(page, report);
        families(page, report);
        students(page, report);
        if (!report.notes().isEmpty()) {
            page.append("<section><h2>Other shared notes</h2>");
            notes(page, report.notes());
            page.append("</section>");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void totals(StringBuilder page, CourseReport report) {
        var totals = report.totals();
        int graded = totals.correct() + totals.incorrect();
        page.append("<div class=\"totals\">");
        stat(page, "learners", String.valueOf(totals.students()));
        stat(page, "have started", String.valueOf(totals.studentsStarted()));
        stat(page, "attempts", String.valueOf(totals.attempts()));
        stat(page, "correct of graded", graded == 0 ? "–" : Svg.percent((double) totals.correct() / graded));
        stat(page, "invalid input", String.valueOf(totals.invalid()));
        page.append("</div>");
    }

    private static void stat(StringBuilder page, String label, String value) {
        page.append("<div><strong>").append(escape(value)).append("</strong>").append(escape(label)).append("</div>");
    }

    private static void overview(StringBuilder page, CourseReport report) {
        page.append("<section><h2>Which misconceptions the class holds</h2><div class=\"cols\"><div>");
        int students = Math.max(1, report.totals().students());
        page.append(Svg.bars("Learners holding each misconception now", report.misconceptions().stream()
                .map(m -> new Svg.Bar(m.code().name(), m.studentsHolding(), m.studentsHolding() + " of " + report.totals().students(), "held"))
                .toList(), students));
        page.append("<p class=\"muted\">Learners holding each misconception now (the mastery model's belief).</p></div><div>");
        int maxAttempts = report.misconceptions().stream().mapToInt(MisconceptionReport::attempts).max().orElse(0);
        page.append(Svg.bars("Attempts showing each misconception", report.misconceptions().stream()
                .map(m -> new Svg.Bar(m.code().name(), m.attempts(), String.valueOf(m.attempts()), "shown")).toList(), maxAttempts));
        page.append("<p class=\"muted\">Attempts in which the diagnosis named each misconception.</p></div></div></section>");
    }

    private static void misconceptions(StringBuilder page, CourseReport report) {
        page.append("<section><h2>Each misconception: who, where, and whether it is fading</h2>");
        List<String> weekLabels = report.weeks().stream().map(Object::toString).toList();
        for (MisconceptionReport m : report.misconceptions()) {
            if (m.attempts() == 0 && m.studentsHolding() == 0 && m.notes().isEmpty()) {
                continue;
            }
            page.append("<div class=\"card\" id=\"misconception-").append(escape(m.code().name())).append("\"><h3><code>")
                    .append(escape(m.code().name())).append("</code> ").append(escape(m.description()))
                    .append(" <span class=\"badge ").append(m.trend().name()).append("\">").append(trendText(m.trend()))
                    .append("</span></h3><p>Held now by <strong>").append(m.studentsHolding())
                    .append("</strong> learner(s); shown in <strong>").append(m.attempts()).append("</strong> attempt(s) by ")
                    .append(m.studentsShowing()).append(" learner(s).</p><div class=\"cols\"><div>");
            if (!report.weeks().isEmpty()) {
                page.append(Svg.trend("Weekly share of graded attempts showing " + m.code().name(),
                        m.weekly().stream().map(MisconceptionReport.WeekCount::share).toList(), weekLabels));
                page.append("<p class=\"muted\">Share of the week's graded attempts, by week.</p>");
            }
            page.append("</div><div>");
            if (!m.families().isEmpty()) {
                page.append("<table><tr><th>Item family</th><th class=\"num\">attempts</th><th class=\"num\">learners</th></tr>");
                for (var family : m.families()) {
                    page.append("<tr><td><code>").append(escape(family.family())).append("</code></td><td class=\"num\">")
                            .append(family.attempts()).append("</td><td class=\"num\">").append(family.students()).append("</td></tr>");
                }
                page.append("</table>");
            }
            if (!m.layers().isEmpty()) {
                page.append("<p>Layers: ").append(m.layers().stream()
                        .map(l -> (l.layer() == null ? "unnamed" : "layer " + l.layer()) + " (" + l.attempts() + ")")
                        .map(Html::escape).collect(Collectors.joining(", "))).append("</p>");
            }
            page.append("</div></div>");
            if (!m.holders().isEmpty()) {
                page.append("<p><strong>Who holds it:</strong> ").append(m.holders().stream()
                        .map(h -> escape(h.name()) + " <span class=\"muted\">(" + escape(Svg.percent(h.belief())) + ")</span>")
                        .collect(Collectors.joining(", "))).append("</p>");
            }
            if (!m.examples().isEmpty()) {
                page.append("<table><tr><th>Item</th><th>Answer as typed</th><th>Learner</th><th>When</th></tr>");
                for (AnswerExample example : m.examples()) {
                    page.append("<tr><td><code>").append(escape(example.item())).append("</code><br><span class=\"muted\">")
                            .append(escape(example.family())).append(example.layer() == null ? "" : ", layer " + example.layer())
                            .append("</span></td><td class=\"answer\">").append(escape(example.rawAnswer()))
                            .append("</td><td>").append(escape(example.studentName())).append("</td><td>")
                            .append(escape(WHEN.format(example.submittedAt()))).append("</td></tr>");
                }
                page.append("</table>");
            }
            notes(page, m.notes());
            page.append("</div>");
        }
        page.append("</section>");
    }

    private static String trendText(Trend trend) {
        return switch (trend) {
            case FADING -> "fading";
            case RISING -> "rising";
            case STEADY -> "steady";
            case NONE -> "not seen";
            case INSUFFICIENT -> "too few weeks to tell";
        };
    }

    private static void families(StringBuilder page, CourseReport report) {
        if (report.families().isEmpty()) {
            return;
        }
        page.append("<section><h2>Item families: difficulty and the wrong answers learners produce</h2>");
        page.append(Svg.bars("Success rate per item family", report.families().stream()
                .map(f -> new Svg.Bar(f.family(), f.successRate() == null ? 0 : f.successRate(),
                        f.successRate() == null ? "–" : Svg.percent(f.successRate()), "success")).toList(), 1));
        page.append("<table><tr><th>Family</th><th class=\"num\">attempts</th><th class=\"num\">correct / graded</th>"
                + "<th class=\"num\">learners</th><th>Distractors produced (first diagnosis)</th></tr>");
        for (FamilyReport family : report.families()) {
            page.append("<tr><td><code>").append(escape(family.family())).append("</code></td><td class=\"num\">")
                    .append(family.attempts()).append("</td><td class=\"num\">").append(family.correct()).append(" / ")
                    .append(family.graded()).append("</td><td class=\"num\">").append(family.students()).append("</td><td>")
                    .append(family.distractors().stream()
                            .map(d -> "<code>" + escape(d.code().name()) + "</code>"
                                    + (d.layer() == null ? "" : " @" + d.layer()) + " × " + d.attempts())
                            .collect(Collectors.joining(", ")));
            if (!family.notes().isEmpty()) {
                notes(page, family.notes());
            }
            page.append("</td></tr>");
        }
        page.append("</table></section>");
    }

    private static void students(StringBuilder page, CourseReport report) {
        page.append("<section><h2>Learners: mastery per skill and misconceptions held now</h2><table><tr><th>Learner</th>"
                + "<th class=\"num\">attempts</th><th class=\"num\">correct</th>");
        for (Skill skill : Skill.values()) {
            page.append("<th class=\"num\" title=\"").append(escape(skill.name())).append("\">")
                    .append(escape(skill.name().replace('_', ' ').toLowerCase(Locale.ROOT))).append("</th>");
        }
        page.append("<th>Held</th></tr>");
        for (StudentReport student : report.students()) {
            page.append("<tr><td>").append(escape(student.name())).append("</td><td class=\"num\">").append(student.attempts())
                    .append("</td><td class=\"num\">").append(student.correct()).append("</td>");
            for (StudentReport.SkillMastery skill : student.skills()) {
                page.append("<td class=\"num ").append(shade(skill)).append("\">")
                        .append(skill.pMastery() == null ? "–" : escape(Svg.percent(skill.pMastery())))
                        .append(skill.mastered() ? " ✓" : "").append("</td>");
            }
            page.append("<td>").append(student.misconceptions().stream()
                    .map(m -> "<code>" + escape(m.code().name()) + "</code>").collect(Collectors.joining(" "))).append("</td></tr>");
        }
        page.append("</table><p class=\"muted\">Mastery is the model's probability that the skill is known; ✓ marks mastery"
                + " (shaded: darker is higher; – means no evidence yet).</p></section>");
    }

    private static String shade(StudentReport.SkillMastery skill) {
        if (skill.pMastery() == null) {
            return "m0";
        }
        return skill.mastered() ? "m3" : skill.pMastery() >= 0.5 ? "m2" : "m1";
    }

    private static void notes(StringBuilder page, List<Note> notes) {
        for (Note note : notes) {
            page.append("<div class=\"note\"><strong>").append(escape(note.question())).append("</strong>");
            line(page, "Evidence", note.evidence());
            line(page, "Resolution", note.resolution());
            line(page, "Next", note.nextAction());
            page.append("<div class=\"muted\">").append(escape(note.authorName())).append(" · <code>")
                    .append(escape(note.objectKey())).append("</code> · ").append(escape(WHEN.format(note.updatedAt())))
                    .append("</div></div>");
        }
    }

    private static void line(StringBuilder page, String label, String text) {
        if (text != null && !text.isBlank()) {
            page.append("<div>").append(escape(label)).append(": ").append(escape(text)).append("</div>");
        }
    }
}
