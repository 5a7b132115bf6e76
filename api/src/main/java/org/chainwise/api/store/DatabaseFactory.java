package org.chainwise.api.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
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
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }
}
