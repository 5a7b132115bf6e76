package org.chainwise.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Statements {@linkplain Rendered rendered once} and sent to PostgreSQL together, in one round trip:
 * the driver sends each statement's parse/bind/execute messages and one sync, and the server runs
 * them in order. Each statement still takes its own snapshot (read committed), so reads placed after
 * a statement that takes a row lock see everything committed before the lock was granted. A request
 * that would wait for the network once per statement waits once, and the statements run on JDBC
 * directly: building, binding and reading through jOOQ on every request was most of a practice
 * request's CPU. The SQL text never changes, so the driver keeps each statement prepared on the
 * server. If one statement fails the rest do not run and the transaction fails.
 *
 * <p>The binds of all statements are given in order, as the placeholders appear; arrays are given as
 * {@link SqlArray}. The results are read in order with {@link Results}.
 */
final class Pipeline {

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Reads the results of a pipeline, statement by statement. */
    @FunctionalInterface
    interface ResultsReader<T> {
        T read(Results results) throws SQLException;
    }

    /**
     * An array bind, held as the Java array the driver sends in PostgreSQL's binary form ({@code Long[]}
     * as int8[], {@code String[]} as varchar[], {@code boolean[]} as bool[], {@code byte[][]} as bytea[]):
     * the text form, which the driver spells out and the server parses back element by element, was a
     * seventh of the application's allocation under the practice load. Null elements stay null.
     */
    record SqlArray(Object elements) {

        static SqlArray int8(List<Long> values) {
            return new SqlArray(values.toArray(Long[]::new));
        }

        static SqlArray int4(List<Integer> values) {
            return new SqlArray(values.toArray(Integer[]::new));
        }

        static SqlArray int2(List<Short> values) {
            return new SqlArray(values.toArray(Short[]::new));
        }

        static SqlArray float8(List<Double> values) {
            return new SqlArray(values.toArray(Double[]::new));
        }

        /** No nulls: the driver sends only a primitive boolean array in binary. */
        static SqlArray bool(List<Boolean> values) {
            boolean[] elements = new boolean[values.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = values.get(i);
            }
            return new SqlArray(elements);
        }

        /** Text, and values PostgreSQL reads from text (uuid, timestamptz, jsonb): the statement casts them. */
        static SqlArray text(List<?> values) {
            return new SqlArray(values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new));
        }

        static SqlArray bytea(List<byte[]> values) {
            return new SqlArray(values.toArray(byte[][]::new));
        }
    }

    private final List<Rendered> statements;
    private final String sql;
    private final int[] placeholders;

    private Pipeline(List<Rendered> statements) {
        this.statements = statements;
        this.sql = statements.stream().map(Rendered::sql).collect(Collectors.joining(";\n"));
        this.placeholders = statements.stream().mapToInt(statement -> (int) statement.sql().chars().filter(c -> c == '?').count()).toArray();
    }

    static Pipeline of(Rendered... statements) {
        return new Pipeline(List.of(statements));
    }

    /** Its statements, in order. */
    List<Rendered> statements() {
        return statements;
    }

    /**
     * Runs the statements on the transaction's connection, each with its own binds in order, and
     * reads their results.
     */
    <T> T run(DSLContext tx, ResultsReader<T> reader, List<?>... binds) {
        if (binds.length != placeholders.length) {
            throw new IllegalArgumentException("a pipeline of " + placeholders.length + " statements given binds for " + binds.length);
        }
        for (int i = 0; i < binds.length; i++) {
            if (binds[i].size() != placeholders[i]) {
                throw new IllegalArgumentException("statement " + (i + 1) + " of a pipeline takes " + placeholders[i]
                        + " binds, given " + binds[i].size());
            }
        }
        return tx.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (List<?> values : binds) {
                    for (Object value : values) {
                        bind(statement, index++, value);
                    }
                }
                statement.execute();
                return reader.read(new Results(statement));
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value instanceof SqlArray array ? array.elements() : value);
    }

    /** The statements' results in order: each call moves to the next statement's. */
    static final class Results {

        private final PreparedStatement statement;
        private boolean atFirst = true;

        private Results(PreparedStatement statement) {
            this.statement = statement;
        }

        /** The next statement's rows. */
        <T> List<T> rows(RowReader<T> reader) throws SQLException {
            advance();
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                if (rs == null) {
                    throw new IllegalStateException("a pipeline statement read as rows returned none: " + statement);
                }
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }

        /**
         * The next statement's rows of a batch of {@code n} requests, each row starting with its
         * request's 1-based position (at most one row per request): one optional per request.
         */
        <T> List<Optional<T>> byPosition(int n, RowReader<T> reader) throws SQLException {
            List<Optional<T>> byPosition = new ArrayList<>(Collections.nCopies(n, Optional.<T>empty()));
            for (Map.Entry<Integer, T> row : rows(row -> Map.entry(row.getInt(1), reader.read(row)))) {
                if (byPosition.set(row.getKey() - 1, Optional.of(row.getValue())).isPresent()) {
                    throw new IllegalStateException("a batch statement returned two rows for request " + row.getKey());
                }
            }
            return byPosition;
        }

        /** The next statement's only row, if it returned one. */
        <T> Optional<T> row(RowReader<T> reader) throws SQLException {
            List<T> rows = rows(reader);
            if (rows.size() > 1) {
                throw new IllegalStateException("a pipeline statement read as one row returned " + rows.size());
            }
            return rows.stream().findFirst();
        }

        /** Passes over the next statement's result. */
        void skip() throws SQLException {
            advance();
        }

        private void advance() throws SQLException {
            if (atFirst) {
                atFirst = false;
            } else {
                statement.getMoreResults();
            }
        }
    }
}
