package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.RESEARCH_NOTE;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Rows of {@code research_note}, each read with its author's name. */
@Singleton
public class NoteStore {

    /** A stored note; optional texts are null when not written, {@code visibility} is {@code private} or {@code shared}. */
    public record StoredNote(long id, long authorId, String authorName, long courseId, String objectKey, String question,
            String evidence, String resolution, String nextAction, String visibility, Instant createdAt,
            Instant updatedAt) {
    }

    /** The texts of a note as written. */
    public record Texts(String objectKey, String question, String evidence, String resolution, String nextAction,
            String visibility) {
    }

    public long insert(DSLContext tx, long authorId, long courseId, Texts texts) {
        return tx.insertInto(RESEARCH_NOTE)
                .set(RESEARCH_NOTE.AUTHOR_ID, authorId)
                .set(RESEARCH_NOTE.COURSE_ID, courseId)
                .set(RESEARCH_NOTE.OBJECT_KEY, texts.objectKey())
                .set(RESEARCH_NOTE.QUESTION, texts.question())
                .set(RESEARCH_NOTE.EVIDENCE, texts.evidence())
                .set(RESEARCH_NOTE.RESOLUTION, texts.resolution())
                .set(RESEARCH_NOTE.NEXT_ACTION, texts.nextAction())
                .set(RESEARCH_NOTE.VISIBILITY, texts.visibility())
                .returning(RESEARCH_NOTE.ID)
                .fetchOne(RESEARCH_NOTE.ID);
    }

    public void update(DSLContext tx, long id, Texts texts) {
        tx.update(RESEARCH_NOTE)
                .set(RESEARCH_NOTE.OBJECT_KEY, texts.objectKey())
                .set(RESEARCH_NOTE.QUESTION, texts.question())
                .set(RESEARCH_NOTE.EVIDENCE, texts.evidence())
                .set(RESEARCH_NOTE.RESOLUTION, texts.resolution())
                .set(RESEARCH_NOTE.NEXT_ACTION, texts.nextAction())
                .set(RESEARCH_NOTE.VISIBILITY, texts.visibility())
                .set(RESEARCH_NOTE.UPDATED_AT, DSL.greatest(DSL.currentOffsetDateTime(), RESEARCH_NOTE.CREATED_AT))
                .where(RESEARCH_NOTE.ID.eq(id))
                .execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(RESEARCH_NOTE).where(RESEARCH_NOTE.ID.eq(id)).execute();
    }

    public Optional<StoredNote> find(DSLContext tx, long id) {
        return select(tx).where(RESEARCH_NOTE.ID.eq(id)).fetchOptional(NoteStore::note);
    }

    /** The author's notes in the course, newest change first, optionally only those on one object. */
    public List<StoredNote> byAuthor(DSLContext tx, long authorId, long courseId, Optional<String> objectKey, int limit,
            int offset) {
        return page(tx, RESEARCH_NOTE.AUTHOR_ID.eq(authorId).and(RESEARCH_NOTE.COURSE_ID.eq(courseId)), objectKey, limit,
                offset);
    }

    /** The course's shared notes, newest change first, optionally only those on one object. */
    public List<StoredNote> shared(DSLContext tx, long courseId, Optional<String> objectKey, int limit, int offset) {
        return page(tx, RESEARCH_NOTE.COURSE_ID.eq(courseId).and(RESEARCH_NOTE.VISIBILITY.eq("shared")), objectKey, limit,
                offset);
    }

    private List<StoredNote> page(DSLContext tx, Condition which, Optional<String> objectKey, int limit, int offset) {
        Condition condition = objectKey.map(key -> which.and(RESEARCH_NOTE.OBJECT_KEY.eq(key))).orElse(which);
        return select(tx).where(condition)
                .orderBy(RESEARCH_NOTE.UPDATED_AT.desc(), RESEARCH_NOTE.ID.desc())
                .limit(limit).offset(offset)
                .fetch(NoteStore::note);
    }

    private static SelectOnConditionStep<Record> select(DSLContext tx) {
        return tx.select(RESEARCH_NOTE.fields()).select(APP_USER.NAME, APP_USER.SUBJECT)
                .from(RESEARCH_NOTE)
                .join(APP_USER).on(APP_USER.ID.eq(RESEARCH_NOTE.AUTHOR_ID));
    }

    private static StoredNote note(Record r) {
        String name = r.get(APP_USER.NAME) != null ? r.get(APP_USER.NAME) : r.get(APP_USER.SUBJECT);
        return new StoredNote(r.get(RESEARCH_NOTE.ID), r.get(RESEARCH_NOTE.AUTHOR_ID), name, r.get(RESEARCH_NOTE.COURSE_ID),
                r.get(RESEARCH_NOTE.OBJECT_KEY), r.get(RESEARCH_NOTE.QUESTION), r.get(RESEARCH_NOTE.EVIDENCE),
                r.get(RESEARCH_NOTE.RESOLUTION), r.get(RESEARCH_NOTE.NEXT_ACTION), r.get(RESEARCH_NOTE.VISIBILITY),
                r.get(RESEARCH_NOTE.CREATED_AT).toInstant(), r.get(RESEARCH_NOTE.UPDATED_AT).toInstant());
    }
}
