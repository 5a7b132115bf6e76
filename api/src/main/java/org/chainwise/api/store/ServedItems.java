package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.HINT_REVEAL;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.SOLUTION_VIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Items served to learners, their hint reveals and solution views. Every lookup names the course
 * and the learner, so an item of someone else is not found (the API answers 404, not 403, so that
 * ids of other learners' items reveal nothing).
 */
@Singleton
public class ServedItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An item to record as served to a learner in a set. */
    public record NewItem(long courseId, long userId, long practiceSetId, Item item) {
    }

    /** Records the items (at most one per learner) as served; the rows recorded, in order. */
    public List<ServedItem> insert(DSLContext tx, List<NewItem> items) {
        List<Object> binds = List.of(Pipeline.SqlArray.int8(items.stream().map(NewItem::courseId).toList()),
                Pipeline.SqlArray.int8(items.stream().map(NewItem::userId).toList()),
                Pipeline.SqlArray.int8(items.stream().map(NewItem::practiceSetId).toList()),
                Pipeline.SqlArray.text(items.stream().map(i -> i.item().family()).toList()),
                Pipeline.SqlArray.text(items.stream().map(i -> json(i.item().parameters())).toList()),
                Pipeline.SqlArray.int8(items.stream().map(i -> i.item().seed()).toList()),
                Pipeline.SqlArray.text(items.stream().map(i -> i.item().variantKey()).toList()));
        Map<List<Long>, ServedItem> inserted = INSERT.run(tx, results -> {
            Map<List<Long>, ServedItem> byLearner = new HashMap<>();
            results.rows(ServedItems::read).forEach(row -> byLearner.put(List.of(row.courseId(), row.userId()), row));
            return byLearner;
        }, binds);
        return items.stream().map(i -> inserted.get(List.of(i.courseId(), i.userId()))).toList();
    }

    static final Pipeline INSERT = Pipeline.of(Rendered.of(DSL.insertInto(ITEM_SERVED, ITEM_SERVED.COURSE_ID, ITEM_SERVED.USER_ID,
                    ITEM_SERVED.PRACTICE_SET_ID, ITEM_SERVED.FAMILY, ITEM_SERVED.PARAMETERS, ITEM_SERVED.SEED, ITEM_SERVED.VARIANT_KEY)
            .select(DSL.select(Rendered.unnested("course_id").cast(SQLDataType.BIGINT), Rendered.unnested("user_id").cast(SQLDataType.BIGINT),
                            Rendered.unnested("practice_set_id").cast(SQLDataType.BIGINT), Rendered.unnested("family").cast(SQLDataType.VARCHAR),
                            Rendered.unnested("parameters").cast(SQLDataType.JSONB), Rendered.unnested("seed").cast(SQLDataType.BIGINT),
                            Rendered.unnested("variant_key").cast(SQLDataType.VARCHAR))
                    .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new String[0]),
                            DSL.val(new String[0]), DSL.val(new Long[0]), DSL.val(new String[0])},
                            "course_id", "user_id", "practice_set_id", "family", "parameters", "seed", "variant_key")))
            .returning()));

    // The reads of every request, rendered once (placeholders in the order of the binds below).
    private static final Rendered FIND = Rendered.of(DSL.selectFrom(ITEM_SERVED)
            .where(ITEM_SERVED.ID.eq(0L), ITEM_SERVED.COURSE_ID.eq(0L), ITEM_SERVED.USER_ID.eq(0L)));
    /**
     * The learners' items, each locked until the transaction ends (answers, hints and solutions of
     * one item go one at a time), in id order so that two batches never wait on each other in a
     * circle. Each row starts with its position in the batch; binds {@link #lockBinds}.
     */
    static final Rendered LOCK = Rendered.of(DSL.select(Rendered.position("k")).select(ITEM_SERVED.asterisk())
            .from(ITEM_SERVED)
            .join(Rendered.positioned("k", new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0])},
                    "id", "course_id", "user_id"))
            .on(ITEM_SERVED.ID.eq(Rendered.key("k", "id")), ITEM_SERVED.COURSE_ID.eq(Rendered.key("k", "course_id")),
                    ITEM_SERVED.USER_ID.eq(Rendered.key("k", "user_id")))
            .orderBy(ITEM_SERVED.ID)
            .forUpdate().of(ITEM_SERVED));

    /** The binds of {@link #LOCK}: the items and whose they must be. */
    static List<Object> lockBinds(List<Long> items, List<Long> courses, List<Long> users) {
        return List.of(Pipeline.SqlArray.int8(items), Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(users));
    }
    /**
     * Each learner's open item of the set (the latest unanswered one whose solution is not shown),
     * if any, after its position in the batch; binds {@link Enrollments#runBinds}.
     */
    static final Rendered OPEN = Rendered.of(openQuery());

    private static org.jooq.Select<?> openQuery() {
        var open = DSL.selectFrom(ITEM_SERVED)
                .where(ITEM_SERVED.COURSE_ID.eq(Rendered.key("k", "course_id")), ITEM_SERVED.USER_ID.eq(Rendered.key("k", "user_id")),
                        ITEM_SERVED.PRACTICE_SET_ID.eq(Rendered.key("k", "practice_set_id")),
                        ITEM_SERVED.ANSWERED_AT.isNull(), ITEM_SERVED.SOLUTION_SHOWN_AT.isNull())
                .orderBy(ITEM_SERVED.ID.desc())
                .limit(DSL.inline(1))
                .asTable("o");
        return DSL.select(Rendered.position("k")).select(open.asterisk())
                .from(Rendered.positioned("k", new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0]), DSL.val(new Long[0])},
                        "course_id", "user_id", "practice_set_id"))
                .crossJoin(DSL.lateral(open));
    }

    private static final Pipeline FIND_ALONE = Pipeline.of(FIND);
    private static final Pipeline LOCK_ALONE = Pipeline.of(LOCK);

    /** The learner's item {@code itemId}. */
    public Optional<ServedItem> find(DSLContext tx, long courseId, long userId, long itemId) {
        return FIND_ALONE.run(tx, results -> results.row(ServedItems::read), List.of(itemId, courseId, userId));
    }

    /** The learner's item {@code itemId}, locked until the transaction ends: answers, hints and solutions of one item go one at a time. */
    public Optional<ServedItem> lock(DSLContext tx, long courseId, long userId, long itemId) {
        return LOCK_ALONE.run(tx, results -> results.row(ServedItems::read),
                lockBinds(List.of(itemId), List.of(courseId), List.of(userId)));
    }

    /**
     * Marks graded answers (binds: the items, and whether each answer solved it): the first one
     * sets {@code answered_at}; a correct one sets {@code solved_at}. Ungraded (unreadable) answers
     * are not given: they change nothing.
     */
    static final Rendered ANSWERED = Rendered.of(DSL.update(ITEM_SERVED)
            .set(ITEM_SERVED.ANSWERED_AT, coalesce(ITEM_SERVED.ANSWERED_AT, currentOffsetDateTime()))
            .set(ITEM_SERVED.SOLVED_AT, DSL.when(Rendered.unnested("solved").cast(SQLDataType.BOOLEAN).isTrue(), currentOffsetDateTime())
                    .otherwise(ITEM_SERVED.SOLVED_AT))
            .from(Rendered.unnest(new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Boolean[0])},
                            "id", "solved"))
            .where(ITEM_SERVED.ID.eq(Rendered.unnested("id").cast(SQLDataType.BIGINT))));

    /** Records hint {@code step} revealed. */
    public void revealHint(DSLContext tx, long itemId, int step) {
        tx.batch(
                tx.insertInto(HINT_REVEAL).set(HINT_REVEAL.ITEM_ID, itemId).set(HINT_REVEAL.STEP, (short) step),
                tx.update(ITEM_SERVED).set(ITEM_SERVED.HINTS_SHOWN, (short) step).where(ITEM_SERVED.ID.eq(itemId)))
                .execute();
    }

    /** Records the solution shown (once; later views change nothing): after solving it, or as giving up. */
    public void showSolution(DSLContext tx, long itemId, boolean afterSolved) {
        tx.batch(
                tx.insertInto(SOLUTION_VIEW).set(SOLUTION_VIEW.ITEM_ID, itemId).set(SOLUTION_VIEW.AFTER_SOLVED, afterSolved)
                        .onConflictDoNothing(),
                tx.update(ITEM_SERVED)
                        .set(ITEM_SERVED.SOLUTION_SHOWN_AT, coalesce(ITEM_SERVED.SOLUTION_SHOWN_AT, currentOffsetDateTime()))
                        .where(ITEM_SERVED.ID.eq(itemId)))
                .execute();
    }

    static String json(Parameters parameters) {
        return "{\"depth\": " + parameters.depth() + ", \"maxConstant\": " + parameters.maxConstant()
                + ", \"innerComplexity\": " + parameters.innerComplexity() + "}";
    }

    static Parameters parameters(JSONB stored) {
        try {
            JsonNode node = JSON.readTree(stored.data());
            return new Parameters(node.get("depth").asInt(), node.get("innerComplexity").asInt(), node.get("maxConstant").asInt());
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalStateException("item parameters not in the stored form: " + stored.data(), e);
        }
    }

    /** A row of {@code item_served} with all its columns, as JDBC gives it. */
    static ServedItem read(ResultSet row) throws SQLException {
        return new ServedItem(row.getLong("id"), row.getLong("course_id"), row.getLong("user_id"),
                row.getObject("practice_set_id", Long.class), row.getString("family"),
                parameters(JSONB.valueOf(row.getString("parameters"))), row.getLong("seed"), row.getString("variant_key"),
                row.getObject("answered_at", OffsetDateTime.class), row.getObject("solved_at", OffsetDateTime.class),
                row.getObject("solution_shown_at", OffsetDateTime.class), row.getShort("hints_shown"));
    }
}
