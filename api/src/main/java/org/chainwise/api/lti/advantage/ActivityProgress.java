package org.chainwise.api.lti.advantage;

/** How far a learner is through the activity, as an AGS score states it ({@code activityProgress}). */
public enum ActivityProgress {
    INITIALIZED("Initialized"),
    STARTED("Started"),
    IN_PROGRESS("InProgress"),
    SUBMITTED("Submitted"),
    COMPLETED("Completed");

    private final String wireName;

    ActivityProgress(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ActivityProgress fromWireName(String name) {
        for (ActivityProgress value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("not an AGS activityProgress: " + name);
    }
}
