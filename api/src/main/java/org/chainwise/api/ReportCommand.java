package org.chainwise.api;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.chainwise.api.store.DatabaseSettingException;
import org.chainwise.api.store.DatabaseStartup;
import org.chainwise.reports.CourseReports;
import org.chainwise.reports.render.ReportDocuments;
import org.chainwise.reports.render.ReportFormat;
import org.jooq.DSLContext;

/**
 * {@code java -jar chainwise.jar report --course ID --format html|csv|json [--rows students|attempts]
 * [--out FILE]}: one course's report from the database the application would use, without the
 * HTTP server. Exit status 0 on success, 1 for an unknown course or a failure, 2 for bad
 * arguments or a database setting that cannot be used.
 */
final class ReportCommand {

    static final String USAGE = "usage: chainwise report --course ID --format html|csv|json"
            + " [--rows students|attempts] [--out FILE]";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    /** The parsed command line. */
    record Arguments(long courseId, ReportFormat format, ReportFormat.Rows rows, Path out) {

        /** Parses the arguments after {@code report}; the exception's message says what is wrong. */
        static Arguments parse(String[] args) {
            Long course = null;
            ReportFormat format = null;
            ReportFormat.Rows rows = ReportFormat.Rows.STUDENTS;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + option);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--course" -> course = courseId(value);
                    case "--format" -> format = ReportFormat.named(value).orElseThrow(() ->
                            new IllegalArgumentException("--format is html, csv or json, not " + value));
                    case "--rows" -> rows = ReportFormat.Rows.named(value).orElseThrow(() ->
                            new IllegalArgumentException("--rows is students or attempts, not " + value));
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (course == null) {
                throw new IllegalArgumentException("--course is required");
            }
            if (format == null) {
                throw new IllegalArgumentException("--format is required");
            }
            return new Arguments(course, format, rows, out);
        }

        private static long courseId(String value) {
            try {
                long id = Long.parseLong(value);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("--course takes a course id (a positive whole number), not " + value);
        }
    }

    private ReportCommand() {
    }

    /** Runs the command on the application's own configuration (environment, application.properties). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Map.of());
    }

    /** The same, with extra configuration properties (tests point it at their own schema). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            // Waits for the database and migrations, like the server does before it answers.
            context.getBean(DatabaseStartup.class).dataSource();
            ReportDocuments documents = new ReportDocuments(new CourseReports(context.getBean(DSLContext.class), Clock.systemUTC()));
            boolean found;
            if (arguments.out() == null) {
                found = documents.write(arguments.courseId(), arguments.format(), arguments.rows(), out);
                out.flush();
            } else {
                Path temporary = Files.createTempFile(arguments.out().toAbsolutePath().getParent(), ".report", ".tmp");
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                    found = documents.write(arguments.courseId(), arguments.format(), arguments.rows(), file);
                }
                // Only a complete report replaces the file.
                if (found) {
                    Files.move(temporary, arguments.out(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(temporary);
                }
            }
            if (!found) {
                err.println("report: there is no course with id " + arguments.courseId() + " in this database");
                return FAILED;
            }
            return OK;
        } catch (IOException e) {
            err.println("report: cannot write " + arguments.out() + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DatabaseSettingException bad) {
                    err.println("chainwise: " + bad.getMessage());
                    return BAD_ARGUMENTS;
                }
            }
            throw e;
        }
    }
}
