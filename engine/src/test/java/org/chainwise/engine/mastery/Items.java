package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;

/** Candidates for tests. */
final class Items {

    private Items() {
    }

    static Candidate item(String key, Skill skill) {
        return new Candidate(key, skill.name() + "/plain", Set.of(skill), Set.of(), 0.5);
    }

    static Candidate remedy(String key, Skill skill, Misconception code) {
        return new Candidate(key, skill.name() + "/contrast", Set.of(skill), Set.of(code), 0.4);
    }

    /** {@code perSkill} plain items for every skill. */
    static List<Candidate> bank(int perSkill) {
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            for (int i = 0; i < perSkill; i++) {
                items.add(item(skill + "#" + i, skill));
            }
        }
        return items;
    }
}
