package org.chainwise.api.lti.advantage;

/** Whether a score is final, as an AGS score states it ({@code gradingProgress}). */
public enum GradingProgress {
    FULLY_GRADED("FullyGraded"),
    PENDING("Pending"),
    PENDING_MANUAL("PendingManual"),
    FAILED("Failed"),
    NOT_READY("NotReady");

    private final String wireName;

    GradingProgress(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static GradingProgress fromWireName(String name) {
        for (GradingProgress value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("not an AGS gradingProgress: " + name);
    }
}
