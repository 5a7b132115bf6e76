package org.chainwise.api.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.api.service.PracticeEngine;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.KnownStates;
import org.chainwise.api.store.StudentStates;
import org.chainwise.bank.item.Distractor;
import org.chainwise.engine.mastery.SkillState;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The student states the application keeps between a learner's requests ({@link KnownStates}):
 * always the state stored, used while the database holds it, and read again once another writer
 * has changed it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownStatesTest extends PracticeHttp {

    @Inject
    KnownStates known;

    @Inject
    StudentStates states;

    @Inject
    PracticeEngine engine;

    private static final List<Skill> SKILLS = List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR);
    private static final List<String> FAMILIES = List.of("outer-sin", "outer-exp", "outer-cos");

    @Test
    void afterEveryKindOfAnswerTheStateKnownIsTheStateStored() {
        Learner eva = signIn("eva", "known-course");
        long set = placeSet(eva, SKILLS, FAMILIES, new CompletionRule.ItemCount(12));

        for (int i = 0; i < 9; i++) {
            Map<String, Object> item = next(eva, set);
            Map<String, String> answer = switch (i % 3) {
                case 0 -> rightAnswer(eva, item);
                case 1 -> Map.of("answer", itemOf(eva, item).distractors().stream().map(Distractor::answer).findFirst().orElseThrow().text());
                default -> Map.of("answer", "sin(");
            };
            submit(eva, id(item), answer);
            if (i % 3 == 2) {
                // An unreadable answer leaves the item open: a wrong answer, then another, which is no evidence.
                submit(eva, id(item), Map.of("answer", "0"));
                submit(eva, id(item), Map.of("answer", "1"));
            }

            assertThat(known.known(eva.actor().courseId(), eva.actor().userId())).as("after answer %d", i)
                    .contains(stored(eva));
        }
        assertThat(stored(eva).attempts()).isEqualTo(9);
    }

    @Test
    void theKnownStateIsUsedWhileTheDatabaseHoldsItsAttemptsCount() {
        Learner finn = signIn("finn", "trusted-course");
        long set = placeSet(finn, SKILLS, FAMILIES, new CompletionRule.ItemCount(12));
        submit(finn, id(next(finn, set)), Map.of("answer", "0"));
        StudentState stored = stored(finn);
        // A state the database does not hold, at the attempts count it does: the batches take it on trust.
        known.remember(finn.actor().courseId(), finn.actor().userId(), withKnown(stored, 0.999));

        double fromKnown = masteryOf(nextBody(finn, set), Skill.EVALUATE_AT_INNER);
        double fromDatabase = masteryOf(get(finn, "/api/v1/progress?practiceSet=" + set), Skill.EVALUATE_AT_INNER);

        assertThat(fromKnown).isGreaterThan(fromDatabase + 0.1);
    }

    @Test
    void aStateAnotherWriterChangedIsReadAgain() {
        Learner gus = signIn("gus", "changed-course");
        long set = placeSet(gus, SKILLS, FAMILIES, new CompletionRule.ItemCount(12));
        submit(gus, id(next(gus, set)), Map.of("answer", "0"));
        known.remember(gus.actor().courseId(), gus.actor().userId(), withKnown(stored(gus), 0.999));
        // Another instance of the application takes an answer: a new attempts count.
        dsl.update(LEARNER_MODEL).set(LEARNER_MODEL.ATTEMPTS, LEARNER_MODEL.ATTEMPTS.plus(1))
                .where(LEARNER_MODEL.USER_ID.eq(gus.actor().userId())).execute();

        double fromNext = masteryOf(nextBody(gus, set), Skill.EVALUATE_AT_INNER);

        assertThat(fromNext).isEqualTo(masteryOf(get(gus, "/api/v1/progress?practiceSet=" + set), Skill.EVALUATE_AT_INNER));
        assertThat(known.known(gus.actor().courseId(), gus.actor().userId())).contains(stored(gus));
    }

    private Map<String, Object> nextBody(Learner who, long set) {
        return post(who, "/api/v1/practice-sets/" + set + "/next", Map.of());
    }

    /** The learner's state as the database holds it, without the variants served (as states are known). */
    private StudentState stored(Learner who) {
        StudentModel model = engine.parts().model();
        StudentState state = dsl.transactionResult(configuration ->
                states.load(configuration.dsl(), model, who.actor().courseId(), who.actor().userId(), false));
        return new StudentState(state.skills(), state.beliefs(), Set.of(), state.attempts(), state.ability());
    }

    private static StudentState withKnown(StudentState state, double known) {
        Map<Skill, SkillState> skills = new EnumMap<>(state.skills());
        skills.replaceAll((skill, s) -> new SkillState(known, s.opportunities(), s.lastPractised(), s.streak(), s.reviewsPassed()));
        return new StudentState(skills, state.beliefs(), state.seen(), state.attempts(), state.ability());
    }

    @SuppressWarnings("unchecked")
    private static double masteryOf(Map<String, Object> body, Skill skill) {
        Map<String, Object> progress = body.containsKey("progress") ? progressOf(body) : body;
        return ((List<Map<String, Object>>) progress.get("skills")).stream()
                .filter(s -> skill.name().equals(s.get("skill")))
                .mapToDouble(s -> ((Number) s.get("pMastery")).doubleValue())
                .findFirst().orElseThrow();
    }
}
