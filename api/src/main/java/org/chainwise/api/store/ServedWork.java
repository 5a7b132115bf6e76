package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.item.Parameters;
import org.jooq.DSLContext;

/** Served items and answered attempts of one course, read by id: what research notes may point at. */
@Singleton
public class ServedWork {

    /** A row of {@code item_served}: enough to draw the item again. */
    public record ServedItemRow(long id, long userId, String family, Parameters parameters, long seed, String variantKey) {
    }

    /** A row of {@code attempt} with its diagnosed misconception codes, most likely first. */
    public record AttemptRow(long id, long userId, long itemId, String rawAnswer, String interpretedText,
            String verdict, List<String> misconceptions) {
    }

    public Optional<ServedItemRow> servedItem(DSLContext tx, long courseId, long itemId) {
        return tx.select(ITEM_SERVED.ID, ITEM_SERVED.USER_ID, ITEM_SERVED.FAMILY, ITEM_SERVED.PARAMETERS,
                        ITEM_SERVED.SEED, ITEM_SERVED.VARIANT_KEY)
                .from(ITEM_SERVED)
                .where(ITEM_SERVED.COURSE_ID.eq(courseId), ITEM_SERVED.ID.eq(itemId))
                .fetchOptional(r -> new ServedItemRow(r.value1(), r.value2(), r.value3(), ServedItems.parameters(r.value4()),
                        r.value5(), r.value6()));
    }

    public Optional<AttemptRow> attempt(DSLContext tx, long courseId, long attemptId) {
        return tx.select(ATTEMPT.ID, ATTEMPT.USER_ID, ATTEMPT.ITEM_ID, ATTEMPT.RAW_ANSWER, ATTEMPT.INTERPRETED_TEXT,
                        ATTEMPT.VERDICT)
                .from(ATTEMPT)
                .where(ATTEMPT.COURSE_ID.eq(courseId), ATTEMPT.ID.eq(attemptId))
                .fetchOptional(r -> new AttemptRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        tx.select(ATTEMPT_MISCONCEPTION.CODE).from(ATTEMPT_MISCONCEPTION)
                                .where(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(r.value1()))
                                .orderBy(ATTEMPT_MISCONCEPTION.RANK)
                                .fetch(ATTEMPT_MISCONCEPTION.CODE)));
    }
}
