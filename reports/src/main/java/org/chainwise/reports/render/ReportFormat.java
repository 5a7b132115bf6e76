package org.chainwise.reports.render;

import java.util.Locale;
import java.util.Optional;

/** The forms a course report is written in, with the media type each is served as. */
public enum ReportFormat {
    HTML("text/html; charset=utf-8"),
    CSV("text/csv; charset=utf-8"),
    JSON("application/json");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named {@code html}, {@code csv} or {@code json} (any case). */
    public static Optional<ReportFormat> named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The CSV table: one row per learner and skill, or one per attempt. */
    public enum Rows {
        STUDENTS, ATTEMPTS;

        /** {@code students} or {@code attempts} (any case). */
        public static Optional<Rows> named(String name) {
            for (Rows rows : values()) {
                if (rows.name().equalsIgnoreCase(name)) {
                    return Optional.of(rows);
                }
            }
            return Optional.empty();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
