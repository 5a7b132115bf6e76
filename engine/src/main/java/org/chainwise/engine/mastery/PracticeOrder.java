package org.chainwise.engine.mastery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order a conventional exercise sheet would use: skills in prerequisite order (an item counts
 * under its first skill), and within a skill the families from easy to hard taken in turn, so the
 * first items of a skill already span its families. Remembers the last practice set it ordered,
 * since the same list is asked about at every step.
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
        Map<Skill, Map<String, List<Candidate>>> families = new EnumMap<>(Skill.class);
        for (Candidate item : practiceSet) {
            families.computeIfAbsent(item.skills().iterator().next(), skill -> new TreeMap<>())
                    .computeIfAbsent(item.family(), family -> new ArrayList<>()).add(item);
        }
        Map<Skill, List<Candidate>> order = new EnumMap<>(Skill.class);
        families.forEach((skill, byFamily) -> {
            List<List<Candidate>> lists = new ArrayList<>(byFamily.values());
            lists.forEach(list -> list.sort(Comparator.comparing(Candidate::variantKey)));
            lists.sort(Comparator.comparingDouble((List<Candidate> list) -> list.getFirst().difficulty()));
            List<Candidate> interleaved = new ArrayList<>();
            for (int index = 0; interleaved.size() < byFamily.values().stream().mapToInt(List::size).sum(); index++) {
                for (List<Candidate> list : lists) {
                    if (index < list.size()) {
                        interleaved.add(list.get(index));
                    }
                }
            }
            order.put(skill, List.copyOf(interleaved));
        });
        return order;
    }
}
