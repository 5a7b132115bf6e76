package org.chainwise.reports.query;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.query.CourseDiagnoses.Diagnosis;

/** Per code and week, the learner attempts showing the code and the learners who made them. */
public final class WeeklyTrend {

    private WeeklyTrend() {
    }

    /** Weeks in which no attempt showed a code are absent from its map. */
    public static Map<Misconception, Map<LocalDate, MisconceptionAttempts.Count>> byCode(List<Diagnosis> diagnoses) {
        Map<Misconception, Map<LocalDate, MisconceptionAttempts.Distinct>> distinct = new EnumMap<>(Misconception.class);
        for (Diagnosis diagnosis : diagnoses) {
            distinct.computeIfAbsent(diagnosis.code(), c -> new HashMap<>())
                    .computeIfAbsent(diagnosis.week(), w -> new MisconceptionAttempts.Distinct()).add(diagnosis);
        }
        Map<Misconception, Map<LocalDate, MisconceptionAttempts.Count>> counts = new EnumMap<>(Misconception.class);
        distinct.forEach((code, weeks) -> {
            Map<LocalDate, MisconceptionAttempts.Count> byWeek = new HashMap<>();
            weeks.forEach((week, seen) -> byWeek.put(week, seen.count()));
            counts.put(code, byWeek);
        });
        return counts;
    }
}
