package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.COURSE;

import java.util.Optional;
import org.jooq.DSLContext;

/** A course's title, or empty when there is no such course. */
public final class CourseHeader {

    private final DSLContext dsl;

    public CourseHeader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The course, with its title (null when the platform sent none). */
    public Optional<Course> find(long courseId) {
        return dsl.select(COURSE.ID, COURSE.TITLE).from(COURSE).where(COURSE.ID.eq(courseId))
                .fetchOptional(row -> new Course(row.value1(), row.value2()));
    }

    /** A course id and title. */
    public record Course(long id, String title) {
    }
}
