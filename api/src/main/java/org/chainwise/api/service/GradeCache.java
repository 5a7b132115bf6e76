package org.chainwise.api.service;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.chainwise.bank.answer.ItemGrade;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.cache.BoundedCache;

/**
 * Grades given already, by item and answer: grading is a function of the item's mathematics and
 * the text typed, and a class types the same few answers to the same variants (the right one, the
 * misconceptions' ones), so most answers are graded once. A grade from here records the time the
 * look-up took, not the first grading's.
 */
final class GradeCache {

    private record Key(String family, String variant, Map<String, String> answers) {
    }

    private final BoundedCache<Key, ItemGrade> grades;

    GradeCache(int capacity) {
        grades = new BoundedCache<>(capacity);
    }

    /** The grade of the answers to the item: the one given before, or {@code grader}'s now. */
    ItemGrade grade(Item item, Map<String, String> answers, BiFunction<Item, Map<String, String>, ItemGrade> grader) {
        long start = System.nanoTime();
        Key key = new Key(item.family(), item.variantKey(), new TreeMap<>(answers));
        return grades.get(key)
                .map(known -> new ItemGrade(known.verdict(), known.interpretedAs(), known.misconceptions(), known.error(),
                        Duration.ofNanos(System.nanoTime() - start)))
                .orElseGet(() -> {
                    ItemGrade graded = grader.apply(item, answers);
                    grades.put(key, graded);
                    return graded;
                });
    }
}
