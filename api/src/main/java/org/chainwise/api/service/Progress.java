package org.chainwise.api.service;

import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;

/**
 * Where a learner stands in a practice set: each skill of the set (probability known, mastered by
 * the set's rule), each misconception with any belief (and whether it is held), items answered and
 * solved, and whether the set is complete.
 */
public record Progress(List<SkillProgress> skills, List<MisconceptionProgress> misconceptions, int itemsAttempted,
        int itemsCorrect, boolean completed) {

    public Progress {
        skills = List.copyOf(skills);
        misconceptions = List.copyOf(misconceptions);
    }

    public record SkillProgress(Skill skill, double pMastery, boolean mastered) {
    }

    public record MisconceptionProgress(Misconception code, double belief, boolean held) {
    }
}
