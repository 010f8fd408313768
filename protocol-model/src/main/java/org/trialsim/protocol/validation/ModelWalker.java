package org.trialsim.protocol.validation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonPointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Extensible;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.Required;
import org.trialsim.protocol.condition.Spelling;

/**
 * The checks that apply to every part of a protocol alike, by walking the model's records:
 * lists and mappings longer than their bound ({@link ListLimits}), required fields that are missing,
 * empty entries in lists and mappings, numbers outside their field's {@link Range}, names of
 * {@link Extensible} implementations, parameters that no source or assumption covers, and sources that
 * look like a reference id but name none.
 */
final class ModelWalker {
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** Each record type's components, looked up once: reflection makes a new array every time. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private final ProblemSink sink;
    private final Set<String> references;
    private boolean oversized;
    private final Values values;

    ModelWalker(ProblemSink sink, Set<String> references) {
        this.sink = sink;
        this.values = new Values(sink);
        this.references = references;
    }

    /** Walks the protocol (or a part of it at the given pointer, its place given as in {@link ListLimits}). */
    void walk(Object value, JsonPointer at) {
        walk(value, new Where(null, at, null, -1), "", false);
    }

    /** Whether some list or mapping was longer than its bound (its entries were then not walked). */
    boolean foundOversized() {
        return oversized;
    }

    /**
     * Where a value stands: its parent and its field name or index. The JSON pointer is built only for a
     * problem, since building one for every value of a large file took most of the walk's time.
     */
    private record Where(Where parent, JsonPointer root, String property, int index) {
        Where property(String name) {
            return new Where(this, null, name, -1);
        }

        Where index(int i) {
            return new Where(this, null, null, i);
        }

        JsonPointer pointer() {
            if (parent == null) {
                return root;
            }
            JsonPointer p = parent.pointer();
            return property != null ? p.appendProperty(property) : p.appendIndex(index);
        }
    }

    private void walk(Object value, Where at, String place, boolean cited) {
        if (value instanceof Record record) {
            walkRecord(record, at, place, cited);
        } else if (value instanceof List<?> list) {
            if (tooLong(list.size(), at, place, "list")) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                Where child = at.index(i);
                if (list.get(i) == null) {
                    sink.error(child.pointer(), "entry " + (i + 1) + " of this list is empty");
                } else {
                    walk(list.get(i), child, place + "[]", cited);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            if (tooLong(map.size(), at, place, "mapping")) {
                return;
            }
            map.forEach((key, v) -> {
                Where child = at.property(String.valueOf(key));
                if (v == null) {
                    sink.error(child.pointer(), "'" + key + "' has no value");
                } else {
                    walk(v, child, place + ".*", cited);
                }
            });
        }
    }

    /** Reports a list or mapping longer than its bound; its entries are then left alone, as they may be many. */
    private boolean tooLong(int size, Where at, String place, String what) {
        ListLimits.Limit limit = ListLimits.at(place);
        if (size <= limit.max()) {
            return false;
        }
        oversized = true;
        sink.error(at.pointer(), String.format(Locale.ROOT, "this %s has %,d entries, more than the %,d allowed here: %s", what, size,
                limit.max(), limit.why()));
        return true;
    }

    private void walkRecord(Record record, Where at, String place, boolean cited) {
        boolean covered = cited;
        if (record instanceof Cited c) {
            checkSource(c, at);
            boolean warned = c.needsCitation() && !cited && !c.isCited();
            if (warned) {
                sink.warning(at.pointer(), "these values have no source or assumption; add 'source:' (a citation or the id of a"
                        + " reference) or 'assumption:' (what was assumed, and why)");
            }
            // one warning per uncited part: what is inside it is covered by the same warning
            covered = cited || c.isCited() || warned;
        }
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            Object value = read(component, record);
            Where child = at.property(component.getName());
            if (value == null) {
                if (component.isAnnotationPresent(Required.class)) {
                    JsonPropertyDescription d = component.getAnnotation(JsonPropertyDescription.class);
                    sink.error(child.pointer(), "missing field '" + component.getName() + "'" + (d == null ? "" : " (" + d.value() + ")"));
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
                walk(value, child, place.isEmpty() ? component.getName() : place + "." + component.getName(), covered);
            }
        }
    }

    /** A number, or each number of a list or mapping, against the field's range; the pointer is built only for a problem. */
    private void checkRange(Object value, Range range, Where at, String name) {
        if (value instanceof Number n) {
            inRange(n, range, at, name);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number n) {
                    inRange(n, range, at.index(i), name + "[" + i + "]");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if (v instanceof Number n) {
                    inRange(n, range, at.property(String.valueOf(key)), name + "." + key);
                }
            });
        }
    }

    private void inRange(Number n, Range range, Where at, String name) {
        if (!Values.contains(range, n.doubleValue())) {
            values.inRange(n, range, at.pointer(), name);
        }
    }

    /**
     * A name the simulator looks up: an error if it cannot be a name, a warning if it is not built in
     * (only the simulator, with its extensions, knows whether it names something).
     */
    private void checkName(String name, Extensible extensible, Where at) {
        List<String> builtIns = List.of(extensible.builtIns());
        if (builtIns.contains(name)) {
            return;
        }
        if (name.length() > Extensible.MAX_NAME_LENGTH || !name.matches(Extensible.NAME_PATTERN)) {
            sink.error(at.pointer(), shown(name) + " is not a " + extensible.kind() + ": a name is lower-case letters"
                    + " and digits in words joined by hyphens, at most " + Extensible.MAX_NAME_LENGTH + " characters; the built-in"
                    + " ones are " + String.join(", ", builtIns) + Spelling.hint(name, builtIns));
            return;
        }
        sink.warning(at.pointer(), "'" + name + "' is not a built-in " + extensible.kind() + " (" + String.join(", ", builtIns) + ")"
                + Spelling.hint(name, builtIns) + "; the trial can be simulated only with an extension on the class path that adds"
                + " it (docs/extending.md)");
    }

    /** A text that failed the name check, quoted for a message: at most 40 characters, control characters made visible. */
    private static String shown(String text) {
        return "'" + ControlCharacters.visible(text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private void checkSource(Cited c, Where at) {
        String source = c.source();
        if (source != null && !source.isBlank() && REFERENCE_ID.matcher(source.strip()).matches()
                && !references.contains(source.strip())) {
            sink.warning(at.property("source").pointer(), "'" + source + "' looks like a reference id, but the protocol's references"
                    + (references.isEmpty() ? " are empty" : " have no such id (they are " + String.join(", ", references) + ")"));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
