package org.chainwise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names are the contract of reports/README.md that the dashboard reads. */
class JsonReportTest {

    private final JsonNode json = parse(JsonReport.json(SampleReport.report()));

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    void topLevelFieldsAreTheDocumentedOnes() {
        assertThat(names(json)).containsExactly("courseId", "courseTitle", "generatedAt", "heldThreshold",
                "masteredThreshold", "weeks", "totals", "misconceptions", "students", "families", "notes");
        assertThat(json.get("generatedAt").asText()).isEqualTo("2026-11-10T12:00:00Z");
        assertThat(json.get("weeks").get(0).asText()).isEqualTo("2026-11-02");
        assertThat(names(json.get("totals"))).containsExactly("students", "studentsStarted", "attempts", "correct",
                "incorrect", "invalid");
    }

    @Test
    void nestedFieldsAreTheDocumentedOnes() {
        JsonNode outer = json.get("misconceptions").get(0);
        assertThat(names(outer)).containsExactly("code", "description", "skills", "studentsHolding", "holders", "attempts",
                "studentsShowing", "trend", "weekly", "families", "layers", "examples", "notes");
        assertThat(outer.get("trend").asText()).isEqualTo("FADING");
        assertThat(names(outer.get("weekly").get(0))).containsExactly("week", "attempts", "students", "gradedAttempts", "share");
        assertThat(names(outer.get("examples").get(0))).containsExactly("attemptId", "userId", "studentName", "family",
                "item", "layer", "rawAnswer", "interpretedText", "submittedAt");
        assertThat(names(outer.get("notes").get(0))).containsExactly("id", "objectKey", "question", "evidence",
                "resolution", "nextAction", "authorId", "authorName", "createdAt", "updatedAt");
        JsonNode student = json.get("students").get(1);
        assertThat(names(student)).containsExactly("userId", "name", "subject", "attempts", "correct", "lastAttemptAt",
                "skills", "misconceptions");
        assertThat(student.get("lastAttemptAt").isNull()).isTrue();
        assertThat(names(student.get("skills").get(0))).containsExactly("skill", "pMastery", "mastered", "evidenceCount");
        assertThat(student.get("skills").get(0).get("pMastery").isNull()).isTrue();
        JsonNode family = json.get("families").get(0);
        assertThat(names(family)).containsExactly("family", "attempts", "graded", "correct", "successRate", "students",
                "distractors", "notes");
        assertThat(names(family.get("distractors").get(0))).containsExactly("code", "layer", "attempts", "students");
    }

    @Test
    void rawAnswersRoundTripExactly() {
        assertThat(json.get("misconceptions").get(0).get("examples").get(0).get("rawAnswer").asText())
                .isEqualTo(SampleReport.HOSTILE_ANSWER);
    }
}
