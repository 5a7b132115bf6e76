package org.chainwise.engine.mastery.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;

/**
 * The simulated practice set: for every skill, an easy, a medium and a hard family of
 * {@code variantsPerFamily} variants, and, for every skill a misconception undermines, a contrast
 * family whose items confront those misconceptions.
 */
public final class Bank {

    private Bank() {
    }

    /** The practice set with {@code variantsPerFamily} variants in every family. */
    public static List<Candidate> of(int variantsPerFamily) {
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            String name = skill.name().toLowerCase(Locale.ROOT);
            family(items, name + "/easy", skill, Set.of(), 0.2, variantsPerFamily);
            family(items, name + "/medium", skill, Set.of(), 0.5, variantsPerFamily);
            family(items, name + "/hard", skill, Set.of(), 0.8, variantsPerFamily);
            Set<Misconception> undermining = MisconceptionSkills.undermining(skill);
            if (!undermining.isEmpty()) {
                family(items, name + "/contrast", skill, undermining, 0.4, variantsPerFamily / 2);
            }
        }
        return List.copyOf(items);
    }

    private static void family(List<Candidate> items, String family, Skill skill, Set<Misconception> remediates,
            double difficulty, int variants) {
        for (int v = 0; v < variants; v++) {
            items.add(new Candidate(family + "#" + v, family, Set.of(skill), remediates, difficulty));
        }
    }
}
