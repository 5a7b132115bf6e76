package org.chainwise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.SKILL;

import java.util.Arrays;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.TestPostgres;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The schema's skill table and the engine's Skill enum name the same skills; reports join on them. */
class SkillNamesTest {

    @Test
    void theSkillTableHoldsExactlyTheEngineSkills() {
        var dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);

        assertThat(dsl.selectFrom(SKILL).fetch(SKILL.CODE))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Skill.values()).map(Enum::name).toList());
    }
}
