package org.chainwise.reports;

import java.time.Instant;

/** A research-room note a learner or teacher shared in the course, about the object named by {@code objectKey}. */
public record Note(
        long id,
        String objectKey,
        String question,
        String evidence,
        String resolution,
        String nextAction,
        long authorId,
        String authorName,
        Instant createdAt,
        Instant updatedAt) {
}
