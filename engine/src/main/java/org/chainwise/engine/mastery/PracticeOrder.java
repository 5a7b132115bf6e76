package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order a conventional exercise sheet would use: skills in prerequisite order, and for each skill
 * every item that exercises it (an item with several skills is listed under each of them). Within a
 * skill, items that need no later skill come first and, among those, items that need fewer skills
 * (the plain exercise before the one that combines it with what came before); items of one such rank
 * are taken from their families in turn, easy to hard, so the first items of a skill already span its
 * families. Remembers the last practice set it ordered, since the same list is asked about at every step.
 */
final class PracticeOrder {

    private List<Candidate> lastSet;
    private Map<Skill, List<Candidate>> lastOrder;

    synchronized Map<Skill, List<Candidate>> of(List<Candidate> practiceSet) {
        if (practiceSet != lastSet) {
            lastOrder = order(practiceSet);
            lastSet = practiceSet;
        }
        return lastOrder;
    }

    private static Map<Skill, List<Candidate>> order(List<Candidate> practiceSet) {
        // Per skill, per rank (latest skill needed, then number of skills), the items of each family.
        Map<Skill, TreeMap<Integer, Map<String, List<Candidate>>>> ranked = new EnumMap<>(Skill.class);
        for (Candidate item : practiceSet) {
            int latest = 0;
            for (Skill skill : item.skills()) {
                latest = Math.max(latest, skill.ordinal());
            }
            int rank = latest * (Skill.values().length + 1) + item.skills().size();
            for (Skill skill : item.skills()) {
                ranked.computeIfAbsent(skill, s -> new TreeMap<>()).computeIfAbsent(rank, r -> new TreeMap<>())
                        .computeIfAbsent(item.family(), family -> new ArrayList<>()).add(item);
            }
        }
        Map<Skill, List<Candidate>> order = new EnumMap<>(Skill.class);
        ranked.forEach((skill, ranks) -> {
            List<Candidate> items = new ArrayList<>();
            ranks.values().forEach(byFamily -> items.addAll(interleaved(byFamily)));
            order.put(skill, List.copyOf(items));
        });
        return order;
    }

    /** The items of several families, one of each family in turn, the families from easy to hard. */
    private static List<Candidate> interleaved(Map<String, List<Candidate>> byFamily) {
        List<List<Candidate>> lists = new ArrayList<>(byFamily.values());
        lists.forEach(list -> list.sort(Comparator.comparing(Candidate::variantKey)));
        // Stable: families of the same difficulty stay in name order.
        lists.sort(Comparator.comparingDouble((List<Candidate> list) -> list.getFirst().difficulty()));
        int total = lists.stream().mapToInt(List::size).sum();
        List<Candidate> interleaved = new ArrayList<>(total);
        for (int index = 0; interleaved.size() < total; index++) {
            for (List<Candidate> list : lists) {
                if (index < list.size()) {
                    interleaved.add(list.get(index));
                }
            }
        }
        return interleaved;
    }
}
