package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.PRACTICE_ENROLLMENT;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Learners' runs through practice sets ({@code practice_enrollment}). The statements of every
 * practice request are rendered once and run in a {@link Pipeline} by {@link NextReads} and
 * {@link AnswerReads} / {@link AnswerWrites}.
 */
@Singleton
public class Enrollments {

    // Columns of the batch key arrays.
    private static final String COURSE = "course_id";
    private static final String USER = "user_id";
    private static final String SET = "practice_set_id";

    /**
     * Starts the learners' runs through their sets, each if the set is in the learner's course and
     * the run is not started yet (otherwise nothing), in key order. Binds {@link #runBinds}.
     */
    static final Rendered START = Rendered.of(DSL.insertInto(PRACTICE_ENROLLMENT,
                    PRACTICE_ENROLLMENT.COURSE_ID, PRACTICE_ENROLLMENT.USER_ID, PRACTICE_ENROLLMENT.PRACTICE_SET_ID)
            .select(DSL.select(Rendered.key("k", COURSE), Rendered.key("k", USER), PRACTICE_SET.ID)
                    .from(runs("k"))
                    .join(PRACTICE_SET).on(PRACTICE_SET.ID.eq(Rendered.key("k", SET)), PRACTICE_SET.COURSE_ID.eq(Rendered.key("k", COURSE)))
                    .orderBy(Rendered.key("k", COURSE), Rendered.key("k", USER), PRACTICE_SET.ID))
            .onConflictDoNothing());

    /** The runs' keys as rows with their positions; binds {@link #runBinds}. */
    private static Table<Record> runs(String alias) {
        return Rendered.positioned(alias, new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0])},
                COURSE, USER, SET);
    }

    /** The runs' keys in a batch statement: binds (courses, users, sets) as arrays. */
    static List<Object> runBinds(List<Long> courses, List<Long> users, List<Long> sets) {
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users), Pipeline.SqlArray.int8(sets));
    }

    /**
     * The learners' runs, locked until the transaction ends, in key order: the next items of one
     * learner in one set are chosen one after the other, and two batches never wait on each other
     * in a circle. Each row starts with its position in the batch; binds {@link #runBinds}.
     */
    static final Rendered LOCK = Rendered.of(DSL.select(Rendered.position("k"), PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED,
                    PRACTICE_ENROLLMENT.ITEMS_CORRECT, PRACTICE_ENROLLMENT.COMPLETED_AT)
            .from(PRACTICE_ENROLLMENT)
            .join(runs("k"))
            .on(PRACTICE_ENROLLMENT.COURSE_ID.eq(Rendered.key("k", COURSE)), PRACTICE_ENROLLMENT.USER_ID.eq(Rendered.key("k", USER)),
                    PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(Rendered.key("k", SET)))
            .orderBy(PRACTICE_ENROLLMENT.COURSE_ID, PRACTICE_ENROLLMENT.USER_ID, PRACTICE_ENROLLMENT.PRACTICE_SET_ID)
            .forNoKeyUpdate().of(PRACTICE_ENROLLMENT));

    /**
     * Stores the runs' new counters, and each run's completion the first time it is met. Binds
     * {@link #saveBinds}.
     */
    static final Rendered SAVE = Rendered.of(DSL.update(PRACTICE_ENROLLMENT)
            .set(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, Rendered.unnested("attempted").cast(SQLDataType.INTEGER))
            .set(PRACTICE_ENROLLMENT.ITEMS_CORRECT, Rendered.unnested("correct").cast(SQLDataType.INTEGER))
            .set(PRACTICE_ENROLLMENT.COMPLETED_AT, DSL.when(Rendered.unnested("completed").cast(SQLDataType.BOOLEAN).isTrue(),
                    coalesce(PRACTICE_ENROLLMENT.COMPLETED_AT, currentOffsetDateTime())).otherwise(PRACTICE_ENROLLMENT.COMPLETED_AT))
            .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Integer[0]),
                    DSL.val(new Integer[0]), DSL.val(new Boolean[0])},
                            COURSE, USER, SET, "attempted", "correct", "completed"))
            .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(Rendered.unnested(COURSE).cast(SQLDataType.BIGINT)),
                    PRACTICE_ENROLLMENT.USER_ID.eq(Rendered.unnested(USER).cast(SQLDataType.BIGINT)),
                    PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(Rendered.unnested(SET).cast(SQLDataType.BIGINT))));

    /** A run's new counters, for {@link #saveBinds}. */
    record Saved(long courseId, long userId, long practiceSetId, Enrollment counts) {
    }

    static List<Object> saveBinds(List<Saved> runs) {
        return List.of(Pipeline.SqlArray.int8(runs.stream().map(Saved::courseId).toList()),
                Pipeline.SqlArray.int8(runs.stream().map(Saved::userId).toList()),
                Pipeline.SqlArray.int8(runs.stream().map(Saved::practiceSetId).toList()),
                Pipeline.SqlArray.int4(runs.stream().map(r -> r.counts().itemsAttempted()).toList()),
                Pipeline.SqlArray.int4(runs.stream().map(r -> r.counts().itemsCorrect()).toList()),
                Pipeline.SqlArray.bool(runs.stream().map(r -> r.counts().completed()).toList()));
    }


    /** A row of {@link #LOCK} (after its position). */
    static Enrollment read(ResultSet row) throws SQLException {
        return new Enrollment(row.getInt(2), row.getInt(3), row.getObject(4) != null);
    }

    /** The learner's run through the set, if it was started. */
    public Optional<Enrollment> find(DSLContext tx, long courseId, long userId, long practiceSetId) {
        return tx.select(PRACTICE_ENROLLMENT.ITEMS_ATTEMPTED, PRACTICE_ENROLLMENT.ITEMS_CORRECT, PRACTICE_ENROLLMENT.COMPLETED_AT)
                .from(PRACTICE_ENROLLMENT)
                .where(PRACTICE_ENROLLMENT.COURSE_ID.eq(courseId), PRACTICE_ENROLLMENT.USER_ID.eq(userId),
                        PRACTICE_ENROLLMENT.PRACTICE_SET_ID.eq(practiceSetId))
                .fetchOptional(row -> new Enrollment(row.value1(), row.value2(), row.value3() != null));
    }
}
