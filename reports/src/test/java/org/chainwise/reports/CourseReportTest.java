package org.chainwise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.diagnose.Misconception.MISSING_INNER;
import static org.chainwise.engine.diagnose.Misconception.OUTER_AT_X;
import static org.chainwise.engine.diagnose.Misconception.PRODUCT_RULE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.TestPostgres;
import org.chainwise.reports.FamilyReport.Distractor;
import org.chainwise.reports.MisconceptionReport.FamilyCount;
import org.chainwise.reports.MisconceptionReport.Holder;
import org.chainwise.reports.MisconceptionReport.LayerCount;
import org.chainwise.reports.MisconceptionReport.WeekCount;
import org.chainwise.reports.query.AttemptRows;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A course with known planted misconceptions: the report must find exactly them, no more (an
 * instructor's attempts, another course's, private notes stay out).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseReportTest {

    static final LocalDate WEEK_1 = LocalDate.of(2026, 11, 2);
    static final LocalDate WEEK_2 = WEEK_1.plusWeeks(1);
    static final LocalDate WEEK_3 = WEEK_1.plusWeeks(2);
    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final DSLContext dsl = DSL.using(TestPostgres.dataSource(TestPostgres.migratedSchema()), SQLDialect.POSTGRES);
    private final CourseReports reports = new CourseReports(dsl, Clock.fixed(NOW, ZoneOffset.UTC));

    long courseId;
    long otherCourseId;
    long ana;
    long ben;
    long cleo;
    long dan;
    long anaFirst;
    long anaSecond;
    long benFirst;
    long benNested;
    long cleoNested;
    long benNestedItem;
    long outerNote;
    long itemNote;
    long familyNote;
    long conceptNote;

    @BeforeAll
    void plant() {
        PlantedCourse course = new PlantedCourse(dsl, "calc-1");
        courseId = course.courseId();
        ana = course.learner("Ana");
        ben = course.learner("Ben");
        cleo = course.learner("Cleo");
        dan = course.learner("Dan");
        long ivy = course.instructor("Ivy");

        long anaTrig = course.item(ana, "chain.trig", "sin(x^2)");
        long benTrig = course.item(ben, "chain.trig", "cos(3x)");
        long cleoTrig = course.item(cleo, "chain.trig", "sin(5x)");
        benNestedItem = course.item(ben, "chain.nested", "sin(cos(x^2))");
        long cleoNestedItem = course.item(cleo, "chain.nested", "exp(sin(x^3))");
        long ivyTrig = course.item(ivy, "chain.trig", "sin(x^2)");

        // Week 1: OUTER_AT_X three times, by Ana (twice) and Ben, on chain.trig at layer 1.
        anaFirst = course.attempt(ana, anaTrig, WEEK_1, "incorrect", "cos(x)*2x", "OUTER_AT_X@1");
        anaSecond = course.attempt(ana, anaTrig, WEEK_1.plusDays(1), "incorrect", "=cmd|' /C calc'!A0", "OUTER_AT_X@1");
        benFirst = course.attempt(ben, benTrig, WEEK_1.plusDays(2), "incorrect", "-sin(x)*3", "OUTER_AT_X@1");
        // Week 2: Ben shows OUTER_AT_X once more, on chain.nested, diagnosed at two layers; Ana gets two right.
        benNested = course.attempt(ben, benNestedItem, WEEK_2, "incorrect", "<script>alert(1)</script>",
                "OUTER_AT_X@2", "OUTER_AT_X@1");
        course.attempt(ana, anaTrig, WEEK_2.plusDays(1), "correct", "2x cos(x^2)");
        course.attempt(ana, anaTrig, WEEK_2.plusDays(2), "correct", "2x*cos(x^2)");
        course.attempt(ben, benTrig, WEEK_2.plusDays(3), "invalid", "sinn(3x)");
        // Week 3: Cleo leaves out an inner factor (PRODUCT_RULE the second guess) and gets one right.
        cleoNested = course.attempt(cleo, cleoNestedItem, WEEK_3, "incorrect", "exp(sin(x^3))*cos(x^3)",
                "MISSING_INNER@2", "PRODUCT_RULE@1");
        course.attempt(cleo, cleoTrig, WEEK_3.plusDays(1), "correct", "5cos(5x)");
        // The instructor's attempt and belief must not count.
        course.attempt(ivy, ivyTrig, WEEK_3.plusDays(2), "incorrect", "cos(x)*2x", "OUTER_AT_X@1");
        course.belief(ivy, OUTER_AT_X, 0.99);

        course.belief(ana, OUTER_AT_X, 0.9);
        course.belief(ben, OUTER_AT_X, 0.6);
        course.belief(cleo, OUTER_AT_X, 0.3);
        course.belief(cleo, MISSING_INNER, 0.7);
        course.mastery(ana, Skill.EVALUATE_AT_INNER, 0.2, 3);
        course.mastery(ana, Skill.INNER_FACTOR, 0.97, 5);

        outerNote = course.note(ana, "misconception:OUTER_AT_X", "Why is it cos(x^2) and not cos(x)?", "shared");
        course.note(ben, "misconception:OUTER_AT_X", "private thought", "private");
        itemNote = course.note(ben, "item:" + benNestedItem, "Which layer is the outer one?", "shared");
        familyNote = course.note(cleo, "item:chain.trig", "Trig items feel easier", "shared");
        conceptNote = course.note(cleo, "concept:chain-rule", "Is the chain rule a product?", "shared");

        PlantedCourse other = new PlantedCourse(dsl, "calc-2");
        otherCourseId = other.courseId();
        long eve = other.learner("Eve");
        other.attempt(eve, other.item(eve, "chain.trig", "sin(x^2)"), WEEK_2, "incorrect", "cos(2x)", "COMPOSED_DERIVATIVES@1");
        other.belief(eve, Misconception.COMPOSED_DERIVATIVES, 0.8);
        other.note(eve, "misconception:OUTER_AT_X", "another course's note", "shared");
    }

    private CourseReport report() {
        return reports.course(courseId).orElseThrow();
    }

    @Test
    void totalsCountTheRosterAndLearnerAttemptsOnly() {
        CourseReport report = report();

        assertThat(report.courseTitle()).isEqualTo("Calculus I");
        assertThat(report.generatedAt()).isEqualTo(NOW);
        assertThat(report.totals()).isEqualTo(new Totals(4, 3, 9, 3, 5, 1));
        assertThat(report.weeks()).containsExactly(WEEK_1, WEEK_2, WEEK_3);
    }

    @Test
    void findsExactlyThePlantedMisconceptions() {
        CourseReport report = report();

        assertThat(report.misconceptions()).extracting(MisconceptionReport::code).containsExactlyInAnyOrder(Misconception.values());
        assertThat(report.misconceptions().stream().filter(m -> m.attempts() > 0 || m.studentsHolding() > 0)
                .map(MisconceptionReport::code)).containsExactlyInAnyOrder(OUTER_AT_X, MISSING_INNER, PRODUCT_RULE);
        // Most held first.
        assertThat(report.misconceptions().subList(0, 3)).extracting(MisconceptionReport::code)
                .containsExactly(OUTER_AT_X, MISSING_INNER, PRODUCT_RULE);

        MisconceptionReport outer = report.misconception(OUTER_AT_X);
        assertThat(outer.studentsHolding()).isEqualTo(2);
        assertThat(outer.holders()).containsExactly(new Holder(ana, "Ana", 0.9), new Holder(ben, "Ben", 0.6));
        assertThat(outer.attempts()).isEqualTo(4);
        assertThat(outer.studentsShowing()).isEqualTo(2);
        assertThat(outer.families()).containsExactly(new FamilyCount("chain.trig", 3, 2), new FamilyCount("chain.nested", 1, 1));
        assertThat(outer.layers()).containsExactly(new LayerCount(1, 4, 2), new LayerCount(2, 1, 1));

        MisconceptionReport missing = report.misconception(MISSING_INNER);
        assertThat(missing.holders()).containsExactly(new Holder(cleo, "Cleo", 0.7));
        assertThat(missing.attempts()).isEqualTo(1);
        assertThat(missing.families()).containsExactly(new FamilyCount("chain.nested", 1, 1));
        assertThat(missing.layers()).containsExactly(new LayerCount(2, 1, 1));

        // Shown at rank 2 only, and held by nobody.
        MisconceptionReport product = report.misconception(PRODUCT_RULE);
        assertThat(product.studentsHolding()).isZero();
        assertThat(product.attempts()).isEqualTo(1);
        assertThat(product.layers()).containsExactly(new LayerCount(1, 1, 1));

        assertThat(report.misconception(Misconception.COMPOSED_DERIVATIVES).attempts()).isZero();
        assertThat(report.misconception(Misconception.COMPOSED_DERIVATIVES).studentsHolding()).isZero();
    }

    @Test
    void weeklyTrendShowsOuterAtXFadingAndMissingInnerRising() {
        CourseReport report = report();

        MisconceptionReport outer = report.misconception(OUTER_AT_X);
        assertThat(outer.weekly()).containsExactly(
                new WeekCount(WEEK_1, 3, 2, 3, 1.0),
                new WeekCount(WEEK_2, 1, 1, 3, 1.0 / 3),
                new WeekCount(WEEK_3, 0, 0, 2, 0.0));
        assertThat(outer.trend()).isEqualTo(Trend.FADING);
        assertThat(report.misconception(MISSING_INNER).weekly()).extracting(WeekCount::attempts).containsExactly(0, 0, 1);
        assertThat(report.misconception(MISSING_INNER).trend()).isEqualTo(Trend.RISING);
        assertThat(report.misconception(Misconception.REVERSED_NESTING).trend()).isEqualTo(Trend.NONE);
    }

    @Test
    void examplesAreTheNewestRawAnswersOncePerAttempt() {
        List<AnswerExample> examples = report().misconception(OUTER_AT_X).examples();

        assertThat(examples).extracting(AnswerExample::attemptId).containsExactly(benNested, benFirst, anaSecond);
        AnswerExample nested = examples.getFirst();
        assertThat(nested.rawAnswer()).isEqualTo("<script>alert(1)</script>");
        assertThat(nested.layer()).isEqualTo(1);
        assertThat(nested.family()).isEqualTo("chain.nested");
        assertThat(nested.item()).isEqualTo("sin(cos(x^2))");
        assertThat(nested.studentName()).isEqualTo("Ben");
        assertThat(nested.submittedAt()).isEqualTo(WEEK_2.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    void everyLearnerAppearsWithMasteryPerSkillAndHeldMisconceptions() {
        CourseReport report = report();

        assertThat(report.students()).extracting(StudentReport::name).containsExactly("Ana", "Ben", "Cleo", "Dan");
        StudentReport anaRow = report.students().getFirst();
        assertThat(anaRow.attempts()).isEqualTo(4);
        assertThat(anaRow.correct()).isEqualTo(2);
        assertThat(anaRow.skills()).hasSize(Skill.values().length);
        assertThat(anaRow.skills()).contains(
                new StudentReport.SkillMastery(Skill.EVALUATE_AT_INNER, 0.2, false, 3),
                new StudentReport.SkillMastery(Skill.INNER_FACTOR, 0.97, true, 5),
                new StudentReport.SkillMastery(Skill.DECOMPOSE, null, false, 0));
        assertThat(anaRow.misconceptions()).extracting(StudentReport.HeldMisconception::code).containsExactly(OUTER_AT_X);
        StudentReport cleoRow = report.students().get(2);
        assertThat(cleoRow.misconceptions()).extracting(StudentReport.HeldMisconception::code).containsExactly(MISSING_INNER);
        StudentReport danRow = report.students().get(3);
        assertThat(danRow.attempts()).isZero();
        assertThat(danRow.lastAttemptAt()).isNull();
        assertThat(danRow.misconceptions()).isEmpty();
        assertThat(danRow.skills()).allMatch(skill -> skill.pMastery() == null && !skill.mastered());
    }

    @Test
    void familiesHaveTheirSuccessRateAndTheDistractorsProduced() {
        CourseReport report = report();

        assertThat(report.families()).extracting(FamilyReport::family).containsExactly("chain.nested", "chain.trig");
        FamilyReport nested = report.families().get(0);
        assertThat(List.of(nested.attempts(), nested.graded(), nested.correct(), nested.students())).containsExactly(2, 2, 0, 2);
        assertThat(nested.successRate()).isEqualTo(0.0);
        // First diagnoses only: PRODUCT_RULE was Cleo's second.
        assertThat(nested.distractors()).containsExactlyInAnyOrder(
                new Distractor(OUTER_AT_X, 2, 1, 1), new Distractor(MISSING_INNER, 2, 1, 1));
        FamilyReport trig = report.families().get(1);
        assertThat(List.of(trig.attempts(), trig.graded(), trig.correct(), trig.students())).containsExactly(7, 6, 3, 3);
        assertThat(trig.successRate()).isEqualTo(0.5);
        assertThat(trig.distractors()).containsExactly(new Distractor(OUTER_AT_X, 1, 3, 2));
    }

    @Test
    void sharedNotesSitNextToTheirObjects() {
        CourseReport report = report();

        assertThat(report.misconception(OUTER_AT_X).notes()).extracting(Note::id).containsExactly(outerNote);
        assertThat(report.misconception(OUTER_AT_X).notes().getFirst().authorName()).isEqualTo("Ana");
        assertThat(report.families().get(0).notes()).extracting(Note::id).containsExactly(itemNote);
        assertThat(report.families().get(1).notes()).extracting(Note::id).containsExactly(familyNote);
        assertThat(report.notes()).extracting(Note::id).containsExactly(conceptNote);
    }

    @Test
    void drillDownPagesThroughTheAnswersNewestFirst() {
        var first = reports.answers(courseId, OUTER_AT_X, null, 2);
        assertThat(first.answers()).extracting(AnswerExample::attemptId).containsExactly(benNested, benFirst);
        assertThat(first.nextBefore()).isEqualTo(benFirst);

        var second = reports.answers(courseId, OUTER_AT_X, first.nextBefore(), 2);
        assertThat(second.answers()).extracting(AnswerExample::attemptId).containsExactly(anaSecond, anaFirst);
        assertThat(second.nextBefore()).isNull();

        assertThat(reports.answers(courseId, Misconception.COMPOSED_DERIVATIVES, null, 50).answers()).isEmpty();
    }

    @Test
    void attemptRowsStreamEveryLearnerAttemptWithItsDiagnoses() {
        List<AttemptRows.Row> rows = new ArrayList<>();
        reports.attempts(courseId, rows::add);

        assertThat(rows).hasSize(9);
        assertThat(rows).extracting(AttemptRows.Row::attemptId).isSorted();
        AttemptRows.Row nested = rows.stream().filter(r -> r.attemptId() == benNested).findFirst().orElseThrow();
        assertThat(nested.misconceptions()).containsExactly(
                new AttemptRows.Diagnosed(OUTER_AT_X, 2), new AttemptRows.Diagnosed(OUTER_AT_X, 1));
        AttemptRows.Row cleoRow = rows.stream().filter(r -> r.attemptId() == cleoNested).findFirst().orElseThrow();
        assertThat(cleoRow.misconceptions()).extracting(AttemptRows.Diagnosed::code).containsExactly(MISSING_INNER, PRODUCT_RULE);
    }

    @Test
    void anUnknownCourseHasNoReport() {
        assertThat(reports.course(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void theSummaryHasEveryCourseWithItsOwnFigures() {
        CoursesSummary summary = reports.summary();

        assertThat(summary.courses()).extracting(CoursesSummary.CourseSummary::courseId).containsExactly(courseId, otherCourseId);
        var calc1 = summary.courses().getFirst();
        assertThat(List.of(calc1.students(), calc1.studentsStarted(), calc1.attempts(), calc1.correct(), calc1.studentsHoldingAny()))
                .containsExactly(4, 3, 9, 3, 3);
        assertThat(calc1.successRate()).isEqualTo(3.0 / 8);
        assertThat(calc1.misconceptions()).contains(
                new CoursesSummary.CodeCount(OUTER_AT_X, 2, 4),
                new CoursesSummary.CodeCount(MISSING_INNER, 1, 1),
                new CoursesSummary.CodeCount(PRODUCT_RULE, 0, 1),
                new CoursesSummary.CodeCount(Misconception.COMPOSED_DERIVATIVES, 0, 0));
        var calc2 = summary.courses().get(1);
        assertThat(calc2.misconceptions()).contains(new CoursesSummary.CodeCount(Misconception.COMPOSED_DERIVATIVES, 1, 1),
                new CoursesSummary.CodeCount(OUTER_AT_X, 0, 0));
    }
}
