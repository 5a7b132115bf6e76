package org.chainwise.bank.concept;

import java.util.List;
import java.util.Objects;

/**
 * How the page's practice runs: the student predicts, then three reveals come one at a time, and
 * the attempt is scored against the rubric.
 */
public record PracticeLoop(String key, String predict, List<String> reveals, List<RubricLevel> rubric) implements ConceptPart {

    public PracticeLoop {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(predict, "predict");
        reveals = List.copyOf(reveals);
        rubric = List.copyOf(rubric);
        if (reveals.size() != 3) {
            throw new IllegalArgumentException("the loop has three reveals, got " + reveals.size());
        }
    }

    /** One level of the rubric, best first: its stable name, the points it earns, and what earns it. */
    public record RubricLevel(String name, int points, String criterion) {

        public RubricLevel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(criterion, "criterion");
        }
    }
}
