package org.chainwise.api.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.HINT_REVEAL;
import static org.chainwise.migrations.jooq.Tables.LEARNER_MODEL;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Whole journeys of a learner over HTTP against PostgreSQL. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeJourneysTest extends PracticeHttp {

    private static final int MAX_ITEMS = 60;

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerPractisesToMasteryOfTheSetsSkills() {
        Learner ana = signIn("ana", "mastery-course");
        long set = placeSet(ana, List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR), List.of("outer-sin", "outer-exp", "outer-cos"),
                new CompletionRule.Mastery(0.95));

        Map<String, Object> progress = null;
        int served = 0;
        for (; served < MAX_ITEMS; served++) {
            Map<String, Object> item = next(ana, set);
            if (item == null) {
                break;
            }
            Map<String, Object> result = submit(ana, id(item), rightAnswer(ana, item));
            assertThat(result).containsEntry("verdict", "correct").containsEntry("solved", true).containsEntry("duplicate", false);
            progress = progressOf(result);
            if (Boolean.TRUE.equals(progress.get("completed"))) {
                break;
            }
        }

        assertThat(progress).isNotNull().containsEntry("completed", true);
        assertThat((List<Map<String, Object>>) progress.get("skills")).allSatisfy(skill ->
                assertThat(skill).containsEntry("mastered", true));
        assertThat(((Number) progress.get("itemsCorrect")).intValue()).isEqualTo(served + 1);
        assertThat(get(ana, "/api/v1/progress?practiceSet=" + set)).isEqualTo(progress);
        // The whole student model is kept, the logistic tracker's evidence too, not just knowledge tracing.
        assertThat(dsl.select(LEARNER_MODEL.ABILITY).from(LEARNER_MODEL)
                .where(LEARNER_MODEL.USER_ID.eq(ana.actor().userId())).fetchSingle().value1()).isNotNull();
    }

    @Test
    void theNextItemIsTheOpenOneUntilItIsAnswered() {
        Learner ben = signIn("ben", "resume-course");
        long set = placeSet(ben, List.of(Skill.EVALUATE_AT_INNER), List.of("outer-sin"), new CompletionRule.ItemCount(3));

        Map<String, Object> first = next(ben, set);
        Map<String, Object> again = next(ben, set);
        submit(ben, id(first), Map.of("answer", "0"));
        Map<String, Object> after = next(ben, set);

        assertThat(id(again)).isEqualTo(id(first));
        assertThat(id(after)).isNotEqualTo(id(first));
        assertThat(first).containsKeys("stem", "variables", "answerParts", "givens", "hintsShown", "hintsLeft", "solved",
                "solutionShown").doesNotContainKeys("answer", "solution", "distractors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHintLadderRevealsThreeHintsInOrderRecordsEachAndRefusesAFourth() {
        Learner cleo = signIn("cleo", "hint-course");
        long set = placeSet(cleo, List.of(Skill.EVALUATE_AT_INNER), List.of("outer-sin"), new CompletionRule.ItemCount(3));
        Map<String, Object> item = next(cleo, set);
        String hints = "/api/v1/items/" + id(item) + "/hints";
        List<String> ladder = itemOf(cleo, item).hints().inOrder();

        for (int step = 1; step <= 3; step++) {
            Map<String, Object> hint = post(cleo, hints, Map.of());
            assertThat(hint).containsEntry("step", step).containsEntry("text", ladder.get(step - 1))
                    .containsEntry("hintsLeft", 3 - step);
        }
        HttpClientResponseException fourth = refusal(HttpRequest.POST(hints, Map.of()).bearerAuth(cleo.token()));
        Map<String, Object> shown = get(cleo, "/api/v1/items/" + id(item));
        Map<String, Object> answered = submit(cleo, id(item), rightAnswer(cleo, item));

        assertThat(fourth.getStatus().getCode()).isEqualTo(409);
        assertThat(errorOf(fourth)).containsEntry("code", "no_more_hints");
        assertThat((List<Object>) shown.get("hintsShown")).hasSize(3);
        assertThat(shown).containsEntry("hintsLeft", 0);
        assertThat(answered).containsEntry("verdict", "correct");
        assertThat(dsl.fetchCount(HINT_REVEAL, HINT_REVEAL.ITEM_ID.eq(id(item)))).isEqualTo(3);
        assertThat(dsl.select(ATTEMPT.HINTS_USED).from(ATTEMPT).where(ATTEMPT.ITEM_ID.eq(id(item))).fetchSingle().value1())
                .isEqualTo((short) 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void outerAtXIsDetectedNamedAndPointedAtItsRepairThenRemediatedByCleanAnswers() {
        Learner dan = signIn("dan", "misconception-course");
        long set = placeSet(dan, List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR), List.of("outer-sin", "outer-cos", "outer-exp"),
                new CompletionRule.Mastery(0.95));
        Map<String, Object> item = next(dan, set);
        Distractor outerAtX = itemOf(dan, item).distractors().stream()
                .filter(d -> d.code() == Misconception.OUTER_AT_X).findFirst().orElseThrow();

        Map<String, Object> wrong = submit(dan, id(item), Map.of("answer", outerAtX.answer().text()));

        assertThat(wrong).containsEntry("verdict", "incorrect").containsEntry("solved", false);
        Map<String, Object> diagnosis = ((List<Map<String, Object>>) wrong.get("misconceptions")).getFirst();
        assertThat(diagnosis).containsEntry("code", "OUTER_AT_X");
        assertThat((Map<String, Object>) diagnosis.get("concept")).containsEntry("key", "misconception:OUTER_AT_X");
        assertThat((String) wrong.get("feedback")).contains("inner function");
        assertThat(beliefIn(progressOf(wrong), "OUTER_AT_X")).isGreaterThanOrEqualTo(0.5);
        Map<String, Object> concept = get(dan, "/api/v1/concepts/misconception:OUTER_AT_X");
        assertThat(concept).containsEntry("kind", "misconceptionRepair").containsEntry("code", "OUTER_AT_X").containsKey("repair");

        Map<String, Object> remedy = next(dan, set);
        Item remedial = itemOf(dan, remedy);
        assertThat(remedial.skills()).contains(Skill.EVALUATE_AT_INNER);
        Map<String, Object> progress = progressOf(submit(dan, id(remedy), rightAnswer(dan, remedy)));
        for (int clean = 1; clean < 5 && beliefIn(progress, "OUTER_AT_X") >= 0.5; clean++) {
            Map<String, Object> another = next(dan, set);
            progress = progressOf(submit(dan, id(another), rightAnswer(dan, another)));
        }

        assertThat(beliefIn(progress, "OUTER_AT_X")).isLessThan(0.5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSolutionIsShownAfterSolvingOrAsGivingUpAndAGivenUpItemTakesNoAnswer() {
        Learner eve = signIn("eve", "solution-course");
        long set = placeSet(eve, List.of(Skill.EVALUATE_AT_INNER), List.of("outer-sin"), new CompletionRule.ItemCount(3));
        Map<String, Object> item = next(eve, set);

        Map<String, Object> solution = post(eve, "/api/v1/items/" + id(item) + "/solution", Map.of());
        HttpClientResponseException late = refusal(HttpRequest.POST("/api/v1/items/" + id(item) + "/attempts",
                Map.of("submissionId", java.util.UUID.randomUUID().toString(), "answers", rightAnswer(eve, item))).bearerAuth(eve.token()));
        Map<String, Object> following = next(eve, set);

        assertThat((List<Map<String, Object>>) solution.get("steps")).isNotEmpty()
                .allSatisfy(step -> assertThat(step).containsKeys("text", "latex"));
        assertThat(late.getStatus().getCode()).isEqualTo(409);
        assertThat(errorOf(late)).containsEntry("code", "solution_shown");
        assertThat(id(following)).isNotEqualTo(id(item));
        assertThat(get(eve, "/api/v1/items/" + id(item))).containsEntry("solutionShown", true);
    }

    @Test
    void itemsOfEveryTypeAreAnswerableOverHttp() {
        Learner fay = signIn("fay", "types-course");
        for (String family : List.of("decompose", "evaluate-at-point", "predict", "spot-the-error", "graph-paths", "jacobian")) {
            long set = placeSet(fay, List.of(Skill.DECOMPOSE), List.of(family), new CompletionRule.ItemCount(1));
            Map<String, Object> item = next(fay, set);
            assertThat(item).as(family).isNotNull();
            assertThat(submit(fay, id(item), rightAnswer(fay, item))).as(family).containsEntry("verdict", "correct");
        }
    }

    @SuppressWarnings("unchecked")
    private static double beliefIn(Map<String, Object> progress, String code) {
        return ((List<Map<String, Object>>) progress.get("misconceptions")).stream()
                .filter(m -> code.equals(m.get("code"))).findFirst()
                .map(m -> ((Number) m.get("belief")).doubleValue()).orElse(0.0);
    }
}
