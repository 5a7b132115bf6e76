package org.chainwise.reports.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.SchemaMigration;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.CourseReports;
import org.chainwise.reports.CoursesSummary;
import org.chainwise.reports.render.CsvReport;
import org.chainwise.reports.render.HtmlReport;
import org.chainwise.reports.render.JsonReport;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Loads the synthetic school into PostgreSQL (the server of {@code DATABASE_URL}, else an embedded
 * one of its own), then times the report of the first course (queries and rendering) and the
 * all-courses summary over several runs, and prints the EXPLAIN (ANALYZE, BUFFERS) plan of every
 * query they run.
 */
final class ReportBench {

    static final String USAGE = "bench [--students 10000] [--attempts 2000000] [--course-size 300] [--weeks 12]"
            + " [--runs 5] [--seed 1] [--plans FILE]   (DATABASE_URL: use that server, which must be empty"
            + " or hold an earlier bench load; unset: an embedded server of its own)";

    /** The command's options. */
    record Options(Shape shape, int runs, Path plans) {

        static Options parse(String[] args) {
            int students = 10_000;
            long attempts = 2_000_000;
            int courseSize = 300;
            int weeks = 12;
            int runs = 5;
            long seed = 1;
            Path plans = null;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--students" -> students = positive(option, value);
                    case "--attempts" -> attempts = number(option, value);
                    case "--course-size" -> courseSize = positive(option, value);
                    case "--weeks" -> weeks = positive(option, value);
                    case "--runs" -> runs = positive(option, value);
                    case "--seed" -> seed = number(option, value);
                    case "--plans" -> plans = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Options(new Shape(students, attempts, courseSize, weeks, LocalDate.of(2026, 11, 29), seed), runs, plans);
        }

        private static long number(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n < 0) {
                    throw new IllegalArgumentException(option + " must not be negative, got " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, got " + value);
            }
        }

        private static int positive(String option, String value) {
            long n = number(option, value);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE + ", got " + value);
            }
            return (int) n;
        }
    }

    private final Options options;
    private final PrintStream out;

    ReportBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        String configured = System.getenv("DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(configured);
            out.println("server: " + url.describe());
            bench(url);
            return;
        }
        Path dataDir = Files.createTempDirectory("chainwise-bench-pg");
        // A throw-away cluster: durability settings off to load fast; memory as a small server would have.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start()) {
            out.println("server: embedded PostgreSQL in " + dataDir + " (shared_buffers 1GB, fsync off, other settings default)");
            bench(new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null));
        }
    }

    private void bench(DatabaseUrl url) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        if (url.user() != null) {
            dataSource.setUser(url.user());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        SchemaMigration.apply(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            out.println("PostgreSQL " + connection.getMetaData().getDatabaseProductVersion());
            long courseId = load(connection, dsl);
            out.printf(Locale.ROOT, "database: %,d courses, %,d learners, %,d attempts, %,d diagnoses, %,d items served%n",
                    dsl.fetchCount(DSL.table("course")), dsl.fetchCount(DSL.table("course_role"), DSL.condition("role = 'learner'")),
                    dsl.fetchCount(DSL.table("attempt")), dsl.fetchCount(DSL.table("attempt_misconception")),
                    dsl.fetchCount(DSL.table("item_served")));
            CourseReports reports = new CourseReports(dsl, Clock.systemUTC());
            CourseReport sample = reports.course(courseId).orElseThrow();
            out.printf(Locale.ROOT, "course %d: %d learners, %,d attempts%n", courseId, sample.totals().students(),
                    sample.totals().attempts());
            out.println("load average before timing: " + loadAverage());
            time("course report, queries + HTML", () -> HtmlReport.html(reports.course(courseId).orElseThrow()).length());
            time("course report, queries + JSON", () -> JsonReport.json(reports.course(courseId).orElseThrow()).length());
            time("course report, queries + CSV of students x skills", () -> {
                StringWriter csv = new StringWriter();
                CsvReport.students(reports.course(courseId).orElseThrow(), csv);
                return csv.getBuffer().length();
            });
            time("course attempts CSV (" + sample.totals().attempts() + " rows)", () -> {
                StringWriter csv = new StringWriter();
                reports.attempts(courseId, CsvReport.attempts(csv));
                return csv.getBuffer().length();
            });
            time("all-courses summary + JSON", () -> JsonReport.json(reports.summary()).length());
            time("drill-down page of 50", () -> reports.answers(courseId,
                    sample.misconceptions().getFirst().code(), null, 50).answers().size());
            out.println("load average after timing: " + loadAverage());
            plans(connection, courseId);
        }
    }

    /** Loads the school unless the database holds one already; returns the first (full-size) course. */
    private long load(Connection connection, DSLContext dsl) throws SQLException {
        if (dsl.fetchCount(DSL.table("course")) == 0) {
            long start = System.nanoTime();
            BenchData.Loaded loaded = new BenchData(options.shape()).load(connection);
            out.printf(Locale.ROOT, "loaded %,d attempts (%,d diagnosed, %,d items) for %,d learners in %.1f s%n",
                    loaded.attempts(), loaded.diagnoses(), loaded.items(), loaded.students(), seconds(start));
            start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // VACUUM sets the visibility map that index-only scans rely on; ANALYZE the statistics.
                statement.execute("VACUUM ANALYZE");
            }
            out.printf(Locale.ROOT, "VACUUM ANALYZE in %.1f s%n", seconds(start));
        } else {
            out.println("database already loaded: benchmarking what is there");
        }
        return dsl.select(DSL.min(org.chainwise.migrations.jooq.Tables.COURSE.ID)).from(org.chainwise.migrations.jooq.Tables.COURSE).fetchSingle().value1();
    }

    private interface Work {
        int run() throws Exception;
    }

    private void time(String what, Work work) throws Exception {
        work.run();
        double[] ms = new double[options.runs()];
        int size = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            size = work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "%-52s median %8.1f ms  min %8.1f  max %8.1f  (%d runs after 1 warm-up; output %,d)%n",
                what, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], ms.length, size);
    }

    /** Runs the report and the summary once more with bind values inlined, then EXPLAINs each statement they ran. */
    private void plans(Connection connection, long courseId) throws Exception {
        List<String> statements = new ArrayList<>();
        ExecuteListener recorder = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.add(ctx.sql());
            }
        };
        DSLContext recording = DSL.using(DSL.using(connection, SQLDialect.POSTGRES,
                        new Settings().withStatementType(StatementType.STATIC_STATEMENT)).configuration()
                .derive(new DefaultExecuteListenerProvider(recorder)));
        CourseReports reports = new CourseReports(recording, Clock.systemUTC());
        reports.course(courseId).orElseThrow();
        int courseStatements = statements.size();
        reports.summary();
        int summaryStatements = statements.size();
        reports.answers(courseId, org.chainwise.engine.diagnose.Misconception.OUTER_AT_X, null, 50);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            String part = i < courseStatements ? "course report" : i < summaryStatements ? "all-courses summary" : "drill-down";
            text.append("-- ").append(part).append(", statement ").append(i + 1).append('\n')
                    .append(statements.get(i)).append('\n');
            try (Statement statement = connection.createStatement();
                    ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statements.get(i))) {
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
            }
            text.append('\n');
        }
        if (options.plans() != null) {
            try {
                Files.writeString(options.plans(), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("plans of " + statements.size() + " statements written to " + options.plans());
        } else {
            out.print(text);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
