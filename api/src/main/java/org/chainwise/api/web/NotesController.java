package org.chainwise.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.Paging;
import org.chainwise.api.service.notes.NoteDraft;
import org.chainwise.api.service.notes.Notes;
import org.chainwise.api.service.notes.ObjectKey;

/**
 * The research room: {@code /api/v1/notes}, the signed-in user's notes in their course, and the tutor
 * hand-off prompt of any note they may read.
 */
@Controller("/api/v1/notes")
class NotesController {

    private static final int DEFAULT_LIMIT = 100;

    private final Notes notes;

    NotesController(Notes notes) {
        this.notes = notes;
    }

    /** A note as written by its author; {@code visibility} defaults to {@code private}. */
    @Serdeable
    record NoteRequest(@Nullable String objectKey, @Nullable String question, @Nullable String evidence,
            @Nullable String resolution, @Nullable String nextAction, @Nullable String visibility) {

        NoteDraft draft() {
            return NoteDraft.of(objectKey, question, evidence, resolution, nextAction, visibility);
        }
    }

    @Serdeable
    record Handoff(String prompt) {
    }

    @Get
    List<NoteView> list(Actor actor, @Nullable @QueryValue String object, @Nullable @QueryValue Integer limit,
            @Nullable @QueryValue Integer offset) {
        return notes.mine(actor, objectFilter(object), Paging.of(limit, offset, DEFAULT_LIMIT)).stream()
                .map(NoteView::of).toList();
    }

    @Post
    HttpResponse<NoteView> create(Actor actor, @Body NoteRequest request) {
        return HttpResponse.created(NoteView.of(notes.create(actor, request.draft())));
    }

    @Get("/{id}")
    NoteView read(Actor actor, long id) {
        return NoteView.of(notes.read(actor, id));
    }

    @Put("/{id}")
    NoteView update(Actor actor, long id, @Body NoteRequest request) {
        return NoteView.of(notes.update(actor, id, request.draft()));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Actor actor, long id) {
        notes.delete(actor, id);
        return HttpResponse.noContent();
    }

    @Get("/{id}/handoff")
    Handoff handoff(Actor actor, long id) {
        return new Handoff(notes.handoff(actor, id));
    }

    /** The {@code object} query parameter as a key; absent means every object. */
    static Optional<ObjectKey> objectFilter(String object) {
        return object == null ? Optional.empty() : Optional.of(ObjectKey.parse(object, "object"));
    }
}
