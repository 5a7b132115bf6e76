package org.chainwise.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** V11 packs the learners' stored JSON evidence into bytes without changing a number. */
class AbilityPackingMigrationTest {

    @Test
    void storedEvidenceIsPackedNumberForNumberAndUnreadableEvidenceBecomesNull() {
        DataSource data = TestPostgres.dataSource(TestPostgres.freshSchema());
        Flyway.configure().dataSource(data).locations(SchemaMigration.LOCATION).target("10").load().migrate();
        DSLContext dsl = DSL.using(data, SQLDialect.POSTGRES);
        CourseFixture course = new CourseFixture(dsl, "calc-1");
        long kept = course.student("kept");
        long odd = course.student("odd");
        dsl.execute("INSERT INTO learner_model (course_id, user_id, ability) VALUES (?, ?, cast(? as jsonb)), (?, ?, cast(? as jsonb))",
                course.courseId(), kept, "{\"precision\": [1.5, -0.1, 1e-300], \"information\": [0.30000000000000004],"
                        + " \"successes\": [], \"failures\": [2]}",
                course.courseId(), odd, "{\"precision\": \"not numbers\"}");

        SchemaMigration.apply(data);

        ByteBuffer packed = ByteBuffer.wrap(packed(dsl, kept));
        assertThat(packed.getInt()).isEqualTo(3);
        assertThat(new double[] {packed.getDouble(), packed.getDouble(), packed.getDouble()}).containsExactly(1.5, -0.1, 1e-300);
        assertThat(packed.getInt()).isEqualTo(1);
        assertThat(packed.getDouble()).isEqualTo(0.30000000000000004);
        assertThat(packed.getInt()).isZero();
        assertThat(packed.getInt()).isEqualTo(1);
        assertThat(packed.getDouble()).isEqualTo(2.0);
        assertThat(packed.hasRemaining()).isFalse();
        assertThat(packed(dsl, odd)).isNull();
    }

    private static byte[] packed(DSLContext dsl, long user) {
        return dsl.resultQuery("SELECT ability FROM learner_model WHERE user_id = ?", user).fetchSingle(0, byte[].class);
    }
}
