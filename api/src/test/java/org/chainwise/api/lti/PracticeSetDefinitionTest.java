package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Practice-set definitions from LTI custom parameters, and back. */
class PracticeSetDefinitionTest {

    @Test
    void noCustomParametersGiveTheBanksDefault() {
        PracticeSetDefinition definition = PracticeSetDefinition.fromCustom(Map.of(), null);

        assertThat(definition.title()).isEqualTo(PracticeSetDefinition.DEFAULT_TITLE);
        assertThat(definition.skills()).isEqualTo(PracticeSetDefinition.DEFAULT_SKILLS);
        assertThat(definition.families()).isEmpty();
        assertThat(definition.completion()).isEqualTo(new PracticeSetDefinition.Completion.Mastery(0.95));
    }

    @Test
    void theCustomParametersOfADefinitionGiveItBack() {
        PracticeSetDefinition definition = PracticeSetDefinition.fromCustom(Map.of(
                "chainwise_skills", " inner_factor,DECOMPOSE,INNER_FACTOR ", "chainwise_families", "outer-sin,decompose",
                "chainwise_completion", "items:15"), "Link title");

        assertThat(definition.title()).isEqualTo("Link title");
        assertThat(definition.skills()).containsExactly("INNER_FACTOR", "DECOMPOSE");
        assertThat(PracticeSetDefinition.fromCustom(definition.toCustom(), null)).isEqualTo(definition);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            chainwise_completion | mastery:1.5 | mastery threshold must be above 0 and at most 1
            chainwise_completion | items:0     | item count must be between 1 and 500
            chainwise_completion | soon        | must be mastery:<threshold> or items:<count>
            chainwise_completion | items:many  | must be mastery:<threshold> or items:<count>
            chainwise_skills     | DECOMPOSE;x | is not a valid name
            chainwise_families   | Outer Sin   | is not a valid name
            """)
    void aBadCustomParameterIsRefusedNamingIt(String parameter, String value, String message) {
        assertThatThrownBy(() -> PracticeSetDefinition.fromCustom(Map.of(parameter, value), null))
                .isInstanceOfSatisfying(LaunchRefused.class, e -> assertThat(e.code()).isEqualTo("lti_custom_invalid"))
                .hasMessageContaining(parameter).hasMessageContaining(message);
    }

    @Test
    void aLongTitleIsCut() {
        assertThat(PracticeSetDefinition.fromCustom(Map.of("chainwise_title", "x".repeat(300)), null).title())
                .hasSize(200);
    }
}
