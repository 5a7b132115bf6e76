package org.chainwise.api.pages;

import java.util.HashMap;
import java.util.Map;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.TestPostgres;

/** The Micronaut properties of a fresh schema for one test class, plus the class's own. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Map<String, String> properties(Map<String, String> extra) {
        DatabaseUrl url = TestPostgres.freshSchema();
        Map<String, String> properties = new HashMap<>(extra);
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
