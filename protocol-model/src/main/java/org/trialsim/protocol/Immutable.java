package org.trialsim.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for record components. Absent collections become empty; null elements are kept
 * (a value that failed to parse is null, and validation reports it) so that a model with problems can
 * still be inspected for the remaining ones.
 */
final class Immutable {
    private Immutable() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
