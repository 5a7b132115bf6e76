package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.jooq.impl.DSL.countDistinct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.MisconceptionReport.FamilyCount;
import org.chainwise.reports.MisconceptionReport.LayerCount;
import org.jooq.DSLContext;

/** Per code, the item families and the composition layers of the learner attempts showing it. */
public final class WhereMisconceptionsAppear {

    private final DSLContext dsl;

    public WhereMisconceptionsAppear(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Families most attempts first, then by name. */
    public Map<Misconception, List<FamilyCount>> families(long courseId) {
        Map<Misconception, List<FamilyCount>> families = new EnumMap<>(Misconception.class);
        var attempts = countDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.FAMILY, attempts, countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.FAMILY)
                .orderBy(ATTEMPT_MISCONCEPTION.CODE, attempts.desc(), ATTEMPT_MISCONCEPTION.FAMILY)
                .forEach(row -> families.computeIfAbsent(Misconception.valueOf(row.value1()), code -> new ArrayList<>())
                        .add(new FamilyCount(row.value2(), row.value3(), row.value4())));
        return families;
    }

    /** Layers outermost first; a diagnosis that named no layer last. */
    public Map<Misconception, List<LayerCount>> layers(long courseId) {
        Map<Misconception, List<LayerCount>> layers = new EnumMap<>(Misconception.class);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, countDistinct(ATTEMPT_MISCONCEPTION.ATTEMPT_ID),
                        countDistinct(ATTEMPT_MISCONCEPTION.USER_ID))
                .from(ATTEMPT_MISCONCEPTION)
                .where(LearnerAttempts.diagnosedInCourse(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER)
                .orderBy(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER.asc().nullsLast())
                .forEach(row -> layers.computeIfAbsent(Misconception.valueOf(row.value1()), code -> new ArrayList<>())
                        .add(new LayerCount(row.value2() == null ? null : row.value2().intValue(), row.value3(), row.value4())));
        return layers;
    }
}
