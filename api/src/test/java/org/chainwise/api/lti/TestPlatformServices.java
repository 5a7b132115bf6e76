package org.chainwise.api.lti;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service side of {@link TestPlatform}, on its HTTP server: an OAuth 2 token endpoint that
 * takes the client-credentials grant only with a client assertion it verifies against the tool's
 * JWKS fetched over HTTP (issuer, subject, audience, expiry, a jti never seen before); the AGS
 * score service of the course's line items, which can be told to answer 503 for a while and keeps
 * every score it accepts; the course's line items container (listed page by page with {@code Link:
 * rel="next"}, filtered by {@code resource_link_id} unless told to ignore it, and taking new line
 * items by POST), which can be told to fail or stall; and the NRPS membership service, paged with
 * {@code Link: rel="next"}.
 * Media types, scopes and field names are written out here rather than taken from the tool's code,
 * so a misspelling on either side shows. Whatever it refuses is also kept in {@link #refusals()}.
 */
public final class TestPlatformServices {

    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String LINE_ITEM_READ_ONLY_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final Set<String> GRANTABLE = Set.of(SCORE_SCOPE, NRPS_SCOPE,
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");
    private static final String LINE_ITEMS = "/courses/101/lineitems";
    private static final String MEMBERSHIPS = "/courses/101/memberships";

    private final TestPlatform platform;
    private volatile URI toolJwksUrl;
    private volatile long tokenLifetimeSeconds = 3600;
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> liveTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger scoreFailuresLeft = new AtomicInteger();
    private final AtomicInteger scoreRequests = new AtomicInteger();
    private final Set<String> deletedLineItems = ConcurrentHashMap.newKeySet();
    private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile List<Map<String, Object>> members = List.of();
    private volatile int pageSize = 2;
    private final AtomicInteger membershipPagesServed = new AtomicInteger();
    private volatile boolean membershipsDown;
    private final List<LineItem> listedLineItems = new CopyOnWriteArrayList<>();
    private final List<LineItem> createdLineItems = new CopyOnWriteArrayList<>();
    private final AtomicInteger containerRequests = new AtomicInteger();
    private final AtomicInteger containerFailuresLeft = new AtomicInteger();
    private volatile long containerStallMillis;
    private volatile long scoreStallMillis;
    private volatile int containerPageSize = 2;
    private volatile boolean ignoresLineItemFilter;

    /** A line item in the container: its URL and the fields the tool sends or reads. */
    public record LineItem(String id, double scoreMaximum, String label, String resourceLinkId, String tag) {

        /** The last segment of its URL, as {@link ReceivedScore#lineItem()} names it. */
        public String name() {
            return id.substring(id.lastIndexOf('/') + 1);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("scoreMaximum", scoreMaximum);
            json.put("label", label);
            if (resourceLinkId != null) {
                json.put("resourceLinkId", resourceLinkId);
            }
            if (tag != null) {
                json.put("tag", tag);
            }
            return json;
        }
    }

    /** A score the score service accepted: the line item (last path segment before /scores) and the body's fields. */
    public record ReceivedScore(String lineItem, String userId, double scoreGiven, double scoreMaximum,
            String activityProgress, String gradingProgress, Instant timestamp) {
    }

    private TestPlatformServices(TestPlatform platform) {
        this.platform = platform;
        platform.handle("/token", this::token);
        platform.handle(LINE_ITEMS, this::lineItems);
        platform.handle(MEMBERSHIPS, this::memberships);
    }

    /** Adds the token, score and membership services to the platform's server. */
    public static TestPlatformServices on(TestPlatform platform) {
        return new TestPlatformServices(platform);
    }

    /** Where the token endpoint fetches the tool's public keys (the tool's /lti/jwks, once its server runs). */
    public void trustToolJwks(URI jwksUrl) {
        this.toolJwksUrl = jwksUrl;
    }

    /** The line item URL of a resource link, as the launch's AGS claim names it. */
    public URI lineItemUrl(String resourceLinkId) {
        return platform.base().resolve(LINE_ITEMS + "/" + resourceLinkId);
    }

    public URI membershipsUrl() {
        return platform.base().resolve(MEMBERSHIPS);
    }

    // Controls --------------------------------------------------------------------------------

    /** The next {@code count} score requests are answered 503 (the platform is down for a while). */
    public void failNextScores(int count) {
        scoreFailuresLeft.set(count);
    }

    /** Ends a score outage at once. */
    public void recover() {
        scoreFailuresLeft.set(0);
    }

    /** Forgets every token issued: the next request with one gets 401. */
    public void revokeTokens() {
        liveTokens.clear();
    }

    public void tokenLifetime(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    /** Deletes the line item named {@code name} (its URL's last segment): scores for it get 404, the container lists it no more. */
    public void deleteLineItem(String name) {
        deletedLineItems.add(name);
        listedLineItems.removeIf(item -> item.name().equals(name));
    }

    /** Takes scores for a deleted line item again (a teacher restored the grade book column). */
    public void restoreLineItem(String name) {
        deletedLineItems.remove(name);
    }

    /** Puts a line item in the container, as a teacher or the platform made it; returns it. */
    public LineItem listLineItem(String name, String label, String resourceLinkId, String tag) {
        LineItem item = new LineItem(platform.base().resolve(LINE_ITEMS + "/" + name).toString(), 10, label,
                resourceLinkId, tag);
        listedLineItems.add(item);
        return item;
    }

    /** The score service takes {@code millis} before it answers each score (0: at once). */
    public void stallScores(long millis) {
        this.scoreStallMillis = millis;
    }

    /** The container lists {@code pageSize} line items a page. */
    public void lineItemPageSize(int pageSize) {
        this.containerPageSize = pageSize;
    }

    /** When true, the container lists every line item whatever {@code resource_link_id} asks (some platforms do). */
    public void ignoreLineItemFilter(boolean ignore) {
        this.ignoresLineItemFilter = ignore;
    }

    /** The next {@code count} container requests are answered 500. */
    public void failNextContainerRequests(int count) {
        containerFailuresLeft.set(count);
    }

    /** Each container request waits this long before it is answered (0: at once). */
    public void stallContainer(long millis) {
        this.containerStallMillis = millis;
    }

    /** The roster the membership service lists, {@code pageSize} members a page. */
    public void roster(List<Map<String, Object>> members, int pageSize) {
        this.members = List.copyOf(members);
        this.pageSize = pageSize;
    }

    /** While down, the membership service answers 500. */
    public void membershipsDown(boolean down) {
        this.membershipsDown = down;
    }

    /** One NRPS member. */
    public static Map<String, Object> member(String userId, String name, String status, String... roles) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("status", status);
        member.put("name", name);
        member.put("given_name", name.split(" ")[0]);
        member.put("family_name", name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : "");
        member.put("email", userId + "@school.example");
        member.put("user_id", userId);
        member.put("roles", List.of(roles));
        return member;
    }

    // Observations ----------------------------------------------------------------------------

    public List<ReceivedScore> scores() {
        return List.copyOf(scores);
    }

    public int scoreRequests() {
        return scoreRequests.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The line items created through the container, in order. */
    public List<LineItem> createdLineItems() {
        return List.copyOf(createdLineItems);
    }

    /** Container requests received (GET and POST, answered or not). */
    public int containerRequests() {
        return containerRequests.get();
    }

    public int membershipPagesServed() {
        return membershipPagesServed.get();
    }

    /** Every request refused, with the reason: a test that expects none asserts this is empty. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    // Endpoints -------------------------------------------------------------------------------

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "method_not_allowed", "the token endpoint takes POST");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            refuse(exchange, 400, "invalid_request", "form-encoded body expected, got " + contentType);
            return;
        }
        Map<String, String> form = TestPlatform.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            refuse(exchange, 400, "unsupported_grant_type", "grant_type " + form.get("grant_type"));
            return;
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            refuse(exchange, 400, "invalid_client", "client_assertion_type " + form.get("client_assertion_type"));
            return;
        }
        String problem = assertionProblem(form.get("client_assertion"));
        if (problem != null) {
            refuse(exchange, 401, "invalid_client", problem);
            return;
        }
        String scopeText = form.getOrDefault("scope", "");
        Set<String> scopes = Set.copyOf(Arrays.asList(scopeText.trim().split("\\s+")));
        if (scopeText.isBlank() || !GRANTABLE.containsAll(scopes)) {
            refuse(exchange, 400, "invalid_scope", "scope " + scopeText);
            return;
        }
        String token = "tok-" + UUID.randomUUID();
        liveTokens.put(token, scopes);
        tokensIssued.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetimeSeconds);
        body.put("scope", String.join(" ", scopes));
        TestPlatform.respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(body));
    }

    private String assertionProblem(String assertion) {
        if (assertion == null || toolJwksUrl == null) {
            return assertion == null ? "no client_assertion" : "the platform does not know the tool's JWKS yet";
        }
        JWTClaimsSet claims;
        try {
            claims = TestPlatform.verifyToolJwt(assertion, toolJwksUrl);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        Instant now = Instant.now();
        if (!TestPlatform.CLIENT_ID.equals(claims.getIssuer()) || !TestPlatform.CLIENT_ID.equals(claims.getSubject())) {
            return "iss and sub must be the client id, were " + claims.getIssuer() + " and " + claims.getSubject();
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(platform.tokenUrl().toString())) {
            return "aud must name the token endpoint, was " + claims.getAudience();
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                || claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))) {
            return "iat/exp out of range: " + claims.getIssueTime() + " / " + claims.getExpirationTime();
        }
        if (claims.getJWTID() == null || !seenJtis.add(claims.getJWTID())) {
            return "jti missing or replayed: " + claims.getJWTID();
        }
        return null;
    }

    private void lineItems(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(LINE_ITEMS)) {
            container(exchange);
            return;
        }
        if (!path.endsWith("/scores") || !"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, 404, "not_found", exchange.getRequestMethod() + " " + path);
            return;
        }
        scoreRequests.incrementAndGet();
        if (!stalled(scoreStallMillis)) {
            return;
        }
        String lineItem = path.substring(LINE_ITEMS.length() + 1, path.length() - "/scores".length());
        if (!authorizedPost(exchange, "score", SCORE_SCOPE, "application/vnd.ims.lis.v1.score+json")) {
            return;
        }
        if (scoreFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refuse(exchange, 503, "unavailable", "the platform is down for maintenance");
            return;
        }
        if (deletedLineItems.contains(lineItem)) {
            refuse(exchange, 404, "not_found", "line item " + lineItem + " was deleted");
            return;
        }
        ReceivedScore score;
        try {
            Map<String, Object> body = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            score = new ReceivedScore(lineItem, (String) body.get("userId"),
                    ((Number) body.get("scoreGiven")).doubleValue(), ((Number) body.get("scoreMaximum")).doubleValue(),
                    (String) body.get("activityProgress"), (String) body.get("gradingProgress"),
                    OffsetDateTime.parse((String) body.get("timestamp")).toInstant());
        } catch (ParseException | RuntimeException e) {
            refuse(exchange, 400, "invalid_request", "score body: " + e);
            return;
        }
        if (score.userId() == null || score.scoreGiven() > score.scoreMaximum()
                || !Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed").contains(score.activityProgress())
                || !Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady").contains(score.gradingProgress())) {
            refuse(exchange, 400, "invalid_request", "score fields: " + score);
            return;
        }
        scores.add(score);
        exchange.sendResponseHeaders(204, -1);
    }

    /** Waits {@code millis} before answering, as a slow platform does; false when the server is stopping meanwhile. */
    private static boolean stalled(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void container(HttpExchange exchange) throws IOException {
        containerRequests.incrementAndGet();
        if (!stalled(containerStallMillis)) {
            return;
        }
        if (containerFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refuse(exchange, 500, "server_error", "the line items container is down");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> listLineItems(exchange);
            case "POST" -> createLineItem(exchange);
            default -> refuse(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " on the container");
        }
    }

    private void listLineItems(HttpExchange exchange) throws IOException {
        if (!authorized(exchange, LINE_ITEM_SCOPE) && !authorized(exchange, LINE_ITEM_READ_ONLY_SCOPE)) {
            refuse(exchange, 401, "invalid_token", "line items request without a live token for a line item scope");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("application/vnd.ims.lis.v2.lineitemcontainer+json")) {
            refuse(exchange, 406, "not_acceptable", "line items request accepting " + accept);
            return;
        }
        Map<String, String> query = TestPlatform.query(exchange);
        String link = ignoresLineItemFilter ? null : query.get("resource_link_id");
        String tag = ignoresLineItemFilter ? null : query.get("tag");
        List<Map<String, Object>> matching = listedLineItems.stream()
                .filter(item -> link == null || link.equals(item.resourceLinkId()))
                .filter(item -> tag == null || tag.equals(item.tag()))
                .map(LineItem::json)
                .toList();
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = Math.min(matching.size(), (page - 1) * containerPageSize);
        int to = Math.min(matching.size(), from + containerPageSize);
        if (to < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("page", Integer.toString(page + 1));
            exchange.getResponseHeaders().add("Link", "<" + LINE_ITEMS + "?" + formEncode(next) + ">; rel=\"next\"");
        }
        TestPlatform.respond(exchange, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json",
                JSONArrayUtils.toJSONString(new ArrayList<>(matching.subList(from, to))));
    }

    private void createLineItem(HttpExchange exchange) throws IOException {
        if (!authorizedPost(exchange, "line item", LINE_ITEM_SCOPE, "application/vnd.ims.lis.v2.lineitem+json")) {
            return;
        }
        LineItem item;
        try {
            Map<String, Object> body = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (body.containsKey("id") || !(body.get("scoreMaximum") instanceof Number max) || max.doubleValue() <= 0
                    || !(body.get("label") instanceof String label) || label.isBlank()) {
                refuse(exchange, 400, "invalid_request", "line item fields: " + body);
                return;
            }
            String name = "made-" + (createdLineItems.size() + 1);
            item = new LineItem(platform.base().resolve(LINE_ITEMS + "/" + name).toString(), max.doubleValue(), label,
                    (String) body.get("resourceLinkId"), (String) body.get("tag"));
        } catch (ParseException | RuntimeException e) {
            refuse(exchange, 400, "invalid_request", "line item body: " + e);
            return;
        }
        createdLineItems.add(item);
        listedLineItems.add(item);
        TestPlatform.respond(exchange, 201, "application/vnd.ims.lis.v2.lineitem+json", JSONObjectUtils.toJSONString(item.json()));
    }

    private static String formEncode(Map<String, String> fields) {
        StringBuilder encoded = new StringBuilder();
        fields.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    private void memberships(HttpExchange exchange) throws IOException {
        if (membershipsDown) {
            refuse(exchange, 500, "server_error", "the membership service is down");
            return;
        }
        if (!authorized(exchange, NRPS_SCOPE)) {
            refuse(exchange, 401, "invalid_token", "membership request without a live token for the NRPS scope");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("application/vnd.ims.lti-nrps.v2.membershipcontainer+json")) {
            refuse(exchange, 406, "not_acceptable", "membership request accepting " + accept);
            return;
        }
        int page = Integer.parseInt(TestPlatform.query(exchange).getOrDefault("page", "1"));
        List<Map<String, Object>> all = members;
        int from = Math.min(all.size(), (page - 1) * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", membershipsUrl() + "?page=" + page);
        body.put("context", Map.of("id", "course-101", "label", "MATH101", "title", "Calculus I"));
        body.put("members", new ArrayList<>(all.subList(from, to)));
        if (to < all.size()) {
            // Relative, with a second relation, as real platforms send it.
            exchange.getResponseHeaders().add("Link", "<" + MEMBERSHIPS + "?page=" + (page + 1) + ">; rel=\"next\", <"
                    + MEMBERSHIPS + "?since=0>; rel=\"differences\"");
        }
        membershipPagesServed.incrementAndGet();
        TestPlatform.respond(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
                JSONObjectUtils.toJSONString(body));
    }

    private boolean authorized(HttpExchange exchange, String scope) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        Set<String> granted = liveTokens.get(header.substring("Bearer ".length()));
        return granted != null && granted.contains(scope);
    }

    /** Whether the POST of a {@code what} carries a live token for {@code scope} and a body of {@code mediaType}; refused if not. */
    private boolean authorizedPost(HttpExchange exchange, String what, String scope, String mediaType) throws IOException {
        if (!authorized(exchange, scope)) {
            refuse(exchange, 401, "invalid_token", what + " request without a live token for " + scope);
            return false;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith(mediaType)) {
            refuse(exchange, 415, "unsupported_media_type", what + " sent as " + contentType);
            return false;
        }
        return true;
    }

    private void refuse(HttpExchange exchange, int status, String error, String description) throws IOException {
        refusals.add(status + " " + error + ": " + description);
        TestPlatform.respond(exchange, status, "application/json",
                JSONObjectUtils.toJSONString(Map.of("error", error, "error_description", description)));
    }
}
