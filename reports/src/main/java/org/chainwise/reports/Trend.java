package org.chainwise.reports;

import java.util.List;
import org.chainwise.reports.MisconceptionReport.WeekCount;

/**
 * Whether a misconception is fading: its share of the graded attempts in the last week of the
 * report against its share over the (up to) three weeks before. {@code FADING} at two thirds or
 * less, {@code RISING} at one and a half times or more, {@code STEADY} between; {@code NONE} when
 * no attempt showed it, {@code INSUFFICIENT} when fewer than two weeks had graded attempts.
 */
public enum Trend {
    RISING, FADING, STEADY, NONE, INSUFFICIENT;

    static final int EARLIER_WEEKS = 3;
    static final double FADING_RATIO = 2.0 / 3.0;
    static final double RISING_RATIO = 1.5;

    /** The trend of one code's weekly counts (the report's whole week axis, oldest first). */
    public static Trend of(List<WeekCount> weekly) {
        if (weekly.stream().allMatch(w -> w.attempts() == 0)) {
            return NONE;
        }
        List<WeekCount> graded = weekly.stream().filter(w -> w.gradedAttempts() > 0).toList();
        if (graded.size() < 2) {
            return INSUFFICIENT;
        }
        WeekCount last = graded.getLast();
        List<WeekCount> earlier = graded.subList(Math.max(0, graded.size() - 1 - EARLIER_WEEKS), graded.size() - 1);
        // Pooled rather than averaged, so that a week with few attempts weighs little.
        double earlierShare = (double) earlier.stream().mapToInt(WeekCount::attempts).sum()
                / earlier.stream().mapToInt(WeekCount::gradedAttempts).sum();
        if (earlierShare == 0) {
            return RISING;
        }
        double ratio = last.share() / earlierShare;
        if (ratio <= FADING_RATIO) {
            return FADING;
        }
        return ratio >= RISING_RATIO ? RISING : STEADY;
    }
}
