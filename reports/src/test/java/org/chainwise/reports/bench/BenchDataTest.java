package org.chainwise.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.chainwise.migrations.TestPostgres;
import org.chainwise.reports.CourseReport;
import org.chainwise.reports.CourseReports;
import org.chainwise.reports.CoursesSummary;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The benchmark's generator writes exactly the school it is asked for, and the reports count it back. */
class BenchDataTest {

    @Test
    void theReportsCountBackWhatTheGeneratorWrote() throws Exception {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.migratedSchema());
        Shape shape = new Shape(130, 6_000, 50, 6, LocalDate.of(2026, 11, 29), 7);
        BenchData.Loaded loaded;
        try (Connection connection = dataSource.getConnection()) {
            loaded = new BenchData(shape).load(connection);
        }
        var dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        CourseReports reports = new CourseReports(dsl, Clock.systemUTC());

        CoursesSummary summary = reports.summary();

        assertThat(loaded.attempts()).isEqualTo(6_000);
        assertThat(summary.courses()).hasSize(3);
        assertThat(summary.courses()).extracting(CoursesSummary.CourseSummary::students).containsExactly(50, 50, 30);
        assertThat(summary.courses().stream().mapToLong(CoursesSummary.CourseSummary::attempts).sum()).isEqualTo(6_000);
        // Each diagnosed attempt has one diagnosis.
        assertThat(summary.courses().stream().flatMap(c -> c.misconceptions().stream())
                .mapToLong(CoursesSummary.CodeCount::attempts).sum()).isEqualTo(loaded.diagnoses());
        CourseReport first = reports.course(loaded.courseIds().getFirst()).orElseThrow();
        assertThat(first.totals().students()).isEqualTo(50);
        assertThat(first.weeks()).hasSizeBetween(shape.weeks(), shape.weeks() + 1);
        assertThat(first.totals().attempts()).isEqualTo(summary.courses().getFirst().attempts());
        assertThat(first.notes()).isEmpty();
        assertThat(first.families()).isNotEmpty();
        assertThat(first.misconceptions().getFirst().studentsHolding()).isPositive();
    }
}
