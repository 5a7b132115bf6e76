package org.chainwise.api.store;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.chainwise.bank.answer.ItemGrade;

/** A graded answer to record: whose, to which item, under which submission id, what was typed and how it was graded. */
public record NewAttempt(long courseId, long userId, long itemId, UUID submissionId, String rawAnswer, ItemGrade grade,
        int hintsUsed, OffsetDateTime startedAt) {

    public NewAttempt {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(rawAnswer, "rawAnswer");
        Objects.requireNonNull(grade, "grade");
    }

    /** The same attempt with the hints the learner had seen when it was recorded (read under the item's lock). */
    public NewAttempt withHintsUsed(int hints) {
        return new NewAttempt(courseId, userId, itemId, submissionId, rawAnswer, grade, hints, startedAt);
    }
}
