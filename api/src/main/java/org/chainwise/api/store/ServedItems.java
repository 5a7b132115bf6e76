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
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Items served to learners, their hint reveals and solution views. Every lookup names the course
 * and the learner, so an item of someone else is not found (the API answers 404, not 403, so that
 * ids of other learners' items reveal nothing).
 */
@Singleton
public class ServedItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records {@code item} as served to the learner in the set. */
    public ServedItem insert(DSLContext tx, long courseId, long userId, long practiceSetId, Item item) {
        return INSERT.run(tx, results -> results.row(ServedItems::read).orElseThrow(), List.of(courseId, userId, practiceSetId,
                item.family(), json(item.parameters()), item.seed(), item.variantKey()));
    }

    private static final Pipeline INSERT = Pipeline.of(Rendered.of(DSL.insertInto(ITEM_SERVED)
            .set(ITEM_SERVED.COURSE_ID, 0L)
            .set(ITEM_SERVED.USER_ID, 0L)
            .set(ITEM_SERVED.PRACTICE_SET_ID, 0L)
            .set(ITEM_SERVED.FAMILY, "")
            .set(ITEM_SERVED.PARAMETERS, JSONB.valueOf("{}"))
            .set(ITEM_SERVED.SEED, 0L)
            .set(ITEM_SERVED.VARIANT_KEY, "")
            .returning()));

    // The reads of every request, rendered once (placeholders in the order of the binds below).
    private static final Rendered FIND = Rendered.of(DSL.selectFrom(ITEM_SERVED)
            .where(ITEM_SERVED.ID.eq(0L), ITEM_SERVED.COURSE_ID.eq(0L), ITEM_SERVED.USER_ID.eq(0L)));
    static final Rendered LOCK = Rendered.of(DSL.selectFrom(ITEM_SERVED)
            .where(ITEM_SERVED.ID.eq(0L), ITEM_SERVED.COURSE_ID.eq(0L), ITEM_SERVED.USER_ID.eq(0L))
            .forUpdate());
    static final Rendered OPEN = Rendered.of(DSL.selectFrom(ITEM_SERVED)
            .where(ITEM_SERVED.COURSE_ID.eq(0L), ITEM_SERVED.USER_ID.eq(0L), ITEM_SERVED.PRACTICE_SET_ID.eq(0L),
                    ITEM_SERVED.ANSWERED_AT.isNull(), ITEM_SERVED.SOLUTION_SHOWN_AT.isNull())
            .orderBy(ITEM_SERVED.ID.desc())
            .limit(DSL.inline(1)));

    private static final Pipeline FIND_ALONE = Pipeline.of(FIND);
    private static final Pipeline LOCK_ALONE = Pipeline.of(LOCK);

    /** The learner's item {@code itemId}. */
    public Optional<ServedItem> find(DSLContext tx, long courseId, long userId, long itemId) {
        return FIND_ALONE.run(tx, results -> results.row(ServedItems::read), List.of(itemId, courseId, userId));
    }

    /** The learner's item {@code itemId}, locked until the transaction ends: answers, hints and solutions of one item go one at a time. */
    public Optional<ServedItem> lock(DSLContext tx, long courseId, long userId, long itemId) {
        return LOCK_ALONE.run(tx, results -> results.row(ServedItems::read), List.of(itemId, courseId, userId));
    }

    /**
     * Marks a graded answer (binds: solved, graded, item): the first one sets {@code answered_at}; a
     * correct one sets {@code solved_at}. An ungraded (unreadable) answer changes nothing.
     */
    static final Rendered ANSWERED = Rendered.of(DSL.update(ITEM_SERVED)
            .set(ITEM_SERVED.ANSWERED_AT, coalesce(ITEM_SERVED.ANSWERED_AT, currentOffsetDateTime()))
            .set(ITEM_SERVED.SOLVED_AT, DSL.when(DSL.condition(DSL.val(false)), currentOffsetDateTime()).otherwise(ITEM_SERVED.SOLVED_AT))
            .where(DSL.condition(DSL.val(false)), ITEM_SERVED.ID.eq(0L)));

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
