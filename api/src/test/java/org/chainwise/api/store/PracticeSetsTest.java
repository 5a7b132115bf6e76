package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chainwise.api.identity.Role;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PracticeSetsTest {

    private static DSLContext dsl;
    private static long course;
    private static long otherCourse;
    private final PracticeSets sets = new PracticeSets();

    @BeforeAll
    static void database() {
        dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
        People people = new People();
        course = people.upsertCourse(dsl, people.localDeployment(dsl), "calculus", "Calculus");
        otherCourse = people.upsertCourse(dsl, people.localDeployment(dsl), "algebra", "Algebra");
        people.grantRole(dsl, course, people.upsertUser(dsl, people.localPlatform(dsl), "tess", "Tess", null), Role.INSTRUCTOR);
    }

    private static PracticeSetDefinition chainRule(CompletionRule completion) {
        return new PracticeSetDefinition("chain-rule-basics", "The chain rule",
                List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR), List.of("outer-sin", "outer-exp"), completion);
    }

    @Test
    void aCreatedSetIsFoundInItsCourseWithItsSkillsFamiliesAndRule() {
        StoredPracticeSet created = sets.create(dsl, course, null, chainRule(new CompletionRule.Mastery(0.9)));

        assertThat(sets.find(dsl, course, created.id())).contains(created);
        assertThat(sets.findByResourceLink(dsl, course, created.resourceLinkId())).contains(created);
        assertThat(created.resourceLinkId()).startsWith("local-");
        assertThat(sets.inCourse(dsl, course)).contains(created);
    }

    @Test
    void aSetIsNotFoundFromAnotherCourse() {
        StoredPracticeSet created = sets.create(dsl, course, "link-7", chainRule(new CompletionRule.ItemCount(5)));

        assertThat(sets.find(dsl, otherCourse, created.id())).isEmpty();
        assertThat(sets.findByResourceLink(dsl, otherCourse, "link-7")).isEmpty();
        assertThat(sets.inCourse(dsl, otherCourse)).doesNotContain(created);
        assertThat(sets.update(dsl, otherCourse, created.id(), chainRule(new CompletionRule.Mastery(0.8)))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheDefinitionAndKeepsTheLink() {
        StoredPracticeSet created = sets.create(dsl, course, "link-8", chainRule(new CompletionRule.ItemCount(5)));
        PracticeSetDefinition changed = new PracticeSetDefinition("jacobians", "Jacobians", List.of(Skill.JACOBIAN),
                List.of(), new CompletionRule.Mastery(0.95));

        StoredPracticeSet updated = sets.update(dsl, course, created.id(), changed).orElseThrow();

        assertThat(updated.resourceLinkId()).isEqualTo("link-8");
        assertThat(sets.find(dsl, course, created.id())).contains(updated);
        assertThat(updated.definition()).isEqualTo(changed);
    }
}
