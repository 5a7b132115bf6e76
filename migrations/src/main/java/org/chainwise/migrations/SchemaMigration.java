package org.chainwise.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to the newest migration this jar carries. */
public final class SchemaMigration {

    /** Where the migrations sit on the classpath, inside this module's jar. */
    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigration() {
    }

    /** Applies the pending migrations and returns how many there were. */
    public static int apply(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
