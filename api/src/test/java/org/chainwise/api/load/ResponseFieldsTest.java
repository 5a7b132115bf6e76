package org.chainwise.api.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponseFieldsTest {

    private static final Set<String> ITEM = Set.of("item.id", "item.family", "item.stem.text");

    @Test
    void readsTheWantedFieldsAtTheirPathsAndSkipsTheRest() throws IOException {
        String next = """
                {"item": {"id": 42, "hints": [{"text": "no"}], "family": "outer-sin",
                          "stem": {"text": "d/dx sin(x^2)", "latex": "\\\\sin"}, "solution": null},
                 "progress": {"text": "not this one"}, "id": 7}""";

        assertThat(ResponseFields.read(next, ITEM))
                .containsOnlyKeys(ITEM)
                .containsEntry("item.id", "42")
                .containsEntry("item.family", "outer-sin")
                .containsEntry("item.stem.text", "d/dx sin(x^2)");
    }

    @Test
    void aWantedObjectThatIsNullOrMissingGivesNoneOfItsFields() throws IOException {
        assertThat(ResponseFields.read("{\"item\": null, \"progress\": {}}", ITEM)).isEmpty();
        assertThat(ResponseFields.read("{\"progress\": {\"completed\": true}}", ITEM)).isEmpty();
    }

    @Test
    void aWantedScalarThatIsNullIsPresentWithNoValue() throws IOException {
        assertThat(ResponseFields.read("{\"duplicate\": false, \"token\": null}", Set.of("duplicate", "token")))
                .containsEntry("duplicate", "false")
                .containsEntry("token", null);
    }

    @Test
    void anAnswerThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ResponseFields.read("[1, 2]", ITEM)).isInstanceOf(IOException.class);
    }
}
