package org.chainwise.api.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.SchemaMigration;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database up on its own thread as soon as the context starts (the configured
 * server, or an embedded one it starts), migrated, while the HTTP server starts beside it:
 * on a fresh machine initdb alone takes seconds. {@link #dataSource()} waits for it.
 */
@Context
public class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final CompletableFuture<HikariDataSource> pool;
    private volatile EmbeddedDatabase embedded;

    DatabaseStartup(DatabaseSettings settings) {
        this.pool = CompletableFuture.supplyAsync(() -> start(settings),
                task -> Thread.ofPlatform().name("database-startup").start(task));
        // jOOQ's first query costs a second of class loading and a version check: pay it once the
        // database is up, off the path of the first request.
        pool.thenAcceptAsync(dataSource -> DSL.using(dataSource, SQLDialect.POSTGRES).selectOne().fetch(),
                task -> Thread.ofPlatform().name("jooq-warm-up").start(task));
    }

    /** The migrated connection pool, once ready; throws the {@link DatabaseSettingException} that stopped it. */
    public HikariDataSource dataSource() {
        try {
            return pool.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() throws IOException {
        // Waits for a start still in progress, so that no PostgreSQL outlives the process.
        pool.handle((started, failure) -> started).join();
        if (!pool.isCompletedExceptionally()) {
            pool.join().close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    private HikariDataSource start(DatabaseSettings settings) {
        var configured = settings.configured();
        String setting = configured.map(DatabaseSettings.Configured::setting).orElse(DatabaseSettings.DATA_DIR);
        DatabaseUrl url = configured.map(DatabaseSettings.Configured::url).orElseGet(() -> {
            embedded = EmbeddedDatabase.start(settings.dataDirectory());
            LOG.info("Embedded PostgreSQL in {}", settings.dataDirectory());
            return embedded.url();
        });
        probe(setting, url);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(url));
        try {
            int applied = SchemaMigration.apply(dataSource);
            LOG.info("Applied {} migration(s) to {}", applied, url.describe());
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseSettingException(setting, "(" + url.describe() + "): migrating the schema failed: "
                    + EmbeddedDatabase.oneLine(e));
        }
        return dataSource;
    }

    /**
     * Opens one plain connection first, because a pool that cannot connect fails with a stack
     * trace in the log; this names the setting and the server's reason in one line.
     */
    private static void probe(String setting, DatabaseUrl url) {
        Properties properties = credentials(url);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            LOG.info("Reached {}: PostgreSQL {}", url.describe(), version);
            requireSupported(setting, url, connection.getMetaData().getDatabaseMajorVersion(), version);
        } catch (SQLException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String reason = EmbeddedDatabase.oneLine(e)
                    + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + EmbeddedDatabase.oneLine(root) + ")");
            throw new DatabaseSettingException(setting, "(" + url.describe() + "): cannot connect: " + reason);
        }
    }

    /** The oldest server the migrations run on (V9 sets one column of a foreign key to null, new in 15). */
    static final int OLDEST_POSTGRESQL = 15;

    /** Refuses a server older than {@link #OLDEST_POSTGRESQL} in one line naming the setting, before a migration fails on it. */
    static void requireSupported(String setting, DatabaseUrl url, int major, String version) {
        if (major < OLDEST_POSTGRESQL) {
            throw new DatabaseSettingException(setting, "(" + url.describe() + "): PostgreSQL " + version
                    + " is too old: Chainwise needs " + OLDEST_POSTGRESQL + " or newer.");
        }
    }

    private static HikariConfig poolConfig(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chainwise");
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(credentials(url));
        config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        // A few connections per core: enough for commits waiting on the disk to overlap (PostgreSQL
        // flushes them together), few enough that the CPU is not shared among idle backends.
        config.setMaximumPoolSize(2 * Runtime.getRuntime().availableProcessors() + 4);
        return config;
    }

    private static Properties credentials(DatabaseUrl url) {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return properties;
    }
}
