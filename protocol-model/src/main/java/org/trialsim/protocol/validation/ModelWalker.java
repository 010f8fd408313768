package org.trialsim.protocol.validation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonPointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.Extensible;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.Required;
import org.trialsim.protocol.condition.Spelling;

/**
 * The checks that apply to every part of a protocol alike, by walking the model's records:
 * required fields that are missing, empty entries in lists and mappings, numbers outside their
 * field's {@link Range}, names of {@link Extensible} implementations, parameters that no source or assumption covers, and sources that look like
 * a reference id but name none.
 */
final class ModelWalker {
    private final ProblemSink sink;
    private final Values values;
    private final Set<String> references;

    ModelWalker(ProblemSink sink, Set<String> references) {
        this.sink = sink;
        this.values = new Values(sink);
        this.references = references;
    }

    void walk(Object value, JsonPointer at) {
        walk(value, at, false);
    }

    private void walk(Object value, JsonPointer at, boolean cited) {
        if (value instanceof Record record) {
            walkRecord(record, at, cited);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                if (list.get(i) == null) {
                    empty(child, "entry " + (i + 1) + " of this list is empty");
                } else {
                    walk(list.get(i), child, cited);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                JsonPointer child = at.appendProperty(String.valueOf(key));
                if (v == null) {
                    empty(child, "'" + key + "' has no value");
                } else {
                    walk(v, child, cited);
                }
            });
        }
    }

    private void walkRecord(Record record, JsonPointer at, boolean cited) {
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
            if (value == null) {
                if (component.isAnnotationPresent(Required.class)) {
                    JsonPropertyDescription d = component.getAnnotation(JsonPropertyDescription.class);
                    sink.error(child, "missing field '" + component.getName() + "'" + (d == null ? "" : " (" + d.value() + ")"));
                }
            } else {
                Range range = component.getAnnotation(Range.class);
                if (range != null) {
                    checkRange(value, range, child, component.getName());
                }
                Extensible extensible = component.getAnnotation(Extensible.class);
                if (extensible != null && value instanceof String name) {
                    checkName(name, extensible, child);
                }
                walk(value, child, covered);
            }
        }
    }

    /** A number, or each number of a list or mapping, against the field's range. */
    private void checkRange(Object value, Range range, JsonPointer at, String name) {
        if (value instanceof Number n) {
            values.inRange(n, range, at, name);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number n) {
                    values.inRange(n, range, at.appendIndex(i), name + "[" + i + "]");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if (v instanceof Number n) {
                    values.inRange(n, range, at.appendProperty(String.valueOf(key)), name + "." + key);
                }
            });
        }
    }

    /**
     * A name the simulator looks up: an error if it cannot be a name, a warning if it is not built in
     * (only the simulator, with its extensions, knows whether it names something).
     */
    private void checkName(String name, Extensible extensible, JsonPointer at) {
        List<String> builtIns = List.of(extensible.builtIns());
        if (builtIns.contains(name)) {
            return;
        }
        if (name.length() > Extensible.MAX_NAME_LENGTH || !name.matches(Extensible.NAME_PATTERN)) {
            sink.error(at, shown(name) + " is not a " + extensible.kind() + ": a name is lower-case letters"
                    + " and digits in words joined by hyphens, at most " + Extensible.MAX_NAME_LENGTH + " characters; the built-in"
                    + " ones are " + String.join(", ", builtIns) + Spelling.hint(name, builtIns));
            return;
        }
        sink.warning(at, "'" + name + "' is not a built-in " + extensible.kind() + " (" + String.join(", ", builtIns) + ")"
                + Spelling.hint(name, builtIns) + "; the trial can be simulated only with an extension on the class path that adds"
                + " it (docs/extending.md)");
    }

    /**
     * A text that failed the name check, quoted for a message: at most 40 characters, with anything but
     * printable ASCII written as a Unicode escape, so that a control character cannot reach a terminal.
     */
    private static String shown(String text) {
        StringBuilder b = new StringBuilder("'");
        int end = Math.min(text.length(), 40);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.append(end < text.length() ? "...'" : "'").toString();
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
