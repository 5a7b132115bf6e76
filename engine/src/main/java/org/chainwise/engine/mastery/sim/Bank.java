package org.chainwise.engine.mastery.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;

/**
 * The simulated practice set: for every skill, an easy, a medium and a hard family of
 * {@code variantsPerFamily} variants, and, for every skill a misconception undermines, a contrast
 * family whose items confront those misconceptions. {@link #standard()} offers as many variants per
 * skill as the question bank's {@code ItemBank.standard()} does; {@link #of} the same number in every family.
 */
public final class Bank {

    /**
     * Distinct verified variants per skill in the question bank's {@code ItemBank.standard()} at its
     * default parameters, counted on 2026-12-01 by drawing each of its 30 families from seed 1 until
     * 60 draws in a row repeated a variant (the rule of its {@code PracticeSet}) or 400 distinct
     * variants: lower bounds, since 18 families reached 400 (9,738 variants in all). A variant counts
     * for every skill it exercises; 9,170 of the 9,738 exercise two to four skills, which this
     * simulated bank, one skill per item, does not copy.
     */
    static final Map<Skill, Integer> QUESTION_BANK_VARIANTS = new EnumMap<>(Map.of(
            Skill.DECOMPOSE, 464, Skill.OUTER_DERIVATIVE, 8201, Skill.EVALUATE_AT_INNER, 7775,
            Skill.INNER_FACTOR, 9129, Skill.MULTI_LAYER, 3217, Skill.CHAIN_VS_PRODUCT, 445,
            Skill.GRAPH_PATHS, 400, Skill.JACOBIAN, 400));

    private Bank() {
    }

    /**
     * The practice set with, per skill, the question bank's number of variants
     * ({@link #QUESTION_BANK_VARIANTS}): two sevenths of them in each of the easy, medium and hard
     * families and one seventh in the contrast family (a third each where there is no contrast family),
     * the proportions of {@link #of}.
     */
    public static List<Candidate> standard() {
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            boolean contrast = !MisconceptionSkills.undermining(skill).isEmpty();
            int total = QUESTION_BANK_VARIANTS.get(skill);
            skill(items, skill, contrast ? total * 2 / 7 : total / 3);
        }
        return List.copyOf(items);
    }

    /** The practice set with {@code variantsPerFamily} variants in every family. */
    public static List<Candidate> of(int variantsPerFamily) {
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            skill(items, skill, variantsPerFamily);
        }
        return List.copyOf(items);
    }

    private static void skill(List<Candidate> items, Skill skill, int variantsPerFamily) {
        String name = skill.name().toLowerCase(Locale.ROOT);
        family(items, name + "/easy", skill, Set.of(), 0.2, variantsPerFamily);
        family(items, name + "/medium", skill, Set.of(), 0.5, variantsPerFamily);
        family(items, name + "/hard", skill, Set.of(), 0.8, variantsPerFamily);
        Set<Misconception> undermining = MisconceptionSkills.undermining(skill);
        if (!undermining.isEmpty()) {
            family(items, name + "/contrast", skill, undermining, 0.4, variantsPerFamily / 2);
        }
    }

    private static void family(List<Candidate> items, String family, Skill skill, Set<Misconception> remediates,
            double difficulty, int variants) {
        for (int v = 0; v < variants; v++) {
            items.add(new Candidate(family + "#" + v, family, Set.of(skill), remediates, difficulty));
        }
    }
}
