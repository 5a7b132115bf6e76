package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;

import java.time.LocalDate;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.jooq.DSLContext;

/**
 * Every diagnosis of a course's learner attempts, read once from the index
 * {@code attempt_misconception_course_code} in its order (code, then attempt). The report's
 * per-code parts ({@link MisconceptionAttempts}, {@link WeeklyTrend}, {@link WhereMisconceptionsAppear},
 * {@link FamilyDifficulty#distractors}, {@link MisconceptionAnswers#examples}) aggregate these rows:
 * one index scan instead of one scan and sort each.
 */
public final class CourseDiagnoses {

    private final DSLContext dsl;

    public CourseDiagnoses(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Diagnosis> forCourse(long courseId) {
        var week = LearnerAttempts.week(ATTEMPT_MISCONCEPTION.SUBMITTED_AT);
        return dsl.select(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.ATTEMPT_ID, ATTEMPT_MISCONCEPTION.USER_ID,
                        ATTEMPT_MISCONCEPTION.RANK, ATTEMPT_MISCONCEPTION.LAYER, week, ATTEMPT_MISCONCEPTION.FAMILY)
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId))
                .fetch(row -> new Diagnosis(Misconception.valueOf(row.value1()), row.value2(), row.value3(),
                        row.value4(), row.value5() == null ? null : row.value5().intValue(), row.value6(), row.value7()));
    }

    /** One code diagnosed in one attempt at one layer (null: none named), with the attempt's learner, week and family. */
    public record Diagnosis(Misconception code, long attemptId, long userId, int rank, Integer layer, LocalDate week,
            String family) {
    }
}
