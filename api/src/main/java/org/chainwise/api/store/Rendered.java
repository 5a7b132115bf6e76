package org.chainwise.api.store;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * A hot statement built with jOOQ once and rendered once, at class initialisation, then executed
 * as that SQL string with its binds: building and rendering the query tree on every request was
 * most of the application's CPU. The statement is written in jOOQ in its store class like any
 * other, with a placeholder value for every bind; {@link #fetch} and {@link #execute} take the real
 * values in the order the placeholders appear in the SQL. The same string every time also lets
 * the PostgreSQL driver keep it as a server-side prepared statement on each connection.
 */
record Rendered(String sql, List<Field<?>> fields) {

    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, DatabaseFactory.SETTINGS);

    /** A query whose rows are read through its own fields' types. */
    static Rendered of(ResultQuery<?> query) {
        return new Rendered(RENDERER.render(query), List.of(query.fields()));
    }

    /** A statement without rows. */
    static Rendered of(Query query) {
        return new Rendered(RENDERER.render(query), List.of());
    }

    /** The rows, typed as the query's fields. */
    ResultQuery<Record> fetch(DSLContext tx, Object... binds) {
        return tx.resultQuery(sql, binds).coerce(fields);
    }

    /** The rows as records of {@code table} (the query selects all its columns in order). */
    <R extends TableRecord<R>> ResultQuery<R> fetch(DSLContext tx, Table<R> table, Object... binds) {
        return tx.resultQuery(sql, binds).coerce(table);
    }

    /** Runs a statement without rows; the rows it changed. */
    int execute(DSLContext tx, Object... binds) {
        return tx.execute(sql, binds);
    }
}
