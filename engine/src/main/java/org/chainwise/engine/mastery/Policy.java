package org.chainwise.engine.mastery;

import java.util.List;

/** Chooses the next item for a student among the candidates a practice set allows; never repeats a variant. */
public sealed interface Policy permits AdaptivePolicy, FixedPolicy, StreakPolicy {

    /** The next step for a student in {@code state}, given the practice set's candidates. */
    Selection next(StudentState state, List<Candidate> practiceSet);

    /** Whether this policy counts {@code skill} as mastered in {@code state}. */
    boolean declaresMastered(StudentState state, Skill skill);
}
