package org.chainwise.api.service.teaching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one learner of a course stands: the student model's probability per practised skill (and whether
 * the engine counts it mastered), the misconceptions it believes held, and their graded answers so far.
 */
public record StudentStanding(long userId, String name, boolean started, int answers, int correct,
        Optional<Instant> lastAnswerAt, List<SkillStanding> skills, List<HeldMisconception> misconceptions) {

    public StudentStanding {
        skills = List.copyOf(skills);
        misconceptions = List.copyOf(misconceptions);
    }

    public record SkillStanding(String skill, double pMastery, boolean mastered, int evidenceCount) {
    }

    public record HeldMisconception(String code, double belief, int evidenceCount) {
    }

    /** One page of a course's learners, and how many learners it has in all. */
    public record Page(int total, int limit, int offset, List<StudentStanding> students) {

        public Page {
            students = List.copyOf(students);
        }
    }
}
