package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.chainwise.api.service.PracticeProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AGS score as it goes over the wire, where it goes, and what a learner's progress makes of it. */
class ScoreTest {

    @Test
    void theTimestampHasSubSecondPrecisionAndAnOffsetEvenOnAWholeSecond() {
        Score score = new Score("u1", 2, 4, ActivityProgress.IN_PROGRESS, GradingProgress.PENDING,
                Instant.parse("2026-12-01T18:00:00Z"));

        Score.Message message = score.message();

        assertThat(message.timestamp()).isEqualTo("2026-12-01T18:00:00.000000+00:00");
        assertThat(message.activityProgress()).isEqualTo("InProgress");
        assertThat(message.gradingProgress()).isEqualTo("Pending");
    }

    @Test
    void aScoreAboveItsMaximumIsRefused() {
        assertThatThrownBy(() -> new Score("u1", 5, 4, ActivityProgress.COMPLETED, GradingProgress.FULLY_GRADED, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://lms.example/lineitems/7,                 https://lms.example/lineitems/7/scores",
            "https://lms.example/lineitems/7/,                https://lms.example/lineitems/7/scores",
            "https://lms.example/lineitems/7?type_id=3,       https://lms.example/lineitems/7/scores?type_id=3",
            "https://lms.example:8443/api/line%20items/7?a=b, https://lms.example:8443/api/line%20items/7/scores?a=b"})
    void theScoreServiceIsTheLineItemWithScoresAddedToItsPath(String lineItem, String scores) {
        assertThat(ScorePublisher.scoresUrl(URI.create(lineItem))).isEqualTo(URI.create(scores));
    }

    @ParameterizedTest(name = "{0} of {1} attempted, completed {2}: {3}, {4}")
    @CsvSource({
            "1, 1, false, STARTED,     PENDING",
            "3, 2, false, IN_PROGRESS, PENDING",
            "6, 5, true,  COMPLETED,   FULLY_GRADED"})
    void progressBecomesActivityAndGradingProgress(int attempted, int correct, boolean completed,
                                                   ActivityProgress activity, GradingProgress grading) {
        PracticeProgress progress = new PracticeProgress(1, 2, 3, attempted, correct, 0.5, 1, completed);

        assertThat(GradeOutbox.activityProgress(progress)).isEqualTo(activity);
        assertThat(GradeOutbox.gradingProgress(progress)).isEqualTo(grading);
    }
}
