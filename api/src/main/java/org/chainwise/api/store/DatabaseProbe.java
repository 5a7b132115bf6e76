package org.chainwise.api.store;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Answers whether the database takes a query right now. */
@Singleton
public class DatabaseProbe {

    private final DSLContext dsl;

    DatabaseProbe(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean reachable() {
        try {
            return dsl.selectOne().fetchOne(0, Integer.class) == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
