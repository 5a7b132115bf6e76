package org.chainwise.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.TeacherReports;
import org.chainwise.reports.render.ReportFormat;

/**
 * A course's misconception report for its instructors (fields in reports/README.md): JSON at
 * {@code /report}, CSV at {@code /report.csv?rows=students|attempts}, a standalone page at
 * {@code /report.html}, and the answers behind one code at {@code /misconceptions/{code}/answers}.
 */
@Controller("/api/v1/courses/{courseId}")
class ReportController {

    private final TeacherReports reports;

    ReportController(TeacherReports reports) {
        this.reports = reports;
    }

    @Get("/report")
    HttpResponse<byte[]> json(Actor actor, @PathVariable long courseId) {
        return document(reports.document(actor, courseId, ReportFormat.JSON, ReportFormat.Rows.STUDENTS), ReportFormat.JSON);
    }

    @Get(value = "/report.html", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> html(Actor actor, @PathVariable long courseId) {
        return document(reports.document(actor, courseId, ReportFormat.HTML, ReportFormat.Rows.STUDENTS), ReportFormat.HTML);
    }

    @Get(value = "/report.csv", produces = "text/csv")
    HttpResponse<byte[]> csv(Actor actor, @PathVariable long courseId, @Nullable @QueryValue String rows) {
        ReportFormat.Rows table = rows == null ? ReportFormat.Rows.STUDENTS : ReportFormat.Rows.named(rows).orElseThrow(() ->
                ApiException.badRequest("bad_rows", "rows is students or attempts, not " + rows + ".", "rows"));
        return document(reports.document(actor, courseId, ReportFormat.CSV, table), ReportFormat.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"course-" + courseId + "-" + table.label() + ".csv\"");
    }

    @Get("/misconceptions/{code}/answers")
    HttpResponse<String> answers(Actor actor, @PathVariable long courseId, @PathVariable String code,
            @Nullable @QueryValue Long before, @Nullable @QueryValue Integer limit) {
        return HttpResponse.ok(reports.answers(actor, courseId, code, before, limit)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpResponse<byte[]> document(byte[] body, ReportFormat format) {
        return HttpResponse.ok(body).contentType(format.mediaType())
                // The report names students and what they typed: not for shared caches.
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
