package org.chainwise.reports;

import java.time.Instant;
import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;

/**
 * One learner on the roster: attempts so far, mastery of every skill, and the misconceptions the
 * model believes they hold now. A learner who has not started has zero attempts, a null
 * {@code lastAttemptAt} and every skill with a null {@code pMastery}.
 */
public record StudentReport(
        long userId,
        String name,
        String subject,
        int attempts,
        int correct,
        Instant lastAttemptAt,
        List<SkillMastery> skills,
        List<HeldMisconception> misconceptions) {

    public StudentReport {
        skills = List.copyOf(skills);
        misconceptions = List.copyOf(misconceptions);
    }

    /** The model's probability that the skill is known (null: no evidence yet) and whether that is mastery. */
    public record SkillMastery(Skill skill, Double pMastery, boolean mastered, int evidenceCount) {
    }

    /** A misconception held now: belief at least the held threshold. */
    public record HeldMisconception(Misconception code, double belief, Instant lastSeenAt) {
    }
}
