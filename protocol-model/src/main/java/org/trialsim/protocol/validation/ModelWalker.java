package org.trialsim.protocol.validation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonPointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.Required;

/**
 * The checks that apply to every part of a protocol alike, by walking the model's records:
 * lists and mappings longer than their bound ({@link ListLimits}), required fields that are missing,
 * empty entries in lists and mappings, parameters that no source or assumption covers, and sources that
 * look like a reference id but name none.
 */
final class ModelWalker {
    private final ProblemSink sink;
    private final Set<String> references;
    private boolean oversized;

    ModelWalker(ProblemSink sink, Set<String> references) {
        this.sink = sink;
        this.references = references;
    }

    /** Walks the protocol (or a part of it at the given pointer, its place given as in {@link ListLimits}). */
    void walk(Object value, JsonPointer at) {
        walk(value, at, "", false);
    }

    /** Whether some list or mapping was longer than its bound (its entries were then not walked). */
    boolean foundOversized() {
        return oversized;
    }

    private void walk(Object value, JsonPointer at, String place, boolean cited) {
        if (value instanceof Record record) {
            walkRecord(record, at, place, cited);
        } else if (value instanceof List<?> list) {
            if (tooLong(list.size(), at, place, "list")) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                if (list.get(i) == null) {
                    empty(child, "entry " + (i + 1) + " of this list is empty");
                } else {
                    walk(list.get(i), child, place + "[]", cited);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            if (tooLong(map.size(), at, place, "mapping")) {
                return;
            }
            map.forEach((key, v) -> {
                JsonPointer child = at.appendProperty(String.valueOf(key));
                if (v == null) {
                    empty(child, "'" + key + "' has no value");
                } else {
                    walk(v, child, place + ".*", cited);
                }
            });
        }
    }

    /** Reports a list or mapping longer than its bound; its entries are then left alone, as they may be many. */
    private boolean tooLong(int size, JsonPointer at, String place, String what) {
        ListLimits.Limit limit = ListLimits.at(place);
        if (size <= limit.max()) {
            return false;
        }
        oversized = true;
        sink.error(at, String.format(Locale.ROOT, "this %s has %,d entries, more than the %,d allowed here: %s", what, size,
                limit.max(), limit.why()));
        return true;
    }

    private void walkRecord(Record record, JsonPointer at, String place, boolean cited) {
        boolean covered = cited;
        if (record instanceof Cited c) {
            checkSource(c, at);
            boolean warned = c.needsCitation() && !cited && !c.isCited();
            if (warned) {
                sink.warning(at, "these values have no source or assumption; add 'source:' (a citation or the id of a reference) "
                        + "or 'assumption:' (what was assumed, and why)");
            }
            // one warning per uncited part: what is inside it is covered by the same warning
            covered = cited || c.isCited() || warned;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(component, record);
            JsonPointer child = at.appendProperty(component.getName());
            String childPlace = place.isEmpty() ? component.getName() : place + "." + component.getName();
            if (value == null) {
                if (component.isAnnotationPresent(Required.class)) {
                    JsonPropertyDescription d = component.getAnnotation(JsonPropertyDescription.class);
                    sink.error(child, "missing field '" + component.getName() + "'" + (d == null ? "" : " (" + d.value() + ")"));
                }
            } else {
                walk(value, child, childPlace, covered);
            }
        }
    }

    private void checkSource(Cited c, JsonPointer at) {
        String source = c.source();
        if (source != null && !source.isBlank() && source.strip().matches("[A-Za-z][A-Za-z0-9_.-]*")
                && !references.contains(source.strip())) {
            sink.warning(at.appendProperty("source"), "'" + source + "' looks like a reference id, but the protocol's references"
                    + (references.isEmpty() ? " are empty" : " have no such id (they are " + String.join(", ", references) + ")"));
        }
    }

    private void empty(JsonPointer at, String message) {
        sink.error(at, message);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
