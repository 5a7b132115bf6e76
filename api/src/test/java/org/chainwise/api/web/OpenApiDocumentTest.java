package org.chainwise.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chainwise.api.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hand-written OpenAPI document is served and complete: every route the application's router holds
 * (with the development sign-in on, so that its route exists too) is an operation of the document.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return HttpSession.applicationProperties();
    }

    @Test
    void theDocumentIsServedAsOpenApi31InYamlAndJson() {
        HttpResponse<String> yaml = client.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = client.toBlocking().retrieve(HttpRequest.GET("/openapi.json"), Map.class);

        assertThat(yaml.getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/yaml"));
        Map<String, Object> document = OpenApiController.parse(yaml.body());
        assertThat(document).containsEntry("openapi", "3.1.0");
        assertThat(json).containsEntry("openapi", "3.1.0").containsKey("paths");
        assertThat(json.get("paths")).isEqualTo(document.get("paths"));
    }

    @Test
    void aPathWrittenTwiceIsRefusedRatherThanSilentlyTheLaterOne() {
        String twice = "paths:\n  /a:\n    get: {summary: first}\n  /a:\n    post: {summary: second}\n";

        assertThatThrownBy(() -> OpenApiController.parse(twice)).hasMessageContaining("duplicate key /a");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteOfTheApplicationIsDocumented() {
        Map<String, Object> paths = (Map<String, Object>) OpenApiController.parse(OpenApiController.read()).get("paths");
        // Micronaut answers HEAD wherever it answers GET; the GET operation documents both.
        List<String> routes = router.uriRoutes()
                .filter(route -> route.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                // A reserved expansion ({+key}, which may hold a slash) is a plain path parameter in OpenAPI.
                .map(route -> route.getHttpMethod().name() + " "
                        + route.getUriMatchTemplate().toPathString().replaceAll("\\{\\+(\\w+)}", "{$1}"))
                .distinct().sorted().toList();

        assertThat(routes).contains("POST /api/v1/notes", "GET /api/v1/courses/{courseId}/students");
        List<String> undocumented = routes.stream().filter(route -> {
            String[] methodAndPath = route.split(" ", 2);
            Object operations = paths.get(methodAndPath[1]);
            return !(operations instanceof Map<?, ?> ops && ops.containsKey(methodAndPath[0].toLowerCase(Locale.ROOT)));
        }).toList();
        assertThat(undocumented).as("routes missing from " + OpenApiController.RESOURCE).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationSaysWhatItAnswersAndEveryReferenceResolves() {
        Map<String, Object> document = OpenApiController.parse(OpenApiController.read());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            ((Map<String, Object>) path.getValue()).forEach((method, operation) -> {
                if (!method.equals("parameters")) {
                    assertThat((Map<String, Object>) operation).as(method + " " + path.getKey())
                            .containsKeys("summary", "responses");
                }
            });
        }
        String text = OpenApiController.read();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref: \"#/components/(\\w+)/(\\w+)\"").matcher(text);
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        while (refs.find()) {
            assertThat((Map<String, Object>) components.get(refs.group(1))).as(refs.group()).containsKey(refs.group(2));
        }
    }
}
