package org.chainwise.reports;

import static org.chainwise.migrations.jooq.Tables.MISCONCEPTION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Consumer;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.reports.CoursesSummary.CodeCount;
import org.chainwise.reports.CoursesSummary.CourseSummary;
import org.chainwise.reports.MisconceptionReport.Holder;
import org.chainwise.reports.MisconceptionReport.WeekCount;
import org.chainwise.reports.StudentReport.HeldMisconception;
import org.chainwise.reports.StudentReport.SkillMastery;
import org.chainwise.reports.query.AttemptRows;
import org.chainwise.reports.query.CourseActivity;
import org.chainwise.reports.query.CourseDiagnoses;
import org.chainwise.reports.query.CourseDiagnoses.Diagnosis;
import org.chainwise.reports.query.CourseHeader;
import org.chainwise.reports.query.CoursesSummaryQuery;
import org.chainwise.reports.query.FamilyDifficulty;
import org.chainwise.reports.query.HeldBeliefs;
import org.chainwise.reports.query.HeldBeliefs.Belief;
import org.chainwise.reports.query.MisconceptionAnswers;
import org.chainwise.reports.query.MisconceptionAttempts;
import org.chainwise.reports.query.SharedNotes;
import org.chainwise.reports.query.StudentMastery;
import org.chainwise.reports.query.WeeklyTrend;
import org.chainwise.reports.query.WhereMisconceptionsAppear;
import org.jooq.DSLContext;

/**
 * Builds teacher reports from the database: one course's {@link CourseReport}, the
 * {@link CoursesSummary} of all courses, the answers behind a misconception page by page, and a
 * course's attempts as a stream. Read-only; each call runs its queries on {@code dsl}.
 */
public final class CourseReports {

    /** How many example answers each misconception gets in a report. */
    public static final int EXAMPLES_PER_CODE = 3;
    /** The largest page of the drill-down. */
    public static final int MAX_PAGE = 200;

    private final DSLContext dsl;
    private final Clock clock;

    public CourseReports(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The report of one course, or empty when there is no such course. */
    public Optional<CourseReport> course(long courseId) {
        return new CourseHeader(dsl).find(courseId).map(course -> build(course.id(), course.title()));
    }

    /** Whether the course exists. */
    public boolean exists(long courseId) {
        return new CourseHeader(dsl).find(courseId).isPresent();
    }

    /** One page of the answers behind {@code code}, newest first; {@code limit} is clamped to 1..{@link #MAX_PAGE}. */
    public AnswerPage answers(long courseId, Misconception code, Long before, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE);
        // One more than asked tells whether there is a next page without a count.
        List<AnswerExample> answers = new MisconceptionAnswers(dsl).page(courseId, code, before, size + 1);
        boolean more = answers.size() > size;
        List<AnswerExample> page = more ? answers.subList(0, size) : answers;
        return new AnswerPage(code, page, more ? page.getLast().attemptId() : null);
    }

    /** Every learner attempt of the course, oldest first. */
    public void attempts(long courseId, Consumer<AttemptRows.Row> sink) {
        new AttemptRows(dsl).forCourse(courseId, sink);
    }

    /** Every course's figures. */
    public CoursesSummary summary() {
        CoursesSummaryQuery query = new CoursesSummaryQuery(dsl);
        var learners = query.learners();
        var attempts = query.attempts();
        var holders = query.holders();
        var holdersOfAny = query.holdersOfAny();
        var showing = query.attemptsShowing();
        List<CourseSummary> courses = new ArrayList<>();
        for (var course : query.courses()) {
            int students = learners.getOrDefault(course.id(), 0);
            var work = attempts.get(course.id());
            var held = holders.getOrDefault(course.id(), Map.of());
            var shown = showing.getOrDefault(course.id(), Map.of());
            List<CodeCount> codes = new ArrayList<>();
            for (Misconception code : Misconception.values()) {
                codes.add(new CodeCount(code, held.getOrDefault(code, 0), shown.getOrDefault(code, 0)));
            }
            courses.add(new CourseSummary(course.id(), course.title(), students, work == null ? 0 : work.students(),
                    work == null ? 0 : work.attempts(), work == null ? 0 : work.correct(),
                    work == null || work.graded() == 0 ? null : (double) work.correct() / work.graded(),
                    holdersOfAny.getOrDefault(course.id(), 0), codes, work == null ? null : work.lastAttemptAt()));
        }
        courses.sort(Comparator.comparingInt(CourseSummary::students).reversed().thenComparingLong(CourseSummary::courseId));
        return new CoursesSummary(clock.instant(), StudentModel.HELD, courses);
    }

