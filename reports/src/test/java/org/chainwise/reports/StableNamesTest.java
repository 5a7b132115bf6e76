package org.chainwise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.SKILL;

import java.util.Arrays;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The schema's lookup tables and the engine's enums name the same codes and skills; reports map one to the other. */
class StableNamesTest {

    private final DSLContext dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);

    @Test
    void theSkillTableHoldsExactlyTheEngineSkills() {
        assertThat(dsl.selectFrom(SKILL).fetch(SKILL.CODE))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Skill.values()).map(Enum::name).toList());
    }

    @Test
    void theMisconceptionTableHoldsExactlyTheEngineCodes() {
        assertThat(dsl.selectFrom(MISCONCEPTION).fetch(MISCONCEPTION.CODE))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Misconception.values()).map(Enum::name).toList());
    }
}
