package org.chainwise.api.service.demo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.engine.diagnose.Misconception;

/**
 * One demo learner's past practice as a script: each step answers one item right, or wrong the way a
 * student holding a misconception would (the item's own distractor of that code).
 */
record LearnerScript(String subject, String name, List<Step> steps) {

    LearnerScript {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }

    /** One answer: in the demo's set {@code set} (0 or 1), right when {@code wrongBy} is empty. */
    record Step(int set, Optional<Misconception> wrongBy) {
    }

    static Step right() {
        return new Step(0, Optional.empty());
    }

    static Step wrong(Misconception code) {
        return new Step(0, Optional.of(code));
    }

    static Step rightInSecondSet() {
        return new Step(1, Optional.empty());
    }

    static Step wrongInSecondSet(Misconception code) {
        return new Step(1, Optional.of(code));
    }

    /** The six learners of the demo course: a strong one, three with a persistent misconception each, a beginner, and one who has not started. */
    static List<LearnerScript> demo() {
        Misconception outerAtX = Misconception.OUTER_AT_X;
        Misconception missingInner = Misconception.MISSING_INNER;
        return List.of(
                new LearnerScript("ana", "Ana Lima", List.of(right(), right(), wrong(missingInner), right(), right(), right(),
                        right(), right(), right(), right(), rightInSecondSet(), wrongInSecondSet(missingInner),
                        rightInSecondSet(), rightInSecondSet())),
                // A misconception diagnosed in the latest answers is still held; right answers since would have eased it.
                new LearnerScript("ben", "Ben Carter", List.of(wrong(outerAtX), right(), wrong(outerAtX), right(), right(),
                        wrong(outerAtX), right(), wrong(outerAtX))),
                new LearnerScript("chen", "Chen Wei", List.of(right(), wrong(missingInner), right(), wrong(missingInner),
                        right(), right(), wrong(missingInner), wrong(missingInner))),
                new LearnerScript("dina", "Dina Haddad", List.of(wrong(Misconception.PRODUCT_RULE), right(),
                        wrong(Misconception.COMPOSED_DERIVATIVES), wrong(Misconception.PRODUCT_RULE), right(), right())),
                new LearnerScript("emil", "Emil Novak", List.of(right(), wrong(Misconception.WRONG_OUTER_DERIVATIVE))),
                new LearnerScript("farah", "Farah Ahmed", List.of()));
    }
}
