package org.chainwise.reports;

import java.util.List;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;

/**
 * One misconception code in one course: who holds it now by the mastery model's belief, how many
 * attempts showed it (diagnosed at any rank), its weekly trend, where it appears, example answers
 * and the shared notes about it.
 *
 * @param skills          the skills the code undermines (the engine's {@code MisconceptionSkills}; none for OTHER)
 * @param studentsHolding learners whose belief is at least the held threshold
 * @param studentsShowing learners with at least one attempt showing the code
 * @param weekly one entry per week of the report's axis, zeros included
 */
public record MisconceptionReport(
        Misconception code,
        String description,
        List<Skill> skills,
        int studentsHolding,
        List<Holder> holders,
        int attempts,
        int studentsShowing,
        Trend trend,
        List<WeekCount> weekly,
        List<FamilyCount> families,
        List<LayerCount> layers,
        List<AnswerExample> examples,
        List<Note> notes) {

    public MisconceptionReport {
        skills = List.copyOf(skills);
        holders = List.copyOf(holders);
        weekly = List.copyOf(weekly);
        families = List.copyOf(families);
        layers = List.copyOf(layers);
        examples = List.copyOf(examples);
        notes = List.copyOf(notes);
    }

    /** A learner who holds the misconception now, with the model's belief. */
    public record Holder(long userId, String name, double belief) {
    }

    /**
     * The attempts of one week showing the code, the learners who made them, and the course's
     * graded (correct or incorrect) attempts that week; {@code share} is their ratio, 0 when none
     * were graded.
     */
    public record WeekCount(java.time.LocalDate week, int attempts, int students, int gradedAttempts, double share) {
    }

    /** Attempts showing the code in one item family. */
    public record FamilyCount(String family, int attempts, int students) {
    }

    /** Attempts showing the code at one composition layer (1 = outermost; null when the diagnosis named none). */
    public record LayerCount(Integer layer, int attempts, int students) {
    }
}
