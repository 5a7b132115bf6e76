package org.chainwise.api.service.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.web.ApiException;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.generate.Family;
import org.chainwise.engine.mastery.Skill;

/**
 * A practice set as a teacher sends it, checked field by field: a title, the skills it trains (engine
 * {@link Skill} names), the question-bank families it draws from (each must exist and exercise one of
 * the skills; none means every family that does), and its completion rule. Every refusal is a 400
 * naming the field.
 */
public record PracticeSetDraft(String title, List<Skill> skills, List<String> families, CompletionRule completion) {

    static final int MAX_TITLE = 200;
    static final int MAX_ITEMS = 1000;

    public PracticeSetDraft {
        skills = List.copyOf(skills);
        families = List.copyOf(families);
    }

    /** The draft the request fields describe, with families checked against {@code bank}. */
    public static PracticeSetDraft of(String title, List<String> skills, List<String> families, String rule,
            Double threshold, Integer items, ItemBank bank) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw bad("title", "title is required, 1 to " + MAX_TITLE + " characters.");
        }
        List<Skill> trained = skills(skills);
        return new PracticeSetDraft(title.strip(), trained, families(families, trained, bank),
                completion(rule, threshold, items));
    }

    private static List<Skill> skills(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw bad("skills", "skills must name at least one skill: " + allSkills() + ".");
        }
        List<Skill> skills = new ArrayList<>();
        for (String name : names) {
            Skill skill = Stream.of(Skill.values()).filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> bad("skills", "'" + name + "' is not a skill; the skills are " + allSkills() + "."));
            skills.add(skill);
        }
        return skills;
    }

    private static List<String> families(List<String> names, List<Skill> skills, ItemBank bank) {
        if (names == null) {
            return List.of();
        }
        Set<String> known = new TreeSet<>(bank.familyNames());
        for (String name : names) {
            if (name == null || !known.contains(name)) {
                throw bad("families", "'" + name + "' is not a family of the question bank; its families are "
                        + String.join(", ", known) + ".");
            }
            Family family = bank.family(name);
            if (family.skills().stream().noneMatch(skills::contains)) {
                throw bad("families", "the family " + name + " exercises " + family.skills()
                        + ", none of the set's skills " + skills + ".");
            }
        }
        return List.copyOf(names);
    }

    private static CompletionRule completion(String rule, Double threshold, Integer items) {
        if ("mastery".equals(rule)) {
            if (threshold == null || !(threshold > 0 && threshold <= 1) || items != null) {
                throw bad("completion", "a mastery rule is {\"rule\":\"mastery\",\"threshold\":t} with t in (0, 1], such as 0.95.");
            }
            return new CompletionRule.Mastery(threshold);
        }
        if ("item_count".equals(rule)) {
            if (items == null || items < 1 || items > MAX_ITEMS || threshold != null) {
                throw bad("completion", "an item-count rule is {\"rule\":\"item_count\",\"items\":n} with n from 1 to "
                        + MAX_ITEMS + ".");
            }
            return new CompletionRule.ItemCount(items);
        }
        throw bad("completion", "completion.rule must be \"mastery\" or \"item_count\".");
    }

    private static String allSkills() {
        return Stream.of(Skill.values()).map(Skill::name).collect(Collectors.joining(", "));
    }

    private static ApiException bad(String field, String message) {
        return ApiException.badRequest("invalid_" + field, message, field);
    }
}
