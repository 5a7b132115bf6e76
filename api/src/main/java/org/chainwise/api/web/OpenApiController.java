package org.chainwise.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /openapi.yml} and {@code /openapi.json}: the OpenAPI 3.1 description of every route. It is
 * written by hand ({@value #RESOURCE}) rather than generated, and {@code OpenApiDocumentTest} fails when a
 * route of the application is missing from it.
 */
@Controller
class OpenApiController {

    static final String RESOURCE = "openapi/chainwise.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final String yaml;
    private final String json;

    OpenApiController(JsonMapper mapper) {
        this.yaml = read();
        Map<String, Object> document = parse(yaml);
        try {
            this.json = mapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yml")
    HttpResponse<String> yaml() {
        return HttpResponse.ok(yaml).contentType(YAML);
    }

    @Get("/openapi.json")
    HttpResponse<String> json() {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The document as a tree of maps and lists (safe loading: no YAML tags construct objects). */
    static Map<String, Object> parse(String yaml) {
        // A path written twice would otherwise be silently the later one: refuse it, so the test sees it.
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(yaml);
    }

    static String read() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
