package org.chainwise.api.store;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A hot statement built with jOOQ once and rendered once, at class initialisation, then run as
 * that SQL string by a {@link Pipeline}: building and rendering the query tree on every request was
 * most of the application's CPU. The statement is written in jOOQ in its store class like any
 * other, with a placeholder value for every bind; the pipeline takes the real values in the order
 * the placeholders appear in the SQL. The same string every time also lets the PostgreSQL driver
 * keep it as a server-side prepared statement on each connection.
 */
record Rendered(String sql) {

    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, DatabaseFactory.SETTINGS);

    static Rendered of(Query query) {
        return new Rendered(RENDERER.render(query));
    }

    /**
     * A column of the parallel arrays a statement reads as {@code unnest(...) AS u(...)}: how the
     * array upserts (skills, beliefs, misconceptions) write a variable number of rows with one
     * fixed statement.
     */
    static Field<Object> unnested(String column) {
        return DSL.field(DSL.name("u", column));
    }
}
