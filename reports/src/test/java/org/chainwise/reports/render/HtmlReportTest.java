package org.chainwise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.html(SampleReport.report());

    @Test
    void studentTextIsEscapedEverywhere() {
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<I>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("Ana &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; co");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("<title>Misconception report: Calc &lt;I&gt;</title>");
    }

    @Test
    void isStandaloneWithNoScriptAndNoExternalAsset() {
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<iframe|<img|<[^>]*\\s(src|href)=|@import|url\\(");
        assertThat(html).contains("<style>").contains("@media print");
    }

    @Test
    void drawsTheChartsAsInlineSvg() {
        assertThat(html).contains("<svg class=\"chart\"").contains("<svg class=\"trend\"").contains("<polyline points=");
        assertThat(html).contains("id=\"misconception-OUTER_AT_X\"").contains("fading");
        assertThat(html).contains("97% ✓");
    }
}
