package org.chainwise.api.service.notes;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.Paging;
import org.chainwise.api.service.notes.NoteObjects.Reader;
import org.chainwise.api.store.NoteStore;
import org.chainwise.api.store.NoteStore.StoredNote;
import org.chainwise.api.web.ApiException;
import org.jooq.DSLContext;

/**
 * Research-room notes: written in the author's course, read by the author and, once shared, by the
 * course's instructors; only the author changes or deletes one. A note the actor may not read is
 * answered as missing (404), so that ids do not tell whose notes exist; a note the actor may read but
 * not change is a 403.
 */
@Singleton
public class Notes {

    private final DSLContext dsl;
    private final NoteStore store;
    private final NoteObjects objects;

    Notes(DSLContext dsl, NoteStore store, NoteObjects objects) {
        this.dsl = dsl;
        this.store = store;
        this.objects = objects;
    }

    public StoredNote create(Actor actor, NoteDraft draft) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            objects.resolve(tx, readerFor(actor), draft.objectKey(), "objectKey");
            long id = store.insert(tx, actor.userId(), actor.courseId(), texts(draft));
            return store.find(tx, id).orElseThrow();
        });
    }

    /** The actor's own notes in their course, optionally on one object. */
    public List<StoredNote> mine(Actor actor, Optional<ObjectKey> object, Paging paging) {
        return store.byAuthor(dsl, actor.userId(), actor.courseId(), object.map(ObjectKey::text), paging.limit(),
                paging.offset());
    }

    /** The shared notes of the course, for its instructors. */
    public List<StoredNote> shared(Actor actor, long courseId, Optional<ObjectKey> object, Paging paging) {
        actor.requireInstructor().requireCourse(courseId);
        return store.shared(dsl, courseId, object.map(ObjectKey::text), paging.limit(), paging.offset());
    }

    public StoredNote read(Actor actor, long id) {
        return readable(dsl, actor, id);
    }

    public StoredNote update(Actor actor, long id, NoteDraft draft) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            authored(tx, actor, id);
            objects.resolve(tx, readerFor(actor), draft.objectKey(), "objectKey");
            store.update(tx, id, texts(draft));
            return store.find(tx, id).orElseThrow();
        });
    }

    public void delete(Actor actor, long id) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            authored(tx, actor, id);
            store.delete(tx, id);
        });
    }

    /** The tutor hand-off prompt of a note the actor may read. */
    public String handoff(Actor actor, long id) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StoredNote note = readable(tx, actor, id);
            // The object as the author sees it: an instructor reading a shared note sees the learner's item.
            ObjectKey key = ObjectKey.parse(note.objectKey(), "objectKey");
            NoteObject object = objects.find(tx, Reader.anyoneIn(note.courseId()), key, "objectKey")
                    .orElseGet(() -> new NoteObject.Source(key, "(this object is no longer available)"));
            return HandoffPrompt.of(object, draftOf(note, key));
        });
    }

    private StoredNote readable(DSLContext tx, Actor actor, long id) {
        return store.find(tx, id)
                .filter(note -> note.courseId() == actor.courseId())
                .filter(note -> note.authorId() == actor.userId()
                        || (actor.isInstructor() && Visibility.SHARED.wireName().equals(note.visibility())))
                .orElseThrow(() -> ApiException.notFound("note_not_found",
                        "There is no note " + id + " that you can read in this course."));
    }

    private StoredNote authored(DSLContext tx, Actor actor, long id) {
        StoredNote note = readable(tx, actor, id);
        if (note.authorId() != actor.userId()) {
            throw ApiException.forbidden("not_the_author", "Only the author of note " + id + " may change or delete it.");
        }
        return note;
    }

    /** A learner points at their own items and attempts; an instructor at any of the course's. */
    private static Reader readerFor(Actor actor) {
        return actor.isInstructor() ? Reader.anyoneIn(actor.courseId()) : Reader.owner(actor.courseId(), actor.userId());
    }

    private static NoteStore.Texts texts(NoteDraft draft) {
        return new NoteStore.Texts(draft.objectKey().text(), draft.question(), draft.evidence().orElse(null),
                draft.resolution().orElse(null), draft.nextAction().orElse(null), draft.visibility().wireName());
    }

    private static NoteDraft draftOf(StoredNote note, ObjectKey key) {
        return new NoteDraft(key, note.question(), Optional.ofNullable(note.evidence()), Optional.ofNullable(note.resolution()),
                Optional.ofNullable(note.nextAction()), Visibility.parse(note.visibility(), "visibility"));
    }
}
