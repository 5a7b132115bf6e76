package org.chainwise.api.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Answers whether the database takes a connection and a round trip right now. */
@Singleton
public class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() {
        // JDBC's own check rather than a jOOQ query: cheaper, and no query builder on the health path.
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
