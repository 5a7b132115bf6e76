package org.chainwise.reports.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.MisconceptionReport.FamilyCount;
import org.chainwise.reports.MisconceptionReport.LayerCount;
import org.chainwise.reports.query.CourseDiagnoses.Diagnosis;

/** Per code, the item families and the composition layers of the learner attempts showing it. */
public final class WhereMisconceptionsAppear {

    /** Outermost layer first; a diagnosis that named no layer last. */
    private static final Comparator<Integer> LAYER_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private WhereMisconceptionsAppear() {
    }

    /** Families most attempts first, then by name. */
    public static Map<Misconception, List<FamilyCount>> families(List<Diagnosis> diagnoses) {
        Map<Misconception, List<FamilyCount>> families = new EnumMap<>(Misconception.class);
        grouped(diagnoses, Diagnosis::family, Comparator.<String>naturalOrder()).forEach((code, byFamily) -> {
            List<FamilyCount> counts = new ArrayList<>();
            byFamily.forEach((family, seen) -> counts.add(new FamilyCount(family, seen.count().attempts(), seen.count().students())));
            counts.sort(Comparator.comparingInt(FamilyCount::attempts).reversed().thenComparing(FamilyCount::family));
            families.put(code, counts);
        });
        return families;
    }

    public static Map<Misconception, List<LayerCount>> layers(List<Diagnosis> diagnoses) {
        Map<Misconception, List<LayerCount>> layers = new EnumMap<>(Misconception.class);
        grouped(diagnoses, Diagnosis::layer, LAYER_ORDER).forEach((code, byLayer) -> {
            List<LayerCount> counts = new ArrayList<>();
            byLayer.forEach((layer, seen) -> counts.add(new LayerCount(layer, seen.count().attempts(), seen.count().students())));
            layers.put(code, counts);
        });
        return layers;
    }

    private static <K> Map<Misconception, TreeMap<K, MisconceptionAttempts.Distinct>> grouped(List<Diagnosis> diagnoses,
            Function<Diagnosis, K> key, Comparator<K> order) {
        Map<Misconception, TreeMap<K, MisconceptionAttempts.Distinct>> grouped = new EnumMap<>(Misconception.class);
        for (Diagnosis diagnosis : diagnoses) {
            grouped.computeIfAbsent(diagnosis.code(), c -> new TreeMap<>(order))
                    .computeIfAbsent(key.apply(diagnosis), k -> new MisconceptionAttempts.Distinct()).add(diagnosis);
        }
        return grouped;
    }
}
