package org.chainwise.reports;

import java.time.Instant;

/**
 * One learner's answer as typed (student input: renderers escape it), with the item it answered
 * ({@code item} is the served variant, e.g. the function to differentiate) and the layer the
 * diagnosis named.
 */
public record AnswerExample(
        long attemptId,
        long userId,
        String studentName,
        String family,
        String item,
        Integer layer,
        String rawAnswer,
        String interpretedText,
        Instant submittedAt) {
}
