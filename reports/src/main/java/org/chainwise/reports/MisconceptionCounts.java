package org.chainwise.reports;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION;
import static org.jooq.impl.DSL.countDistinct;

import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Counts, per misconception code, the attempts of one course in which it was diagnosed (at any
 * rank) and the students who made them. Every code appears, with zeros, so that a chart keeps
 * its axis; most frequent first.
 */
public final class MisconceptionCounts {

    private final DSLContext dsl;

    public MisconceptionCounts(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<MisconceptionCount> forCourse(long courseId) {
        Field<Integer> attempts = countDistinct(ATTEMPT.ID).as("attempts");
        Field<Integer> students = countDistinct(ATTEMPT.USER_ID).as("students");
        return dsl.select(MISCONCEPTION.CODE, attempts, students)
                .from(MISCONCEPTION)
                .leftJoin(ATTEMPT_MISCONCEPTION).on(ATTEMPT_MISCONCEPTION.CODE.eq(MISCONCEPTION.CODE))
                // The course condition sits in the join, so codes without attempts here still appear.
                .leftJoin(ATTEMPT).on(ATTEMPT.ID.eq(ATTEMPT_MISCONCEPTION.ATTEMPT_ID).and(ATTEMPT.COURSE_ID.eq(courseId)))
                .groupBy(MISCONCEPTION.CODE)
                .orderBy(attempts.desc(), MISCONCEPTION.CODE)
                .fetch(row -> new MisconceptionCount(
                        Misconception.valueOf(row.value1()), row.value2(), row.value3()));
    }
}
