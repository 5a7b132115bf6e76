package org.chainwise.api.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user's browser in LTI tests: follows nothing by itself, keeps cookies per host and port the
 * way a browser does for http://localhost (Secure cookies included, localhost being a secure
 * context), and submits the auto-posting forms platforms and tools answer with. {@link
 * #blockCookies} makes it a browser that refuses third-party cookies in an iframe.
 */
public final class Browser {

    private static final Pattern FORM = Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("method=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\"[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();
    private volatile boolean blockCookies;

    /** A response as the browser saw it. */
    public record Page(URI uri, int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The redirect target, resolved against this page's URL. */
        public URI location() {
            return uri.resolve(header("Location").orElseThrow(() -> new AssertionError(
                    "expected a redirect from " + uri + ", got " + status + ": " + body)));
        }

        /** The first form on the page: its action (resolved) and its hidden fields, HTML entities decoded. */
        public Form form() {
            Matcher form = FORM.matcher(body);
            if (!form.find()) {
                throw new AssertionError("no form on " + uri + " (" + status + "): " + body);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                fields.put(unescape(input.group(1)), unescape(input.group(2)));
            }
            Matcher action = ACTION.matcher(form.group(1));
            Matcher method = METHOD.matcher(form.group(1));
            return new Form(action.find() ? uri.resolve(unescape(action.group(1))) : uri,
                    method.find() ? method.group(1).toLowerCase() : "get", fields);
        }
    }

    /** A form to post: where, and its fields. */
    public record Form(URI action, String method, Map<String, String> fields) {
        public Form with(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put(name, value);
            return new Form(action, method, changed);
        }

        public Form without(String name) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.remove(name);
            return new Form(action, method, changed);
        }
    }

    /** From now on sends no cookies and keeps none, like a browser blocking third-party cookies. */
    public Browser blockCookies() {
        blockCookies = true;
        cookies.clear();
        return this;
    }

    /** Forgets every cookie (a different browser, or cookies cleared between two steps). */
    public void clearCookies() {
        cookies.clear();
    }

    public Map<String, String> cookies(URI uri) {
        return Map.copyOf(cookies.getOrDefault(authority(uri), Map.of()));
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    /** A GET with {@code Authorization: Bearer <token>}, as a page holding a session token calls the API. */
    public Page getWithBearer(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET(), uri);
    }

    public Page post(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), uri);
    }

    /** Posts a JSON body with extra headers (an API call, as the admin tool makes it). */
    public Page post(URI uri, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request, uri);
    }

    /** Submits the form as a browser does: a GET form's fields replace the action's query. */
    public Page submit(Form form) {
        if ("get".equals(form.method())) {
            String action = form.action().toString().replaceFirst("\\?.*$", "");
            return get(URI.create(action + "?" + encode(form.fields())));
        }
        return post(form.action(), form.fields());
    }

    /** Posts an already encoded form body (repeated fields, as checkboxes send them). */
    public Page postEncoded(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest.Builder request, URI uri) {
        request.timeout(Duration.ofSeconds(20)).header("Accept", "text/html,application/json");
        Map<String, String> jar = cookies.getOrDefault(authority(uri), Map.of());
        if (!blockCookies && !jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!blockCookies) {
                response.headers().allValues("Set-Cookie").forEach(c -> keep(uri, c));
            }
            return new Page(uri, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(URI uri, String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip().toLowerCase();
            if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")) {
                expired = true;
            }
        }
        Map<String, String> jar = cookies.computeIfAbsent(authority(uri), k -> new ConcurrentHashMap<>());
        if (expired) {
            jar.remove(name);
        } else {
            jar.put(name, value);
        }
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
