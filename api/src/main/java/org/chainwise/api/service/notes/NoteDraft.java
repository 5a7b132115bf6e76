package org.chainwise.api.service.notes;

import java.util.Objects;
import java.util.Optional;
import org.chainwise.api.web.ApiException;

/**
 * What an author writes in a note, validated: the object key, a question (required), the evidence so
 * far, what would resolve it and the next action (each optional), at most {@value #MAX_TEXT} characters
 * each, and who may read it. {@link #of} refuses bad input with a 400 naming the field.
 */
public record NoteDraft(ObjectKey objectKey, String question, Optional<String> evidence, Optional<String> resolution,
        Optional<String> nextAction, Visibility visibility) {

    /** The longest text of any one field (the schema has the same bound). */
    public static final int MAX_TEXT = 4000;

    public NoteDraft {
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(nextAction, "nextAction");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** The draft from request fields as sent; blank optional fields count as absent, text is stripped. */
    public static NoteDraft of(String objectKey, String question, String evidence, String resolution, String nextAction,
            String visibility) {
        ObjectKey key = ObjectKey.parse(objectKey == null ? null : objectKey.strip(), "objectKey");
        String asked = optional(question, "question").orElseThrow(() -> ApiException.badRequest("invalid_question",
                "question is required: what do you want to understand about " + key.text() + "?", "question"));
        return new NoteDraft(key, asked, optional(evidence, "evidence"), optional(resolution, "resolution"),
                optional(nextAction, "nextAction"), Visibility.parse(visibility, "visibility"));
    }

    private static Optional<String> optional(String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw ApiException.badRequest("invalid_" + field, field + " is " + stripped.length()
                    + " characters long; at most " + MAX_TEXT + " are kept.", field);
        }
        return Optional.of(stripped);
    }
}
