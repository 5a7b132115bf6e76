package org.chainwise.api.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chainwise.api.service.DevSignIn;

/**
 * The web pages: {@code /} (sign-in and the way in), {@code /practice/{setId}}, {@code /demo} and
 * {@code /teacher/{courseId}}. Each is a static HTML file whose scripts call the JSON API with the
 * session token the page was opened with; the server only fills in where the assets are and whether
 * the development sign-in is on. Pages are never cached, so they always name the current assets.
 */
@Controller
class PageController {

    private final PageHeaders headers;
    private final Map<String, String> pages;

    PageController(Assets assets, PageHeaders headers,
            @Value("${" + DevSignIn.ENABLED + ":false}") boolean devSignIn) {
        this.headers = headers;
        String assetsPath = "/assets/" + assets.version();
        Map<String, String> fill = Map.of(
                "@ASSETS@", assetsPath,
                "@KATEX@", assetsPath + "/webjars/katex/" + assets.katexVersion() + "/dist",
                "@DEV_SIGN_IN@", Boolean.toString(devSignIn));
        this.pages = Map.of(
                "index", page("index", fill),
                "practice", page("practice", fill),
                "demo", page("demo", fill),
                "teacher", page("teacher", fill));
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> index() {
        return serve("index");
    }

    @Get(uri = "/practice/{setId}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> practice(long setId) {
        return serve("practice");
    }

    @Get(uri = "/demo", produces = MediaType.TEXT_HTML)
    HttpResponse<String> demo() {
        return serve("demo");
    }

    @Get(uri = "/teacher/{courseId}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> teacher(long courseId) {
        return serve("teacher");
    }

    private HttpResponse<String> serve(String name) {
        return headers.apply(HttpResponse.ok(pages.get(name))
                .contentType(MediaType.TEXT_HTML + "; charset=utf-8")
                .header("Cache-Control", "no-cache"));
    }

    private static String page(String name, Map<String, String> fill) {
        String resource = "pages/" + name + ".html";
        try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> entry : fill.entrySet()) {
                html = html.replace(entry.getKey(), entry.getValue());
            }
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
