package org.chainwise.api.service.teaching;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.Paging;
import org.chainwise.api.store.CourseStudents;
import org.chainwise.api.store.CourseStudents.BeliefRow;
import org.chainwise.api.store.CourseStudents.Learner;
import org.chainwise.api.store.CourseStudents.SkillRow;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.SkillState;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;
import org.jooq.DSLContext;

/**
 * A course's learners for its instructors, a page at a time. Whether a skill is mastered and which
 * misconceptions are held are the engine's rules ({@link StudentModel#mastered}, {@link StudentModel#held}),
 * applied to the stored probabilities and beliefs.
 */
@Singleton
public class CourseStudentsService {

    private static final int DEFAULT_LIMIT = 100;

    private final DSLContext dsl;
    private final CourseStudents store;
    private final StudentModel model = new StudentModel(ModelParameters.DEFAULT);

    CourseStudentsService(DSLContext dsl, CourseStudents store) {
        this.dsl = dsl;
        this.store = store;
    }

    public StudentStanding.Page students(Actor actor, long courseId, Integer limit, Integer offset) {
        actor.requireInstructor().requireCourse(courseId);
        Paging paging = Paging.of(limit, offset, DEFAULT_LIMIT);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int total = store.countLearners(tx, courseId);
            List<Learner> learners = store.learners(tx, courseId, paging.limit(), paging.offset());
            List<Long> ids = learners.stream().map(Learner::userId).toList();
            Map<Long, List<SkillRow>> mastery = store.mastery(tx, courseId, ids);
            Map<Long, List<BeliefRow>> beliefs = store.beliefs(tx, courseId, ids);
            Map<Long, CourseStudents.Activity> activity = store.activity(tx, courseId, ids);
            List<StudentStanding> students = new ArrayList<>();
            for (Learner learner : learners) {
                students.add(standing(learner, mastery.getOrDefault(learner.userId(), List.of()),
                        beliefs.getOrDefault(learner.userId(), List.of()),
                        activity.getOrDefault(learner.userId(), CourseStudents.noActivity())));
            }
            return new StudentStanding.Page(total, paging.limit(), paging.offset(), students);
        });
    }

    private StudentStanding standing(Learner learner, List<SkillRow> skills, List<BeliefRow> beliefs,
            CourseStudents.Activity activity) {
        StudentState state = state(skills, beliefs);
        Set<Misconception> held = Set.copyOf(model.held(state));
        List<StudentStanding.SkillStanding> skillStandings = skills.stream()
                .map(row -> new StudentStanding.SkillStanding(row.skill(), row.pMastery(),
                        model.mastered(state, Skill.valueOf(row.skill())), row.evidenceCount()))
                .toList();
        List<StudentStanding.HeldMisconception> heldBeliefs = beliefs.stream()
                .filter(row -> held.contains(Misconception.valueOf(row.code())))
                .map(row -> new StudentStanding.HeldMisconception(row.code(), row.belief(), row.evidenceCount()))
                .toList();
        boolean started = activity.answers() > 0 || !skills.isEmpty();
        return new StudentStanding(learner.userId(), learner.name(), started, activity.answers(), activity.correct(),
                activity.lastAnswerAt(), skillStandings, heldBeliefs);
    }

    /** The model's state as far as the stored rows say; unpractised skills sit at their prior. */
    private StudentState state(List<SkillRow> skills, List<BeliefRow> beliefs) {
        Map<Skill, SkillState> skillStates = new EnumMap<>(model.start().skills());
        for (SkillRow row : skills) {
            skillStates.put(Skill.valueOf(row.skill()), new SkillState(row.pMastery(), row.evidenceCount(), 0, 0, 0));
        }
        Map<Misconception, Double> beliefStates = new EnumMap<>(Misconception.class);
        for (BeliefRow row : beliefs) {
            beliefStates.put(Misconception.valueOf(row.code()), row.belief());
        }
        return new StudentState(skillStates, beliefStates, Set.of(), 0);
    }
}
