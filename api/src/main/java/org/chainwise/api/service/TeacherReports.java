package org.chainwise.api.service;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.web.ApiException;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.CourseReports;
import org.chainwise.reports.render.JsonReport;
import org.chainwise.reports.render.ReportDocuments;
import org.chainwise.reports.render.ReportFormat;
import org.jooq.DSLContext;

/**
 * The misconception reports of a course for its instructors: the rendered report in each format
 * and the answers behind one misconception, page by page. Only an instructor of the course itself
 * may read them; the reports module builds and renders them.
 */
@Singleton
public class TeacherReports {

    /** The drill-down's page size when none is asked for. */
    public static final int DEFAULT_PAGE = 50;

    private final CourseReports reports;

    TeacherReports(DSLContext dsl) {
        this.reports = new CourseReports(dsl, Clock.systemUTC());
    }

    /** The report of {@code courseId} in {@code format}; for CSV, {@code rows} chooses the table. */
    public byte[] document(Actor actor, long courseId, ReportFormat format, ReportFormat.Rows rows) {
        actor.requireInstructor().requireCourse(courseId);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!new ReportDocuments(reports).write(courseId, format, rows, out)) {
            throw ApiException.notFound("unknown_course", "There is no course " + courseId + ".");
        }
        return out.toByteArray();
    }

    /** The JSON of one drill-down page: the answers showing {@code code}, newest first, below {@code before}. */
    public String answers(Actor actor, long courseId, String code, Long before, Integer limit) {
        actor.requireInstructor().requireCourse(courseId);
        Misconception misconception = Arrays.stream(Misconception.values()).filter(m -> m.name().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown_misconception", "There is no misconception code "
                        + code + "; the codes are " + Arrays.stream(Misconception.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ".", "code"));
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > CourseReports.MAX_PAGE) {
            throw ApiException.badRequest("bad_limit", "limit is between 1 and " + CourseReports.MAX_PAGE + ", not " + size + ".",
                    "limit");
        }
        if (before != null && before < 1) {
            throw ApiException.badRequest("bad_before", "before is an attempt id from nextBefore of an earlier page.", "before");
        }
        return JsonReport.json(reports.answers(courseId, misconception, before, size));
    }
}
