package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch statements' generic plans on empty tables, as a fresh database makes them: index
 * lookups per key, never a scan of a whole table, which would stay in the connection's plan cache
 * while the table grows. Without {@link Rendered#BATCH_PLANS} these are hash joins over sequential
 * scans (seen under the practice load).
 */
class BatchPlansTest {

    /** Every pipeline that runs in a batch transaction, after its first statement {@link Rendered#BATCH_PLANS}. */
    private static final List<Pipeline> BATCHES = List.of(NextReads.READ, ServedItems.INSERT, AnswerReads.READ, AnswerWrites.WRITE);
    private static final Pattern WHOLE_TABLE = Pattern.compile("(Seq Scan|Hash Join|Merge Join)[^\\n]*");

    private static DSLContext dsl;

    @BeforeAll
    static void database() {
        dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
    }

    @Test
    void theBatchesBeginWithTheirPlanSettings() {
        assertThat(NextReads.READ.statements().getFirst()).isEqualTo(Rendered.BATCH_PLANS);
        assertThat(AnswerReads.READ.statements().getFirst()).isEqualTo(Rendered.BATCH_PLANS);
    }

    @Test
    void onEmptyTablesEveryBatchStatementLooksRowsUpByKey() {
        List<String> wholeTable = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.fetch(Rendered.BATCH_PLANS.sql());
            List<String> found = new ArrayList<>();
            statements().forEach(statement -> {
                String plan = genericPlan(tx, statement);
                Matcher matcher = WHOLE_TABLE.matcher(plan);
                while (matcher.find()) {
                    found.add(matcher.group().strip() + "  in  " + statement.sql());
                }
            });
            return found;
        });

        assertThat(wholeTable).isEmpty();
    }

    @Test
    void withoutThemAFreshDatabasePlansWholeTableScans() {
        // The check above can fail: the planner's own choice on these empty tables is the scan.
        String plan = dsl.transactionResult(configuration -> {
            configuration.dsl().fetch("select set_config('plan_cache_mode', 'force_generic_plan', true)");
            return genericPlan(configuration.dsl(), StudentStates.LOAD_WITH_SEEN);
        });

        assertThat(WHOLE_TABLE.matcher(plan).find()).as(plan).isTrue();
    }

    private static Stream<Rendered> statements() {
        return BATCHES.stream().flatMap(pipeline -> pipeline.statements().stream()).filter(statement -> statement != Rendered.BATCH_PLANS);
    }

    /**
     * The plan the statement gets as a prepared statement under the transaction's settings, as the
     * driver prepares it: PREPARE with PostgreSQL's {@code $1, $2, …} for JDBC's {@code ?}, then
     * EXPLAIN EXECUTE (no rows are touched), which under {@code force_generic_plan} shows the generic plan.
     */
    private static String genericPlan(DSLContext tx, Rendered statement) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : statement.sql().toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        tx.execute("prepare planned as " + numbered);
        try {
            String nulls = String.join(", ", Collections.nCopies(n, "null"));
            return String.join("\n", tx.fetch("explain execute planned" + (n == 0 ? "" : "(" + nulls + ")")).getValues(0, String.class));
        } finally {
            tx.execute("deallocate planned");
        }
    }
}
