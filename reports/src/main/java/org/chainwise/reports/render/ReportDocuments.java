package org.chainwise.reports.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.CourseReports;

/**
 * A course's report written out in one {@link ReportFormat}: what the {@code report} command and the
 * HTTP routes both serve, so that the two cannot drift apart.
 */
public final class ReportDocuments {

    private final CourseReports reports;

    public ReportDocuments(CourseReports reports) {
        this.reports = reports;
    }

    /**
     * Writes the report of {@code courseId} to {@code out} (left open) and returns true, or writes
     * nothing and returns false when there is no such course. {@code rows} matters for CSV only.
     */
    public boolean write(long courseId, ReportFormat format, ReportFormat.Rows rows, OutputStream out) {
        if (format == ReportFormat.CSV && rows == ReportFormat.Rows.ATTEMPTS) {
            // Streamed: a course's attempts are not gathered in memory first.
            if (!reports.exists(courseId)) {
                return false;
            }
            Writer writer = writer(out);
            reports.attempts(courseId, CsvReport.attempts(writer));
            flush(writer);
            return true;
        }
        Optional<CourseReport> report = reports.course(courseId);
        if (report.isEmpty()) {
            return false;
        }
        switch (format) {
            case JSON -> JsonReport.write(report.get(), out);
            case HTML -> {
                Writer writer = writer(out);
                write(writer, HtmlReport.html(report.get()));
                flush(writer);
            }
            case CSV -> {
                Writer writer = writer(out);
                CsvReport.students(report.get(), writer);
                flush(writer);
            }
        }
        return true;
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
