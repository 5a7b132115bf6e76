package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.ATTEMPT;
import static org.chainwise.migrations.jooq.Tables.ATTEMPT_MISCONCEPTION;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
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
        var attempts = countDistinct(ATTEMPT.ID);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, ITEM_SERVED.FAMILY, attempts, countDistinct(ATTEMPT.USER_ID))
                .from(ATTEMPT)
                .join(ATTEMPT_MISCONCEPTION).on(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(ATTEMPT.ID))
                .join(ITEM_SERVED).on(ITEM_SERVED.ID.eq(ATTEMPT.ITEM_ID))
                .where(LearnerAttempts.inCourse(courseId), ITEM_SERVED.COURSE_ID.eq(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE, ITEM_SERVED.FAMILY)
                .orderBy(ATTEMPT_MISCONCEPTION.CODE, attempts.desc(), ITEM_SERVED.FAMILY)
                .forEach(row -> families.computeIfAbsent(Misconception.valueOf(row.value1()), code -> new ArrayList<>())
                        .add(new FamilyCount(row.value2(), row.value3(), row.value4())));
        return families;
    }

    /** Layers outermost first; a diagnosis that named no layer last. */
    public Map<Misconception, List<LayerCount>> layers(long courseId) {
        Map<Misconception, List<LayerCount>> layers = new EnumMap<>(Misconception.class);
        dsl.select(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER, countDistinct(ATTEMPT.ID),
                        countDistinct(ATTEMPT.USER_ID))
                .from(ATTEMPT)
                .join(ATTEMPT_MISCONCEPTION).on(ATTEMPT_MISCONCEPTION.ATTEMPT_ID.eq(ATTEMPT.ID))
                .where(LearnerAttempts.inCourse(courseId))
                .groupBy(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER)
                .orderBy(ATTEMPT_MISCONCEPTION.CODE, ATTEMPT_MISCONCEPTION.LAYER.asc().nullsLast())
                .forEach(row -> layers.computeIfAbsent(Misconception.valueOf(row.value1()), code -> new ArrayList<>())
                        .add(new LayerCount(row.value2() == null ? null : row.value2().intValue(), row.value3(), row.value4())));
        return layers;
    }
}
