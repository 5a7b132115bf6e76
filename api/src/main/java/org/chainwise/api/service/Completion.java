package org.chainwise.api.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.Enrollment;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;

/**
 * The one place a set's completion rule is applied: a skill counts as mastered when the model's
 * mastery probability reaches the set's threshold (the model's {@link StudentModel#MASTERY} for an
 * item-count set) and no misconception undermining it is held; a mastery set is complete when all its skills are, an
 * item-count set when enough items are solved. The score a grade book gets follows the same rule.
 */
final class Completion {

    private Completion() {
    }

    static Progress progress(StudentModel model, StoredPracticeSet set, StudentState state, Enrollment counts) {
        double threshold = set.definition().completion() instanceof CompletionRule.Mastery mastery
                ? mastery.threshold() : StudentModel.MASTERY;
        List<Progress.SkillProgress> skills = new ArrayList<>();
        int mastered = 0;
        Map<Skill, Double> probabilities = model.masteryProbabilities(state);
        for (Skill skill : set.definition().skills()) {
            double probability = probabilities.get(skill);
            boolean isMastered = mastered(state, skill, probability, threshold);
            mastered += isMastered ? 1 : 0;
            skills.add(new Progress.SkillProgress(skill, probability, isMastered));
        }
        List<Progress.MisconceptionProgress> misconceptions = new ArrayList<>();
        for (Misconception code : Misconception.values()) {
            double belief = state.belief(code);
            if (belief > 0) {
                misconceptions.add(new Progress.MisconceptionProgress(code, belief, belief >= StudentModel.HELD));
            }
        }
        boolean completed = counts.completed() || switch (set.definition().completion()) {
            case CompletionRule.Mastery m -> mastered == skills.size();
            case CompletionRule.ItemCount count -> counts.itemsCorrect() >= count.items();
        };
        return new Progress(skills, misconceptions, counts.itemsAttempted(), counts.itemsCorrect(), completed);
    }

    /** The grade-book view of a progress: skills mastered of the set's skills, or items solved of those required. */
    static PracticeProgress forGradeBook(long courseId, long userId, StoredPracticeSet set, Progress progress) {
        double given;
        double maximum;
        switch (set.definition().completion()) {
            case CompletionRule.Mastery m -> {
                maximum = progress.skills().size();
                given = progress.completed() ? maximum : progress.skills().stream().filter(Progress.SkillProgress::mastered).count();
            }
            case CompletionRule.ItemCount count -> {
                maximum = count.items();
                given = Math.min(progress.itemsCorrect(), count.items());
            }
        }
        return new PracticeProgress(courseId, userId, set.id(), progress.itemsAttempted(), progress.itemsCorrect(),
                given, maximum, progress.completed());
    }

    private static boolean mastered(StudentState state, Skill skill, double probability, double threshold) {
        if (probability < threshold) {
            return false;
        }
        for (Misconception code : MisconceptionSkills.undermining(skill)) {
            if (state.belief(code) >= StudentModel.HELD) {
                return false;
            }
        }
        return true;
    }
}
