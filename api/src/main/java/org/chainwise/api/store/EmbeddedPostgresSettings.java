package org.chainwise.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/**
 * The server settings of a PostgreSQL that Chainwise runs itself: the embedded database, and the
 * load benchmark's server (which must measure the same thing students get).
 */
public final class EmbeddedPostgresSettings {

    /**
     * <ul>
     * <li>{@code synchronous_commit} and {@code fsync} on: the library turns synchronous commit off
     * (it is made for throw-away test servers); here a commit acknowledged to a student must
     * survive a crash.</li>
     * <li>{@code wal_init_zero} off: with it on, the backend that crosses into a new 16 MB WAL
     * segment first writes the whole file with zeros and syncs it, while every other commit waits
     * for it; at 1,000 answers a second that was a stall of 60-70 ms every 3 seconds on a young
     * cluster (or whenever the WAL outgrows the segments a checkpoint recycled). Off, the file is
     * made by writing its last byte; every commit's {@code fdatasync} still makes its WAL durable,
     * block allocation included, so no acknowledged commit is at risk.</li>
     * </ul>
     */
    public static final Map<String, String> SETTINGS = Map.of(
            "synchronous_commit", "on",
            "fsync", "on",
            "wal_init_zero", "off");

    private EmbeddedPostgresSettings() {
    }

    /** The builder with {@link #SETTINGS} applied. */
    public static EmbeddedPostgres.Builder applyTo(EmbeddedPostgres.Builder builder) {
        SETTINGS.forEach(builder::setServerConfig);
        return builder;
    }
}
