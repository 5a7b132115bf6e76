package org.chainwise.api.store;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A hot statement built with jOOQ once and rendered once, at class initialisation, then run as
 * that SQL string by a {@link Pipeline}: building and rendering the query tree on every request was
 * most of the application's CPU. The statement is written in jOOQ in its store class like any
 * other, with a placeholder value for every bind; the pipeline takes the real values in the order
 * the placeholders appear in the SQL. The same string every time also lets the PostgreSQL driver
 * keep it as a server-side prepared statement on each connection.
 */
record Rendered(String sql) {

    /**
     * Starts a batch transaction by fixing how its statements are planned. A batch statement joins
     * the arrays of at most a batch's keys to tables by their keys, so the plan wanted is always an
     * index nested loop, at any batch size and any table size:
     * <ul>
     * <li>{@code plan_cache_mode = force_generic_plan}: the binds are arrays, and PostgreSQL, which by
     *     default plans a statement anew for each execution while that looks cheaper than its generic
     *     plan, kept planning them every time (a fifth of its CPU under load);
     * <li>no hash or merge joins and no sequential scans: a generic plan is made once per connection,
     *     from the table statistics of that moment. Made on a young table (a fresh database, the load
     *     benchmark's first seconds) it was a hash join over a sequential scan, kept while the table
     *     grew: under load the next-item read scanned every learner's skills for each batch and its
     *     p99 rose to a second within minutes (auto_explain, 2026-12-02).
     * </ul>
     * {@code set_config(…, true)} is {@code SET LOCAL}: the settings end with the transaction, so no
     * other statement is affected. One statement, so a pipeline passes over one result.
     */
    static final Rendered BATCH_PLANS = new Rendered("select set_config('plan_cache_mode', 'force_generic_plan', true),"
            + " set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),"
            + " set_config('enable_seqscan', 'off', true)");

    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, DatabaseFactory.SETTINGS);

    static Rendered of(Query query) {
        return new Rendered(RENDERER.render(query));
    }

    /**
     * A column of the parallel arrays a statement reads as {@code unnest(...) AS u(...)} ({@link #unnest}): how the
     * array upserts (skills, beliefs, misconceptions) write a variable number of rows with one
     * fixed statement.
     */
    static Field<Object> unnested(String column) {
        return DSL.field(DSL.name("u", column));
    }

    /**
     * The keys of a batch, given as parallel array binds and read as rows
     * {@code unnest(?, ?, …) WITH ORDINALITY AS alias(columns…, i)}: {@code i} is each key's
     * position in the batch (1, 2, …), which every batch read returns so that its rows find their
     * request. The arrays' element types are the placeholders' ({@code DSL.val(new Long[0])}).
     */
    static Table<Record> positioned(String alias, Field<?>[] arrays, String... columns) {
        String[] named = Arrays.copyOf(columns, columns.length + 1);
        named[columns.length] = POSITION;
        return DSL.table("unnest(" + slots(arrays) + ") with ordinality", (Object[]) arrays).as(alias, named);
    }

    /**
     * The rows a set-oriented write takes from parallel array binds, {@code unnest(?, ?, …) AS
     * u(columns…)}, read column by column with {@link #unnested}; one column per array, in order.
     */
    static Table<Record> unnest(Field<?>[] arrays, String... columns) {
        if (arrays.length != columns.length) {
            throw new IllegalArgumentException(arrays.length + " arrays named by " + columns.length + " columns");
        }
        return DSL.table("unnest(" + slots(arrays) + ")", (Object[]) arrays).as("u", columns);
    }

    /** The template slots {@code {0}, {1}, …} of the arrays. */
    private static String slots(Field<?>[] arrays) {
        return IntStream.range(0, arrays.length).mapToObj(i -> "{" + i + "}").collect(Collectors.joining(", "));
    }

    /** A column of the keys {@link #positioned} names {@code alias}. */
    static Field<Long> key(String alias, String column) {
        return DSL.field(DSL.name(alias, column), SQLDataType.BIGINT);
    }

    /** The position column of the keys {@link #positioned} names {@code alias}. */
    static Field<Long> position(String alias) {
        return key(alias, POSITION);
    }

    private static final String POSITION = "i";
}
