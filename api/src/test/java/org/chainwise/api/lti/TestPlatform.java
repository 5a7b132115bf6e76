package org.chainwise.api.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An LMS for tests, on a real loopback HTTP server: its RSA signing key published at {@link
 * #jwksUrl()}, an OIDC authentication endpoint at {@link #authUrl()} that checks the tool's
 * authentication request and answers it the way a platform does (an auto-posting form carrying
 * the id_token and state to the tool's redirect URI), and helpers to mint good and bad id_tokens.
 * The claim names are written out here rather than taken from the tool's code, so a misspelt
 * claim on either side shows. Other endpoints (token, scores, memberships) are added with {@link
 * #handle}.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String CLIENT_ID = "chainwise-test-client";
    public static final String DEPLOYMENT_ID = "deployment-1";

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    private final HttpServer server;
    private final URI base;
    private final RSAKey rogueKey;
    private volatile RSAKey signingKey;
    private final List<RSAKey> publishedKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final Map<String, Function<AuthRequest, String>> messages = new ConcurrentHashMap<>();
    private final List<AuthRequest> authRequests = new CopyOnWriteArrayList<>();
    private final List<String> deepLinkResponses = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch jwksGate;
    private volatile boolean jwksDown;
    private volatile URI toolRedirectUri;

    /** The tool's OIDC authentication request as the platform received it. */
    public record AuthRequest(Map<String, String> parameters) {
        public String nonce() {
            return parameters.get("nonce");
        }

        public String state() {
            return parameters.get("state");
        }

        public URI redirectUri() {
            return URI.create(parameters.get("redirect_uri"));
        }

        public String loginHint() {
            return parameters.get("login_hint");
        }
    }

    private TestPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        signingKey = rsa("platform-key-1");
        publishedKeys.add(signingKey);
        rogueKey = rsa("rogue-key");
        handle("/jwks", this::jwks);
        handle("/auth", this::authenticate);
        handle("/deep-link-return", exchange -> {
            deepLinkResponses.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getOrDefault("JWT", ""));
            respond(exchange, 200, "text/html", "<p>Content added.</p>");
        });
        server.start();
    }

    /** Starts a platform on a free loopback port; {@link #close} stops it. */
    public static TestPlatform start() {
        return new TestPlatform();
    }

    /** Adds an endpoint, answered by {@code handler}. */
    public void handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    public URI base() {
        return base;
    }

    public String issuer() {
        return base.toString();
    }

    public URI authUrl() {
        return base.resolve("/auth");
    }

    public URI tokenUrl() {
        return base.resolve("/token");
    }

    public URI jwksUrl() {
        return base.resolve("/jwks");
    }

    /** The only redirect URI the platform sends id_tokens to (the tool's launch URL, as registered). */
    public void registerToolRedirect(URI redirectUri) {
        this.toolRedirectUri = redirectUri;
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** A key the platform never publishes. */
    public RSAKey rogueKey() {
        return rogueKey;
    }

    /** How many times the JWKS was fetched. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Holds every JWKS answer until the returned latch is counted down. */
    public CountDownLatch holdJwks() {
        CountDownLatch gate = new CountDownLatch(1);
        jwksGate = gate;
        return gate;
    }

    /** Makes the JWKS endpoint answer 503 (an outage) until called with false. */
    public void jwksDown(boolean down) {
        jwksDown = down;
    }

    /** Makes and publishes a new signing key; the old one stays published if {@code keepOld}. */
    public RSAKey rotateKey(String kid, boolean keepOld) {
        RSAKey fresh = rsa(kid);
        if (!keepOld) {
            publishedKeys.clear();
        }
        publishedKeys.add(fresh);
        signingKey = fresh;
        return fresh;
    }

    /** The OIDC authentication requests received so far. */
    public List<AuthRequest> authRequests() {
        return List.copyOf(authRequests);
    }

    // Messages --------------------------------------------------------------------------------

    /**
     * Registers what the auth endpoint answers for one login: a function from the tool's
     * authentication request to the id_token. Returns the lti_message_hint naming it.
     */
    public String message(Function<AuthRequest, String> idToken) {
        String hint = "hint-" + UUID.randomUUID();
        messages.put(hint, idToken);
        return hint;
    }

    /** Claims of a good resource-link launch for {@code sub} with {@code roles}, bound to the request's nonce. */
    public JWTClaimsSet.Builder resourceLink(AuthRequest request, URI targetLinkUri, String resourceLinkId,
            String sub, List<String> roles) {
        return message(request, "LtiResourceLinkRequest", targetLinkUri, sub, roles)
                .claim("azp", CLIENT_ID)
                .claim("name", "User " + sub)
                .claim("email", sub + "@school.example")
                .claim(LTI + "resource_link", Map.of("id", resourceLinkId, "title", "Chain rule practice"))
                .claim(LTI + "context", Map.of("id", "course-101", "label", "MATH101", "title", "Calculus I",
                        "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(AGS, Map.of(
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"),
                        "lineitems", base.resolve("/courses/101/lineitems").toString(),
                        "lineitem", base.resolve("/courses/101/lineitems/" + resourceLinkId).toString()))
                .claim(NRPS, Map.of(
                        "context_memberships_url", base.resolve("/courses/101/memberships").toString(),
                        "service_versions", List.of("2.0")));
    }

    /** The claims every LTI message from this platform carries: issuer, audience, times, nonce, type, version, deployment. */
    public JWTClaimsSet.Builder message(AuthRequest request, String messageType, URI targetLinkUri, String sub,
            List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject(sub)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", request.nonce())
                .claim(LTI + "message_type", messageType)
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", targetLinkUri.toString())
                .claim(LTI + "roles", roles);
    }

    /** Claims of a good deep-linking request from an instructor, bound to the request's nonce. */
    public JWTClaimsSet.Builder deepLinking(AuthRequest request, URI targetLinkUri, String sub) {
        return message(request, "LtiDeepLinkingRequest", targetLinkUri, sub, List.of(INSTRUCTOR))
                .claim("name", "Teacher " + sub)
                .claim(LTI + "context", Map.of("id", "course-101", "title", "Calculus I"))
                .claim(DL + "deep_linking_settings", Map.of(
                        "deep_link_return_url", deepLinkReturnUrl().toString(),
                        "accept_types", List.of("ltiResourceLink"),
                        "accept_presentation_document_targets", List.of("iframe", "window"),
                        "accept_multiple", false,
                        "auto_create", true,
                        "data", "platform-opaque-data-42"));
    }

    /** The JWTs the tool's deep-linking responses delivered to {@link #deepLinkReturnUrl()}, in order. */
    public List<String> deepLinkResponses() {
        return List.copyOf(deepLinkResponses);
    }

    /** Where the platform receives deep-linking responses (the tool posts its JWT there). */
    public URI deepLinkReturnUrl() {
        return base.resolve("/deep-link-return");
    }

    /** The claims signed with the platform's current key (RS256, its kid). */
    public String sign(JWTClaimsSet claims) {
        return sign(signingKey, claims);
    }

    /** The claims signed with {@code key}, named by the key's kid. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Verifies a JWT the tool signed against the tool's JWKS, fetched over HTTP from {@code toolJwksUrl}; returns its claims. */
    public static JWTClaimsSet verifyToolJwt(String jwt, URI toolJwksUrl) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(toolJwksUrl)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("tool JWKS answered " + response.statusCode());
            }
            JWK key = JWKSet.parse(response.body()).getKeyByKeyId(signed.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("tool JWKS has no key " + signed.getHeader().getKeyID());
            }
            if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())
                    || !signed.verify(new RSASSAVerifier(key.toRSAKey()))) {
                throw new AssertionError("tool JWT does not verify with key " + key.getKeyID());
            }
            return signed.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IOException e) {
            throw new AssertionError("cannot verify the tool's JWT: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // The login initiation, as the platform starts it in the user's browser ------------------------

    /** The third-party login initiation parameters for a message (what the platform sends the tool's login URL). */
    public Map<String, String> loginInitiation(URI targetLinkUri, String messageHint, String loginHint) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("iss", issuer());
        parameters.put("login_hint", loginHint);
        parameters.put("target_link_uri", targetLinkUri.toString());
        parameters.put("lti_message_hint", messageHint);
        parameters.put("client_id", CLIENT_ID);
        parameters.put("lti_deployment_id", DEPLOYMENT_ID);
        return parameters;
    }

    // Endpoints -------------------------------------------------------------------------------

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        CountDownLatch gate = jwksGate;
        if (gate != null) {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (jwksDown) {
            respond(exchange, 503, "text/plain", "maintenance");
            return;
        }
        List<JWK> keys = new ArrayList<>();
        publishedKeys.forEach(k -> keys.add(k.toPublicJWK()));
        respond(exchange, 200, "application/json", new JWKSet(keys).toString(true));
    }

    /** Checks the tool's authentication request as OIDC and LTI require, then posts the id_token back. */
    private void authenticate(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = query(exchange);
        if ("POST".equals(exchange.getRequestMethod())) {
            parameters.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        AuthRequest request = new AuthRequest(Map.copyOf(parameters));
        authRequests.add(request);
        String problem = problem(parameters);
        if (problem != null) {
            respond(exchange, 400, "text/plain", problem);
            return;
        }
        Function<AuthRequest, String> message = messages.get(parameters.get("lti_message_hint"));
        if (message == null) {
            respond(exchange, 400, "text/plain", "unknown lti_message_hint " + parameters.get("lti_message_hint"));
            return;
        }
        String idToken = message.apply(request);
        respond(exchange, 200, "text/html", autoPost(request.redirectUri(), Map.of("id_token", idToken,
                "state", request.state())));
    }

    private String problem(Map<String, String> p) {
        Map<String, String> expected = Map.of("scope", "openid", "response_type", "id_token",
                "response_mode", "form_post", "prompt", "none", "client_id", CLIENT_ID);
        for (var e : expected.entrySet()) {
            if (!e.getValue().equals(p.get(e.getKey()))) {
                return e.getKey() + " must be " + e.getValue() + ", was " + p.get(e.getKey());
            }
        }
        for (String required : List.of("redirect_uri", "login_hint", "state", "nonce", "lti_message_hint")) {
            if (p.get(required) == null || p.get(required).isBlank()) {
                return required + " is missing";
            }
        }
        if (toolRedirectUri != null && !toolRedirectUri.toString().equals(p.get("redirect_uri"))) {
            return "redirect_uri " + p.get("redirect_uri") + " is not registered (" + toolRedirectUri + ")";
        }
        return null;
    }

    /** An HTML page that posts {@code fields} to {@code action} as soon as it loads. */
    public static String autoPost(URI action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body><form method=\"post\" action=\"")
                .append(escape(action.toString())).append("\">");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        return html.append("</form><script>document.forms[0].submit()</script></body></html>").toString();
    }

    public static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? new LinkedHashMap<>() : form(raw);
    }

    public static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        CountDownLatch gate = jwksGate;
        if (gate != null) {
            gate.countDown();
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
