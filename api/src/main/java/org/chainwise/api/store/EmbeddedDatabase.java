package org.chainwise.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chainwise.migrations.DatabaseUrl;

/**
 * A PostgreSQL server this process runs itself, on real PostgreSQL binaries, keeping its data
 * in a directory that outlives the process so that a restart finds yesterday's attempts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on {@code dataDirectory/postgres}, creating the cluster on first use. */
    static EmbeddedDatabase start(Path dataDirectory) {
        Path cluster = dataDirectory.resolve("postgres");
        try {
            Files.createDirectories(cluster);
            return new EmbeddedDatabase(EmbeddedPostgresSettings.applyTo(EmbeddedPostgres.builder())
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new DatabaseSettingException(DatabaseSettings.DATA_DIR,
                    "(" + dataDirectory + "): cannot start the embedded PostgreSQL there: " + oneLine(e));
        }
    }

    DatabaseUrl url() {
        return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
