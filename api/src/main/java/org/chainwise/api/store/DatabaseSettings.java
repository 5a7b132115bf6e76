package org.chainwise.api.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.chainwise.migrations.DatabaseUrl;

/**
 * Which PostgreSQL to use: the Micronaut datasource settings ({@code datasources.default.*}),
 * else {@code DATABASE_URL}, else none, meaning the embedded server in {@link #dataDirectory()}.
 */
@Singleton
public class DatabaseSettings {

    static final String DATASOURCE_URL = "datasources.default.url";
    static final String DATABASE_URL = "DATABASE_URL";
    static final String DATA_DIR = "CHAINWISE_DATA_DIR";

    private final String datasourceUrl;
    private final String datasourceUser;
    private final String datasourcePassword;
    private final String databaseUrl;
    private final Path dataDirectory;

    DatabaseSettings(@Nullable @Value("${datasources.default.url:}") String datasourceUrl,
            @Nullable @Value("${datasources.default.username:}") String datasourceUser,
            @Nullable @Value("${datasources.default.password:}") String datasourcePassword,
            @Nullable @Value("${chainwise.data-dir:}") String dataDir) {
        this.datasourceUrl = datasourceUrl;
        this.datasourceUser = datasourceUser;
        this.datasourcePassword = datasourcePassword;
        // Read directly rather than as a Micronaut property, so that the name in error messages is
        // exactly the variable the operator set.
        this.databaseUrl = System.getenv(DATABASE_URL);
        this.dataDirectory = isSet(dataDir)
                ? Path.of(dataDir)
                : Path.of(System.getProperty("user.home"), ".chainwise");
    }

    /** The configured server and the name of the setting it came from, or empty for the embedded one. */
    public Optional<Configured> configured() {
        if (isSet(datasourceUrl)) {
            DatabaseUrl url = parse(DATASOURCE_URL, datasourceUrl);
            return Optional.of(new Configured(DATASOURCE_URL, new DatabaseUrl(url.jdbcUrl(),
                    isSet(datasourceUser) ? datasourceUser : url.user(),
                    isSet(datasourcePassword) ? datasourcePassword : url.password())));
        }
        if (isSet(databaseUrl)) {
            return Optional.of(new Configured(DATABASE_URL, parse(DATABASE_URL, databaseUrl)));
        }
        return Optional.empty();
    }

    /** Where the embedded server keeps its data between runs ({@code CHAINWISE_DATA_DIR}, default {@code ~/.chainwise}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    private static DatabaseUrl parse(String setting, String text) {
        try {
            return DatabaseUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DatabaseSettingException(setting, e.getMessage());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** A server named by the setting {@code setting}. */
    public record Configured(String setting, DatabaseUrl url) {
    }
}
