package org.chainwise.api.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.PracticeService;
import org.chainwise.api.web.PracticeViews.AttemptRequest;
import org.chainwise.api.web.PracticeViews.AttemptView;
import org.chainwise.api.web.PracticeViews.ErrorView;
import org.chainwise.api.web.PracticeViews.HintView;
import org.chainwise.api.web.PracticeViews.ItemView;
import org.chainwise.api.web.PracticeViews.MathText;
import org.chainwise.api.web.PracticeViews.NextView;
import org.chainwise.api.web.PracticeViews.PracticeSetView;
import org.chainwise.api.web.PracticeViews.PreviewRequest;
import org.chainwise.api.web.PracticeViews.PreviewView;
import org.chainwise.api.web.PracticeViews.ProgressView;
import org.chainwise.api.web.PracticeViews.SolutionView;
import org.chainwise.bank.answer.Preview;

/**
 * A learner's practice over HTTP, always in the session's course and on the caller's own items
 * (another learner's item is 404, as if it did not exist):
 * <ul>
 * <li>{@code GET /api/v1/practice-sets}: the course's sets;</li>
 * <li>{@code POST /api/v1/practice-sets/{setId}/next}: the open item, or a new one the mastery model chooses;</li>
 * <li>{@code GET /api/v1/items/{itemId}}: an item again;</li>
 * <li>{@code POST /api/v1/items/{itemId}/preview}: how an answer would be read, nothing recorded;</li>
 * <li>{@code POST /api/v1/items/{itemId}/attempts}: a graded, recorded answer (idempotent per submissionId);</li>
 * <li>{@code POST /api/v1/items/{itemId}/hints}: the next hint of three;</li>
 * <li>{@code POST /api/v1/items/{itemId}/solution}: the worked solution (giving up, if not solved);</li>
 * <li>{@code GET /api/v1/progress?practiceSet=ID}: skills, misconceptions, counts, completion.</li>
 * </ul>
 */
@Controller("/api/v1")
class PracticeController {

    private final PracticeService practice;

    PracticeController(PracticeService practice) {
        this.practice = practice;
    }

    @Get("/practice-sets")
    List<PracticeSetView> sets(Actor actor) {
        return practice.sets(actor).stream().map(PracticeSetView::of).toList();
    }

    @Post("/practice-sets/{setId}/next")
    NextView next(Actor actor, long setId) {
        return NextView.of(practice.next(actor, setId));
    }

    @Get("/items/{itemId}")
    ItemView item(Actor actor, long itemId) {
        return ItemView.of(practice.item(actor, itemId));
    }

    @Post("/items/{itemId}/preview")
    PreviewView preview(Actor actor, long itemId, @Body PreviewRequest request) {
        if (request.answer() == null) {
            throw ApiException.badRequest("missing_answer", "Send the answer to preview: {\"answer\": \"2x cos(x^2)\"}.", "answer");
        }
        if (request.answer().length() > PracticeService.MAX_ANSWER_LENGTH) {
            throw ApiException.badRequest("answer_too_long", "An answer is at most " + PracticeService.MAX_ANSWER_LENGTH
                    + " characters.", "answer");
        }
        return switch (practice.preview(actor, itemId, request.part(), request.answer())) {
            case Preview.Read read -> new PreviewView(true, MathText.of(read.interpretedAs()), null);
            case Preview.Unreadable unreadable -> new PreviewView(false, null, ErrorView.of(unreadable.error()));
        };
    }

    @Post("/items/{itemId}/attempts")
    AttemptView submit(Actor actor, long itemId, @Body AttemptRequest request) {
        UUID submissionId = submissionId(request.submissionId());
        Map<String, String> answers = request.answers();
        if (answers == null || answers.isEmpty()) {
            throw ApiException.badRequest("missing_answers",
                    "Send the answer's parts: {\"answers\": {\"answer\": \"2x cos(x^2)\"}}.", "answers");
        }
        if (answers.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.badRequest("missing_answers", "Each part of the answer is a text, not null.", "answers");
        }
        return AttemptView.of(practice.submit(actor, itemId, submissionId, answers, startedAt(request.startedAt())));
    }

    @Post("/items/{itemId}/hints")
    HintView hint(Actor actor, long itemId) {
        PracticeService.Hint hint = practice.hint(actor, itemId);
        return new HintView(hint.step(), hint.text(), hint.text(), hint.hintsLeft());
    }

    @Post("/items/{itemId}/solution")
    SolutionView solution(Actor actor, long itemId) {
        return SolutionView.of(practice.solution(actor, itemId));
    }

    @Get("/progress")
    ProgressView progress(Actor actor, @QueryValue("practiceSet") String practiceSet) {
        long setId;
        try {
            setId = Long.parseLong(practiceSet);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_practiceSet", "practiceSet must be the id of a practice set, such as ?practiceSet=3.",
                    "practiceSet");
        }
        return ProgressView.of(practice.progress(actor, setId));
    }

    private static UUID submissionId(String text) {
        if (text == null) {
            throw ApiException.badRequest("missing_submissionId",
                    "Each submit carries a submissionId: a UUID the client makes once per answer and repeats on a retry.", "submissionId");
        }
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_submissionId",
                    "submissionId must be a UUID such as 3f0c7a52-9a7e-4c1b-8f0e-2d5b6c7d8e9f.", "submissionId");
        }
    }

    private static Instant startedAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_startedAt", "startedAt must be an ISO-8601 instant such as 2026-12-01T18:20:00Z.",
                    "startedAt");
        }
    }
}
