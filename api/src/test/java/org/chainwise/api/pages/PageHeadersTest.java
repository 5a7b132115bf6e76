package org.chainwise.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageHeadersTest {

    @Test
    void theConfiguredLmsOriginsMayFrameThePages() {
        PageHeaders headers = new PageHeaders(" https://canvas.example.edu   https://*.moodle.example.org ");

        String policy = headers.apply(HttpResponse.ok()).header("Content-Security-Policy");

        assertThat(policy).endsWith("frame-ancestors https://canvas.example.edu https://*.moodle.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://a.example; script-src *", "https://a.example,https://b.example", "https://a.example\r\nX-Evil: 1"})
    void aSettingThatWouldBreakOutOfTheDirectiveIsRefusedAtStartUp(String setting) {
        assertThatThrownBy(() -> new PageHeaders(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chainwise.pages.frame-ancestors");
    }
}
