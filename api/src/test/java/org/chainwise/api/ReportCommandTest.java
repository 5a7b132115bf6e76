package org.chainwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.chainwise.migrations.CourseFixture;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.TestPostgres;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} command of the application jar, run in-process on a test schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, Object> properties;
    private long courseId;

    @BeforeAll
    void course() {
        DatabaseUrl url = TestPostgres.migratedSchema();
        properties = new HashMap<>();
        properties.put("datasources.default.url", url.jdbcUrl());
        if (url.user() != null) {
            properties.put("datasources.default.username", url.user());
        }
        if (url.password() != null) {
            properties.put("datasources.default.password", url.password());
        }
        var dsl = DSL.using(TestPostgres.dataSource(url), SQLDialect.POSTGRES);
        CourseFixture course = new CourseFixture(dsl, "calc-1");
        courseId = course.courseId();
        long ana = course.student("ana");
        dsl.insertInto(org.chainwise.migrations.jooq.Tables.COURSE_ROLE)
                .set(org.chainwise.migrations.jooq.Tables.COURSE_ROLE.COURSE_ID, courseId)
                .set(org.chainwise.migrations.jooq.Tables.COURSE_ROLE.USER_ID, ana)
                .set(org.chainwise.migrations.jooq.Tables.COURSE_ROLE.ROLE, "learner").execute();
        course.attempt(ana, course.item(ana), UUID.randomUUID(), "incorrect", "OUTER_AT_X");
    }

    @BeforeEach
    void clearOutput() {
        out.reset();
        err.reset();
    }

    private int run(String... args) {
        return ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), properties);
    }

    @Test
    void writesTheJsonReportToStandardOutput() {
        assertThat(run("--course", String.valueOf(courseId), "--format", "json")).isZero();

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"courseId\":" + courseId + ",");
        assertThat(json).contains("\"code\":\"OUTER_AT_X\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void writesTheAttemptRowsToAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("attempts.csv");

        assertThat(run("--course", String.valueOf(courseId), "--format", "csv", "--rows", "attempts", "--out", file.toString()))
                .isZero();

        assertThat(Files.readAllLines(file)).hasSize(2).first().asString().startsWith("attempt_id,user_id,");
        assertThat(out.size()).isZero();
    }

    @Test
    void writesTheHtmlPage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("report.html");

        assertThat(run("--course", String.valueOf(courseId), "--format", "HTML", "--out", file.toString())).isZero();

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("OUTER_AT_X");
    }

    @Test
    void anUnknownCourseExitsWithOneAndSaysSo(@TempDir Path directory) {
        Path file = directory.resolve("none.html");

        assertThat(run("--course", "987654", "--format", "html", "--out", file.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no course with id 987654");
        assertThat(file).doesNotExist();
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        for (String[] args : new String[][] {{}, {"--course", "1"}, {"--course", "x", "--format", "json"},
                {"--course", "1", "--format", "pdf"}, {"--course", "1", "--format", "csv", "--rows", "items"},
                {"--course", "1", "--format", "json", "--colour", "red"}, {"--course"}}) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(ReportCommand.USAGE);
        }
    }
}