    private CourseReport build(long courseId, String title) {
        List<StudentMastery.Learner> roster = new StudentMastery(dsl).roster(courseId);
        List<CourseActivity.LearnerWeek> learnerWeeks = new CourseActivity(dsl).forCourse(courseId);
        Map<Long, CourseActivity.Activity> activity = CourseActivity.byLearner(learnerWeeks);
        NavigableMap<LocalDate, Integer> graded = CourseActivity.gradedByWeek(learnerWeeks);
        List<LocalDate> weeks = new ArrayList<>();
        if (!graded.isEmpty()) {
            for (LocalDate week = graded.firstKey(); !week.isAfter(graded.lastKey()); week = week.plusWeeks(1)) {
                weeks.add(week);
            }
        }
        List<Diagnosis> diagnoses = new CourseDiagnoses(dsl).forCourse(courseId);
        List<Belief> beliefs = new HeldBeliefs(dsl).forCourse(courseId);
        SharedNotes.ByObject notes = new SharedNotes(dsl).forCourse(courseId);
        List<FamilyReport> families = families(courseId, diagnoses, notes);
        List<Note> otherNotes = new ArrayList<>(notes.other());
        // A note about a family with no attempts here has no row to sit in: it joins the general notes.
        notes.byFamily().forEach((family, about) -> {
            if (families.stream().noneMatch(f -> f.family().equals(family))) {
                otherNotes.addAll(about);
            }
        });
        otherNotes.sort(Comparator.comparing(Note::createdAt).thenComparingLong(Note::id));
        return new CourseReport(courseId, title, clock.instant(), StudentModel.HELD, StudentModel.MASTERY, weeks,
                totals(roster, activity), misconceptions(courseId, weeks, graded, diagnoses, beliefs, notes),
                students(courseId, roster, activity, beliefs), families, otherNotes);
    }

    private static Totals totals(List<StudentMastery.Learner> roster, Map<Long, CourseActivity.Activity> activity) {
        int attempts = 0;
        int correct = 0;
        int incorrect = 0;
        for (CourseActivity.Activity done : activity.values()) {
            attempts += done.attempts();
            correct += done.correct();
            incorrect += done.incorrect();
        }
        return new Totals(roster.size(), activity.size(), attempts, correct, incorrect, attempts - correct - incorrect);
    }

