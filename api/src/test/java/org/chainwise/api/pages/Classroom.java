package org.chainwise.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.api.store.ServedItem;
import org.chainwise.api.store.ServedItems;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.jooq.DSLContext;

/**
 * A course for the browser tests, set up the way people would: users signed in through the
 * development sign-in, a practice set placed in the course, answers sent through the JSON API.
 * The item behind a served id is drawn again from the question bank (family, parameters, seed), so
 * a test types the answer a misconception gives for whatever item the mastery model picked.
 */
final class Classroom {

    /** The course the sign-in page's demo users belong to. */
    static final String COURSE = "chainwise-demo";
    private static final ItemBank BANK = ItemBank.standard();

    private final BlockingHttpClient http;
    private final DSLContext dsl;
    private final ServedItems servedItems;

    Classroom(BlockingHttpClient http, DSLContext dsl, ServedItems servedItems) {
        this.http = http;
        this.dsl = dsl;
        this.servedItems = servedItems;
    }

    /** A signed-in user of the test course. */
    record Member(String token, long userId, long courseId, String role) {
    }

    Member signIn(String subject, String name, String role) {
        Map<?, ?> body = http.retrieve(HttpRequest.POST("/api/v1/dev/sign-in", Map.of("subject", subject, "name", name,
                "course", COURSE, "courseTitle", "Chain rule demo", "role", role)), Map.class);
        return new Member((String) body.get("token"), ((Number) body.get("userId")).longValue(),
                ((Number) body.get("courseId")).longValue(), (String) body.get("role"));
    }

    /** A practice set of one item family that differentiates a composition with sine outside. */
    long placeSineSet(PracticeSets sets, long courseId) {
        PracticeSetDefinition definition = new PracticeSetDefinition("browser-tests/sine", "Sine of something",
                List.of(Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR), List.of("outer-sin"),
                new CompletionRule.ItemCount(5));
        return dsl.transactionResult(cfg -> sets.create(cfg.dsl(), courseId, null, definition)).id();
    }

    /** The question-bank item served to {@code member} under {@code itemId}. */
    Item served(Member member, long itemId) {
        ServedItem row = servedItems.find(dsl, member.courseId(), member.userId(), itemId)
                .orElseThrow(() -> new AssertionError("item " + itemId + " was not served to " + member));
        return BANK.draw(row.family(), row.parameters(), row.seed());
    }

    /** What a student holding {@code code} answers to the item. */
    static String answerOf(Item item, Misconception code) {
        return item.distractors().stream().filter(d -> d.code() == code).map(Distractor::answer).findFirst()
                .orElseThrow(() -> new AssertionError(item.id() + " has no " + code + " distractor")).text();
    }

    /** The id of the item {@code member} is served next in the set. */
    long next(Member member, long setId) {
        Map<?, ?> body = http.retrieve(HttpRequest.POST("/api/v1/practice-sets/" + setId + "/next", Map.of())
                .bearerAuth(member.token()), Map.class);
        return ((Number) ((Map<?, ?>) body.get("item")).get("id")).longValue();
    }

    /** Sends one answer through the API, as the practice page does. */
    void answer(Member member, long itemId, String answer) {
        http.retrieve(HttpRequest.POST("/api/v1/items/" + itemId + "/attempts",
                Map.of("submissionId", UUID.randomUUID().toString(), "answers", Map.of("answer", answer)))
                .bearerAuth(member.token()), Map.class);
    }
}
