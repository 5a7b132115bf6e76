package org.chainwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.mastery.Items.item;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.junit.jupiter.api.Test;

/** The api persists states, attempts and parameters as JSON: they come back equal, and behave the same. */
class SerialisationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void stateAttemptAndParametersSurviveAJsonRoundTrip() throws Exception {
        StudentModel model = new StudentModel(ModelParameters.DEFAULT.withFamilies(
                Map.of("EVALUATE_AT_INNER/plain", new GuessSlip(0.05, 0.2))));
        Attempt attempt = Attempt.wrong(item("a", Skill.EVALUATE_AT_INNER), Misconception.OUTER_AT_X);
        StudentState state = model.update(model.start(), attempt);

        StudentState state2 = json.readValue(json.writeValueAsString(state), StudentState.class);
        Attempt attempt2 = json.readValue(json.writeValueAsString(attempt), Attempt.class);
        ModelParameters parameters2 = json.readValue(json.writeValueAsString(model.parameters()), ModelParameters.class);

        assertThat(state2).isEqualTo(state);
        assertThat(attempt2).isEqualTo(attempt);
        assertThat(parameters2).isEqualTo(model.parameters());
        Attempt next = Attempt.right(item("b", Skill.EVALUATE_AT_INNER));
        assertThat(new StudentModel(parameters2).update(state2, next)).isEqualTo(model.update(state, next));
        assertThat(state2.ability()).isNotEqualTo(Ability.NONE);
    }

    @Test
    void aStateOrParametersSavedWithoutTheLogisticTrackerReadAsNoEvidenceAndDefaults() throws Exception {
        StudentModel model = new StudentModel(ModelParameters.DEFAULT);
        String state = json.writeValueAsString(model.start()).replaceFirst(",\\s*\"ability\":\\{.*}}$", "}");
        String parameters = json.writeValueAsString(ModelParameters.DEFAULT)
                .replaceFirst(",\\s*\"logistic\":\\{.*},\"tracingWeight\":[0-9.]+}$", "}");

        assertThat(state).doesNotContain("ability");
        assertThat(parameters).doesNotContain("logistic");
        assertThat(json.readValue(state, StudentState.class)).isEqualTo(model.start());
        assertThat(json.readValue(parameters, ModelParameters.class)).isEqualTo(ModelParameters.DEFAULT);
    }
}