    private List<MisconceptionReport> misconceptions(long courseId, List<LocalDate> weeks,
            NavigableMap<LocalDate, Integer> gradedByWeek, List<Diagnosis> diagnoses, List<Belief> beliefs,
            SharedNotes.ByObject notes) {
        Map<Misconception, String> descriptions = new EnumMap<>(Misconception.class);
        dsl.select(MISCONCEPTION.CODE, MISCONCEPTION.DESCRIPTION).from(MISCONCEPTION)
                .forEach(row -> descriptions.put(Misconception.valueOf(row.value1()), row.value2()));
        var counts = MisconceptionAttempts.of(diagnoses);
        var trend = WeeklyTrend.byCode(diagnoses);
        var families = WhereMisconceptionsAppear.families(diagnoses);
        var layers = WhereMisconceptionsAppear.layers(diagnoses);
        var examples = new MisconceptionAnswers(dsl).examples(courseId, diagnoses, EXAMPLES_PER_CODE);
        List<MisconceptionReport> reports = new ArrayList<>();
        for (Misconception code : Misconception.values()) {
            List<Holder> holders = beliefs.stream().filter(b -> b.code() == code)
                    .map(b -> new Holder(b.userId(), b.name(), b.belief())).toList();
            var count = counts.getOrDefault(code, new MisconceptionAttempts.Count(0, 0));
            var byWeek = trend.getOrDefault(code, Map.of());
            List<WeekCount> weekly = weeks.stream().map(week -> {
                var shown = byWeek.getOrDefault(week, new MisconceptionAttempts.Count(0, 0));
                int graded = gradedByWeek.getOrDefault(week, 0);
                return new WeekCount(week, shown.attempts(), shown.students(), graded,
                        graded == 0 ? 0 : (double) shown.attempts() / graded);
            }).toList();
            reports.add(new MisconceptionReport(code, descriptions.get(code),
                    MisconceptionSkills.of(code).stream().sorted().toList(), holders.size(), holders,
                    count.attempts(), count.students(), Trend.of(weekly), weekly,
                    families.getOrDefault(code, List.of()), layers.getOrDefault(code, List.of()),
                    examples.getOrDefault(code, List.of()), notes.about(code)));
        }
        reports.sort(Comparator.comparingInt(MisconceptionReport::studentsHolding).reversed()
                .thenComparing(Comparator.comparingInt(MisconceptionReport::attempts).reversed())
                .thenComparing(MisconceptionReport::code));
        return reports;
    }

    private List<StudentReport> students(long courseId, List<StudentMastery.Learner> roster,
            Map<Long, CourseActivity.Activity> activity, List<Belief> beliefs) {
        var mastery = new StudentMastery(dsl).mastery(courseId);
        Map<Long, List<HeldMisconception>> held = new HashMap<>();
        for (Belief belief : beliefs) {
            held.computeIfAbsent(belief.userId(), user -> new ArrayList<>())
                    .add(new HeldMisconception(belief.code(), belief.belief(), belief.lastSeenAt()));
        }
        List<StudentReport> students = new ArrayList<>();
        for (var learner : roster) {
            var done = activity.get(learner.userId());
            var rows = mastery.getOrDefault(learner.userId(), Map.of());
            List<SkillMastery> skills = new ArrayList<>();
            for (Skill skill : Skill.values()) {
                var row = rows.get(skill);
                skills.add(row == null ? new SkillMastery(skill, null, false, 0)
                        : new SkillMastery(skill, row.pMastery(), row.pMastery() >= StudentModel.MASTERY, row.evidenceCount()));
            }
            students.add(new StudentReport(learner.userId(), learner.name(), learner.subject(),
                    done == null ? 0 : done.attempts(), done == null ? 0 : done.correct(),
                    done == null ? null : done.lastAttemptAt(), skills, held.getOrDefault(learner.userId(), List.of())));
        }
        return students;
    }

    private List<FamilyReport> families(long courseId, List<Diagnosis> diagnoses, SharedNotes.ByObject notes) {
        var distractors = FamilyDifficulty.distractors(diagnoses);
        return new FamilyDifficulty(dsl).families(courseId).stream().map(family -> new FamilyReport(family.family(), family.attempts(),
                family.graded(), family.correct(),
                family.graded() == 0 ? null : (double) family.correct() / family.graded(), family.students(),
                distractors.getOrDefault(family.family(), List.of()), notes.about(family.family()))).toList();
    }

    /** A page of the drill-down; {@code nextBefore} is the {@code before} of the next page, null on the last. */
    public record AnswerPage(Misconception code, List<AnswerExample> answers, Long nextBefore) {

        public AnswerPage {
            answers = List.copyOf(answers);
        }
    }
}
