package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.COURSE;

import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PeopleTest {

    private static DSLContext dsl;
    private static long deployment;
    private final People people = new People();

    @BeforeAll
    static void database() {
        dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
        deployment = new People().localDeployment(dsl);
    }

    private String title(long courseId) {
        return dsl.select(COURSE.TITLE).from(COURSE).where(COURSE.ID.eq(courseId)).fetchSingle().value1();
    }

    private int version(long courseId) {
        // xmin changes whenever the row is written: the way to see that a launch left it alone.
        return dsl.select(DSL.field("xmin::text::int", Integer.class)).from(COURSE).where(COURSE.ID.eq(courseId)).fetchSingle().value1();
    }

    @Test
    void aCourseIsMadeOnceAndALaunchWithTheSameTitleLeavesItsRowUntouched() {
        long made = people.upsertCourse(dsl, deployment, "calc-1", "Calculus I");
        int written = version(made);

        assertThat(people.upsertCourse(dsl, deployment, "calc-1", "Calculus I")).isEqualTo(made);
        assertThat(people.upsertCourse(dsl, deployment, "calc-1", null)).isEqualTo(made);
        assertThat(version(made)).isEqualTo(written);
        assertThat(title(made)).isEqualTo("Calculus I");
    }

    @Test
    void aNewTitleRetitlesTheCourse() {
        long made = people.upsertCourse(dsl, deployment, "calc-2", "Calculus II");

        assertThat(people.upsertCourse(dsl, deployment, "calc-2", "Calculus II (spring)")).isEqualTo(made);
        assertThat(title(made)).isEqualTo("Calculus II (spring)");
        assertThat(people.upsertCourse(dsl, deployment, "calc-3", "Calculus III")).isNotEqualTo(made);
    }
}
