package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages and their assets over HTTP: headers that allow framing by an LMS, assets from the jar, nothing else. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesOverHttpTest implements TestPropertyProvider {

    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Assets assets;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    private HttpResponse<String> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/practice/1", "/demo", "/teacher/1"})
    void pagesMayBeFramedByAnyOriginAndRunOnlyTheirOwnScripts(String path) {
        HttpResponse<String> page = get(path);

        assertThat(page.getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).startsWith("text/html"));
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors *", "script-src 'self'", "default-src 'none'", "connect-src 'self'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/practice/1", "/demo", "/teacher/1"})
    void everyLinkedAssetComesFromThisServerUnderTheCurrentVersionForAYear(String path) {
        List<String> links = linked(get(path).body());

        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).satisfiesAnyOf(
                l -> assertThat(l).startsWith("/assets/" + assets.version() + "/"),
                l -> assertThat(l).isIn("data:,", "/", "/demo", "#main", "#answer-form")));
        for (String link : links) {
            if (link.startsWith("/assets/")) {
                HttpResponse<String> asset = get(link);
                assertThat(asset.header("Cache-Control")).as(link).isEqualTo("public, max-age=31536000, immutable");
                assertThat(asset.getContentType()).as(link).isPresent();
            }
        }
    }

    @Test
    void katexFontsAreServedBesideItsStyleSheet() {
        String base = "/assets/" + assets.version() + "/webjars/katex/" + assets.katexVersion() + "/dist/";
        String css = get(base + "katex.min.css").body();
        Matcher font = Pattern.compile("url\\((fonts/KaTeX_Main-Regular\\.woff2)\\)").matcher(css);
        assertThat(font.find()).isTrue();

        HttpResponse<byte[]> woff2 = client.toBlocking().exchange(HttpRequest.GET(base + font.group(1)), byte[].class);
        assertThat(woff2.header("Content-Type")).isEqualTo("font/woff2");
        assertThat(woff2.body()).isNotEmpty();
    }

    @Test
    void anAssetAskedForUnderAnotherVersionIsServedButOnlyBrieflyCached() {
        HttpResponse<String> asset = get("/assets/0ld/app/session.js");

        assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(asset.header("Content-Type")).startsWith("text/javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/v/app/missing.js", "/assets/v/../application.properties", "/assets/v/app/%2e%2e/%2e%2e/logback.xml",
            "/assets/v/pages/index.html", "/assets/v/webjars/katex/LICENSE", "/assets/v/app/"})
    void nothingOutsideTheAssetFoldersIsServed(String path) {
        assertThatThrownBy(() -> get(path)).isInstanceOfSatisfying(HttpClientResponseException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    private static List<String> linked(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINKED.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
