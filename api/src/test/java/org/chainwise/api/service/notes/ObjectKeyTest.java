package org.chainwise.api.service.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chainwise.api.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            equation:chain-rule                 | EQUATION      | chain-rule
            misconception:OUTER_AT_X            | MISCONCEPTION | OUTER_AT_X
            demo:graph-sliders?x=1.5&dx=0.1     | DEMO          | graph-sliders?x=1.5&dx=0.1
            source:doi.org/10.1080/0020739      | SOURCE        | doi.org/10.1080/0020739
            witness:torch-autograd              | WITNESS       | torch-autograd
            item:42                             | ITEM          | 42
            attempt:7                           | ATTEMPT       | 7
            """)
    void wellFormedKeysParseIntoKindAndName(String text, ObjectKey.Kind kind, String name) {
        ObjectKey key = ObjectKey.parse(text, "objectKey");

        assertThat(key).isEqualTo(new ObjectKey(kind, name));
        assertThat(key.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | objectKey is required
            page:chain-rule         | it must start with one of concept, intuition, equation, example, witness, claim, misconception, demo, source, item, attempt
            equation                | it must start with one of
            EQUATION:chain-rule     | it must start with one of
            equation:               | must be non-empty and contain no spaces
            'equation:chain rule'   | must be non-empty and contain no spaces
            """)
    void malformedKeysAreRefusedNamingTheFieldAndWhatAKeyLooksLike(String text, String message) {
        assertThatThrownBy(() -> ObjectKey.parse(text, "objectKey"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(400);
                    assertThat(e.body().error().field()).isEqualTo("objectKey");
                    assertThat(e.body().error().code()).isEqualTo("invalid_object_key");
                })
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void aKeyLongerThanTheSchemaAllowsIsRefused() {
        assertThatThrownBy(() -> ObjectKey.parse("source:" + "a".repeat(ObjectKey.MAX_LENGTH), "object"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().error().field()).isEqualTo("object"))
                .hasMessageContaining("longer than 300");
    }
}
