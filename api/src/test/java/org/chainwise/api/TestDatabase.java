package org.chainwise.api;

import java.util.HashMap;
import java.util.Map;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.TestPostgres;

/** Test properties pointing the application at a fresh schema on the test PostgreSQL (one per test class). */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Micronaut datasource properties for a fresh schema: what a test's {@code getProperties()} returns, or starts from. */
    public static Map<String, String> properties() {
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
