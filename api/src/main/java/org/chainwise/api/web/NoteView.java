package org.chainwise.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.chainwise.api.store.NoteStore.StoredNote;

/** A research note as the api sends it; optional texts are null when not written, times are ISO-8601 instants. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NoteView(long id, String objectKey, String question, String evidence, String resolution, String nextAction,
        String visibility, long authorId, String authorName, String createdAt, String updatedAt) {

    static NoteView of(StoredNote note) {
        return new NoteView(note.id(), note.objectKey(), note.question(), note.evidence(), note.resolution(),
                note.nextAction(), note.visibility(), note.authorId(), note.authorName(), note.createdAt().toString(),
                note.updatedAt().toString());
    }
}
