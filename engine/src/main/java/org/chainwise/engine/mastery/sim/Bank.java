package org.chainwise.engine.mastery.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.Skill;

/**
 * The simulated practice set. For every skill (or, {@link #combined}, every combination of skills the
 * question bank's items exercise together) an easy, a medium and a hard family and, where a misconception
 * undermines one of its skills, a contrast family whose items confront those misconceptions.
 * {@link #standard()} gives every item one skill and has as many variants per skill as the question bank's
 * {@code ItemBank.standard()}; {@link #combined()} has as many variants of each combination; {@link #of}
 * and {@link #combinedOf} the same number in every family.
 */
public final class Bank {

    /** A set of skills that items exercise together, and how many verified variants of it the question bank has. */
    record Combination(Set<Skill> skills, int variants) {

        Combination {
            skills = Collections.unmodifiableSet(EnumSet.copyOf(skills));
        }

        /** The family name prefix: the skills in declaration order, lower case, joined by '+'. */
        String name() {
            return skills.stream().map(skill -> skill.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("+"));
        }
    }

    /**
     * Distinct verified variants per combination of skills in the question bank's {@code ItemBank.standard()}
     * at its default parameters, counted on 2026-12-01 with its {@code VariantPool} (each of its 30 families
     * drawn from seed 0 on until 60 draws in a row repeated a variant, or 400 distinct variants; 17 families
     * reached 400, so these are lower bounds) and {@code ItemCandidate.of} for the skills: 9,739 variants,
     * 9,170 of them exercising two to four skills. A chain item needs the outer derivative, evaluating it
     * at the inner function and the inner factor (and, nested, several layers); graph paths and Jacobians
     * multiply inner factors; the single-skill items are spot-the-error variants and decomposition.
     */
    static final List<Combination> QUESTION_BANK = List.of(
            combination(4731, Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR),
            combination(2986, Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR, Skill.MULTI_LAYER),
            combination(416, Skill.DECOMPOSE),
            combination(400, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR, Skill.CHAIN_VS_PRODUCT),
            combination(400, Skill.INNER_FACTOR, Skill.JACOBIAN),
            combination(400, Skill.INNER_FACTOR, Skill.GRAPH_PATHS),
            combination(112, Skill.INNER_FACTOR, Skill.MULTI_LAYER),
            combination(78, Skill.INNER_FACTOR),
            combination(35, Skill.OUTER_DERIVATIVE, Skill.MULTI_LAYER),
            combination(33, Skill.EVALUATE_AT_INNER, Skill.MULTI_LAYER),
            combination(29, Skill.OUTER_DERIVATIVE),
            combination(26, Skill.EVALUATE_AT_INNER),
            combination(26, Skill.DECOMPOSE, Skill.MULTI_LAYER),
            combination(25, Skill.MULTI_LAYER, Skill.CHAIN_VS_PRODUCT),
            combination(22, Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR),
            combination(20, Skill.CHAIN_VS_PRODUCT));

    private Bank() {
    }

    /**
     * The practice set of one skill per item with, per skill, the question bank's number of variants that
     * exercise it ({@link #QUESTION_BANK}, a variant counting for each of its skills): the proportions of {@link #of}.
     */
    public static List<Candidate> standard() {
        int[] perSkill = new int[Skill.values().length];
        QUESTION_BANK.forEach(c -> c.skills().forEach(skill -> perSkill[skill.ordinal()] += c.variants()));
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            split(items, new Combination(Set.of(skill), perSkill[skill.ordinal()]));
        }
        return List.copyOf(items);
    }

    /** The practice set with the question bank's combinations of skills and number of variants of each ({@link #QUESTION_BANK}). */
    public static List<Candidate> combined() {
        List<Candidate> items = new ArrayList<>();
        QUESTION_BANK.forEach(combination -> split(items, combination));
        return List.copyOf(items);
    }

    /** The practice set of one skill per item with {@code variantsPerFamily} variants in every family. */
    public static List<Candidate> of(int variantsPerFamily) {
        List<Candidate> items = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            combination(items, new Combination(Set.of(skill), 0), variantsPerFamily);
        }
        return List.copyOf(items);
    }

    /** The practice set of the question bank's combinations with {@code variantsPerFamily} variants in every family. */
    public static List<Candidate> combinedOf(int variantsPerFamily) {
        List<Candidate> items = new ArrayList<>();
        QUESTION_BANK.forEach(combination -> combination(items, combination, variantsPerFamily));
        return List.copyOf(items);
    }

    // The variants of a combination: two sevenths in each of the easy, medium and hard families and one
    // seventh in the contrast family (a third each where there is no contrast family), as in of().
    private static void split(List<Candidate> items, Combination combination) {
        boolean contrast = !undermining(combination.skills()).isEmpty();
        int total = combination.variants();
        combination(items, combination, contrast ? total * 2 / 7 : total / 3);
    }

    private static void combination(List<Candidate> items, Combination combination, int variantsPerFamily) {
        String name = combination.name();
        Set<Skill> skills = combination.skills();
        family(items, name + "/easy", skills, Set.of(), 0.2, variantsPerFamily);
        family(items, name + "/medium", skills, Set.of(), 0.5, variantsPerFamily);
        family(items, name + "/hard", skills, Set.of(), 0.8, variantsPerFamily);
        Set<Misconception> undermining = undermining(skills);
        if (!undermining.isEmpty()) {
            family(items, name + "/contrast", skills, undermining, 0.4, variantsPerFamily / 2);
        }
    }

    private static Set<Misconception> undermining(Set<Skill> skills) {
        Set<Misconception> codes = EnumSet.noneOf(Misconception.class);
        skills.forEach(skill -> codes.addAll(MisconceptionSkills.undermining(skill)));
        return codes;
    }

    private static void family(List<Candidate> items, String family, Set<Skill> skills, Set<Misconception> remediates,
            double difficulty, int variants) {
        for (int v = 0; v < variants; v++) {
            items.add(new Candidate(family + "#" + v, family, skills, remediates, difficulty));
        }
    }

    private static Combination combination(int variants, Skill... skills) {
        return new Combination(Set.of(skills), variants);
    }
}
