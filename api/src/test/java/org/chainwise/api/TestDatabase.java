package org.chainwise.api;

import java.util.HashMap;
import java.util.Map;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.TestPostgres;

/** The application properties that point a test's application context at a fresh schema of the test PostgreSQL. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Datasource settings for a new, empty schema (the application migrates it at start-up). */
    public static Map<String, String> freshSchemaProperties() {
        DatabaseUrl url = TestPostgres.freshSchema();
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", url.jdbcUrl());
        if (url.user() != null) {
            properties.put("datasources.default.username", url.user());
        }
        if (url.password() != null) {
            properties.put("datasources.default.password", url.password());
        }
        return properties;
    }
}
