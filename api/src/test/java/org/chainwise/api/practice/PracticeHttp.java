package org.chainwise.api.practice;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chainwise.api.HttpSession;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.identity.Role;
import org.chainwise.api.service.PracticeService;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.PracticeSetDefinition;
import org.chainwise.api.store.PracticeSets;
import org.chainwise.bank.answer.ItemGrader;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.mastery.Skill;
import org.jooq.DSLContext;

/**
 * What the practice journeys share: a fresh schema with the development sign-in on, learners
 * signed in over HTTP, sets placed in their course through the store, and requests that return
 * the JSON body or the refusal.
 */
abstract class PracticeHttp implements TestPropertyProvider {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PracticeSets sets;

    @Inject
    PracticeService practice;

    @Inject
    DSLContext dsl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = HttpSession.applicationProperties();
        // The first practice request waits for Symja and the item pools, seconds on a busy machine.
        properties.put("micronaut.http.client.read-timeout", "120s");
        return properties;
    }

    /** A signed-in user: the token, and who it acts as. */
    record Learner(String token, Actor actor) {
    }

    Learner signIn(String subject, String course) {
        return signIn(subject, course, "learner");
    }

    Learner signIn(String subject, String course, String role) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/dev/sign-in",
                Map.of("subject", subject, "course", course, "role", role)), JSON);
        return new Learner((String) body.get("token"), new Actor(((Number) body.get("userId")).longValue(),
                ((Number) body.get("courseId")).longValue(), "learner".equals(role) ? Role.LEARNER : Role.INSTRUCTOR));
    }

    long placeSet(Learner someone, List<Skill> skills, List<String> families, CompletionRule completion) {
        return sets.create(dsl, someone.actor().courseId(), null,
                new PracticeSetDefinition("test", "Test set", skills, families, completion)).id();
    }

    Map<String, Object> post(Learner who, String path, Object body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(who.token()), JSON);
    }

    Map<String, Object> get(Learner who, String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(who.token()), JSON);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> next(Learner who, long setId) {
        return (Map<String, Object>) post(who, "/api/v1/practice-sets/" + setId + "/next", Map.of()).get("item");
    }

    Map<String, Object> submit(Learner who, long itemId, Map<String, String> answers) {
        return submit(who, itemId, UUID.randomUUID().toString(), answers);
    }

    Map<String, Object> submit(Learner who, long itemId, String submissionId, Map<String, String> answers) {
        return post(who, "/api/v1/items/" + itemId + "/attempts", Map.of("submissionId", submissionId, "answers", answers));
    }

    /** The item behind an id, as the server rebuilds it (the test needs its answer and distractors). */
    Item itemOf(Learner who, Map<String, Object> view) {
        return practice.item(who.actor(), id(view)).item();
    }

    Map<String, String> rightAnswer(Learner who, Map<String, Object> view) {
        return ItemGrader.rightAnswer(itemOf(who, view));
    }

    static long id(Map<String, Object> view) {
        return ((Number) view.get("id")).longValue();
    }

    /** The refusal of a request that must be refused. */
    HttpClientResponseException refusal(HttpRequest<?> request) {
        try {
            HttpResponse<?> response = client.toBlocking().exchange(request, JSON);
            throw new AssertionError("expected a refusal of " + request.getPath() + ", got " + response.getStatus());
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> errorOf(HttpClientResponseException e) {
        return (Map<String, Object>) e.getResponse().getBody(JSON).orElseThrow().get("error");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> progressOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("progress");
    }
}
