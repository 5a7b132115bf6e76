package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which URLs count as the tool's own: the target_link_uri rule. */
class ToolUrlsTest {

    private final ToolUrls urls = new ToolUrls("https://school.example/chainwise/");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://school.example/chainwise/lti/launch     | true
            https://SCHOOL.example/chainwise/lti/deep-link  | true
            https://school.example:443/chainwise           | true
            https://school.example/chainwise-evil/lti       | false
            https://school.example/other/lti/launch         | false
            http://school.example/chainwise/lti/launch      | false
            https://school.example:8443/chainwise/lti       | false
            https://school.example.evil.net/chainwise/lti   | false
            /chainwise/lti/launch                           | false
            """)
    void aTargetIsOursOnlyUnderTheBaseUrl(String target, boolean ours) {
        URI base = urls.configured().orElseThrow();

        assertThat(urls.isOurs(base, URI.create(target))).isEqualTo(ours);
    }

    @Test
    void theToolUrlsAreBuiltOnTheConfiguredBase() {
        URI base = urls.configured().orElseThrow();

        assertThat(urls.login(base)).hasToString("https://school.example/chainwise/lti/login");
        assertThat(urls.launch(base)).hasToString("https://school.example/chainwise/lti/launch");
        assertThat(urls.jwks(base)).hasToString("https://school.example/chainwise/.well-known/jwks.json");
    }

    @Test
    void aPublicUrlThatIsNotAbsoluteIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new ToolUrls("chainwise.school.example"))
                .hasMessageContaining("CHAINWISE_PUBLIC_URL");
    }
}
