package org.chainwise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.diagnose.Misconception.COMPOSED_DERIVATIVES;
import static org.chainwise.engine.diagnose.Misconception.MISSING_INNER;
import static org.chainwise.engine.diagnose.Misconception.OUTER_AT_X;

import java.util.List;
import java.util.UUID;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.migrations.CourseFixture;
import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class MisconceptionCountsTest {

    private final DSLContext dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
    private final MisconceptionCounts counts = new MisconceptionCounts(dsl);

    @Test
    void countsAttemptsAndStudentsPerCodeInOneCourseOnly() {
        CourseFixture course = new CourseFixture(dsl, "calc-1");
        long ana = course.student("ana");
        long ben = course.student("ben");
        long anaItem = course.item(ana);
        long benItem = course.item(ben);
        course.attempt(ana, anaItem, UUID.randomUUID(), "incorrect", "OUTER_AT_X", "MISSING_INNER");
        course.attempt(ana, anaItem, UUID.randomUUID(), "incorrect", "OUTER_AT_X");
        course.attempt(ben, benItem, UUID.randomUUID(), "incorrect", "OUTER_AT_X");
        course.attempt(ben, benItem, UUID.randomUUID(), "correct");
        CourseFixture otherCourse = new CourseFixture(dsl, "calc-2");
        long cleo = otherCourse.student("cleo");
        otherCourse.attempt(cleo, otherCourse.item(cleo), UUID.randomUUID(), "incorrect", "COMPOSED_DERIVATIVES");

        List<MisconceptionCount> report = counts.forCourse(course.courseId());

        assertThat(report).startsWith(
                new MisconceptionCount(OUTER_AT_X, 3, 2),
                new MisconceptionCount(MISSING_INNER, 1, 1));
        assertThat(report).contains(new MisconceptionCount(COMPOSED_DERIVATIVES, 0, 0));
    }

    @Test
    void everyCodeOfTheEngineIsInTheSchemaAndViceVersa() {
        CourseFixture emptyCourse = new CourseFixture(dsl, "calc-3");

        assertThat(counts.forCourse(emptyCourse.courseId()))
                .extracting(MisconceptionCount::code)
                .containsExactlyInAnyOrder(Misconception.values());
    }
}
