package org.chainwise.reports.query;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.query.CourseDiagnoses.Diagnosis;

/** Per code, the learner attempts of a course diagnosed with it (at any rank) and the learners who made them. */
public final class MisconceptionAttempts {

    private MisconceptionAttempts() {
    }

    /** Codes no attempt showed are absent. */
    public static Map<Misconception, Count> of(List<Diagnosis> diagnoses) {
        Map<Misconception, Distinct> distinct = new EnumMap<>(Misconception.class);
        for (Diagnosis diagnosis : diagnoses) {
            distinct.computeIfAbsent(diagnosis.code(), code -> new Distinct()).add(diagnosis);
        }
        Map<Misconception, Count> counts = new EnumMap<>(Misconception.class);
        distinct.forEach((code, seen) -> counts.put(code, seen.count()));
        return counts;
    }

    /** Attempts and distinct learners. */
    public record Count(int attempts, int students) {
    }

    /** The distinct attempts and learners of a group of diagnoses (an attempt may show a code at two layers). */
    static final class Distinct {
        private final Set<Long> attempts = new HashSet<>();
        private final Set<Long> students = new HashSet<>();

        void add(Diagnosis diagnosis) {
            attempts.add(diagnosis.attemptId());
            students.add(diagnosis.userId());
        }

        Count count() {
            return new Count(attempts.size(), students.size());
        }
    }
}
