package org.chainwise.api.lti.advantage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One learner's score on one line item at one moment: the body of an AGS score publish. The
 * platform keeps the score with the latest timestamp, so sending the same score twice, or an
 * older one after a newer, changes nothing.
 *
 * @param userId the learner as the platform knows them (the launch's {@code sub})
 * @param timestamp when the score was reached, kept to the microsecond PostgreSQL stores
 */
public record Score(String userId, double scoreGiven, double scoreMaximum,
                    ActivityProgress activityProgress, GradingProgress gradingProgress, Instant timestamp) {

    /** ISO 8601 with sub-second precision and an offset, as AGS asks. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    public Score {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(activityProgress, "activityProgress");
        Objects.requireNonNull(gradingProgress, "gradingProgress");
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
        if (!(scoreMaximum > 0) || scoreGiven < 0 || scoreGiven > scoreMaximum) {
            throw new IllegalArgumentException("score " + scoreGiven + " of " + scoreMaximum);
        }
    }

    /** The JSON body ({@code application/vnd.ims.lis.v1.score+json}). */
    public Message message() {
        return new Message(userId, scoreGiven, scoreMaximum, activityProgress.wireName(),
                gradingProgress.wireName(), TIMESTAMP.format(timestamp));
    }

    /** The score as it goes over the wire. */
    @io.micronaut.serde.annotation.Serdeable.Serializable
    public record Message(String userId, double scoreGiven, double scoreMaximum,
                          String activityProgress, String gradingProgress, String timestamp) {
    }
}
