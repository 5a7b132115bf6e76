package org.chainwise.engine.mastery;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copies of enum-keyed collections. Enum order, unlike {@link Set#copyOf}, is the same in
 * every run, which keeps floating-point sums and tie-breaks, and so selection, deterministic.
 */
final class EnumCopies {

    private EnumCopies() {
    }

    static <E extends Enum<E>> Set<E> set(Collection<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    static <K extends Enum<K>, V> Map<K, V> map(Map<K, V> values, Class<K> type) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }
}
