package org.chainwise.api.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The application's DataSource and jOOQ DSLContext, on the database {@link DatabaseStartup} brought up. */
@Factory
class DatabaseFactory {

    @Singleton
    DataSource dataSource(DatabaseStartup startup) {
        return startup.dataSource();
    }

    @Singleton
    DSLContext dsl(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, SETTINGS);
    }

    /**
     * What every statement costs in the application, made small: no execute logging (its listener
     * runs on every statement even when the log level drops the lines), no pretty-printed SQL, and
     * no SQL warnings fetched after each statement.
     */
    static final Settings SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderFormatted(false)
            .withFetchWarnings(false);
}
