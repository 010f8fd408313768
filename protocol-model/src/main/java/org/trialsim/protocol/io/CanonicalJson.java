package org.trialsim.protocol.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Protocol;

/**
 * Writes a protocol's canonical JSON, the text its content hash is taken of, byte for byte as the JSON
 * writing mapper of {@link Mappers} writes it, without making that mapper: its set-up and Jackson's
 * introspection of the model's records for writing took more processor time than anything else in a
 * fresh JVM's {@code simulate} but the simulation (which prints the hash). Jackson's rules, as {@link
 * Mappers#writer} sets them: indented by Jackson's default pretty printer; absent and empty values left
 * out (only absent ones where a record says {@code @JsonInclude(NON_NULL)}), map entries too; the
 * properties in {@code @JsonPropertyOrder}, then in component order; a type field first; enums by their
 * {@code @JsonProperty} names; a condition as its text.
 *
 * <p>Where a value is not one of the kinds the model holds, or its text would take Jackson's less common
 * paths (a number that is not finite, a character beyond Unicode's basic plane), it declines and the mapper writes the JSON.
 * {@code CanonicalJsonTest} compares both on every protocol file the project has.
 */
final class CanonicalJson {
    /** How each model record and enum is written, found by reflection once per class. */
    private static final Shapes SHAPES = new Shapes(CanonicalJson::newShape);
    private static final String LINE_FEED = System.lineSeparator(); // as Jackson's DefaultIndenter
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1 << 16);

    private CanonicalJson() {
    }

    /** A record: its properties in the order written, whether it leaves out only nulls, and its type id if it has one. */
    private record RecordShape(List<Field> fields, boolean nonNull, String typeId) {
    }

    /** The canonical JSON of the protocol as UTF-8, or null if this writer declines it. */
    static byte[] bytes(Protocol protocol) {
        try {
            CanonicalJson json = new CanonicalJson();
            json.value(protocol, 0);
            return json.out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (Declined | ReflectiveOperationException | RuntimeException e) {
            // a fault in this writer, too, must leave the hash to the mapper, not fail the run
            return null;
        }
    }

    /** Writes a value that is not left out; {@code level} is the number of objects open around it. */
    private void value(Object value, int level) throws Declined, ReflectiveOperationException {
        if (value instanceof String s) {
            string(s);
        } else if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw Declined.INSTANCE;
            }
            out.append(Double.toString(d));
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Condition c) {
            string(c.text());
        } else if (value instanceof Enum<?> e) {
            @SuppressWarnings("unchecked")
            Map<Object, String> names = (Map<Object, String>) SHAPES.of(e.getDeclaringClass());
            string(names.get(e));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? " " : ", ");
                value(list.get(i), level);
            }
            out.append(" ]");
        } else if (value instanceof Map<?, ?> map) {
            int written = 0;
            out.append('{');
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw Declined.INSTANCE;
                }
                if (!empty(e.getValue())) {
                    written = field(key, e.getValue(), level + 1, written);
                }
            }
            end(level, written);
        } else if (value != null && value.getClass().isRecord()) {
            record(value, level);
        } else {
            throw Declined.INSTANCE;
        }
    }

    private void record(Object value, int level) throws Declined, ReflectiveOperationException {
        RecordShape shape = (RecordShape) SHAPES.of(value.getClass());
        int written = 0;
        out.append('{');
        if (shape.typeId() != null) {
            written = field("type", shape.typeId(), level + 1, written);
        }
        for (Field f : shape.fields()) {
            Object v = f.get(value);
            if (shape.nonNull() ? v != null : !empty(v)) {
                written = field(f.getName(), v, level + 1, written);
            }
        }
        end(level, written);
    }

    /** Writes one property of an object whose fields stand at {@code level}; returns the number written. */
    private int field(String name, Object value, int level, int written) throws Declined, ReflectiveOperationException {
        out.append(written == 0 ? "" : ",").append(LINE_FEED);
        indent(level);
        string(name);
        out.append(" : ");
        value(value, level);
        return written + 1;
    }

    private void end(int level, int written) {
        if (written == 0) {
            out.append(" }");
        } else {
            out.append(LINE_FEED);
            indent(level);
            out.append('}');
        }
    }

    private void indent(int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    /** Jackson's NON_EMPTY: absent, or an empty text, list or map (or a condition of no text). */
    private static boolean empty(Object v) {
        return v == null || v instanceof String s && s.isEmpty() || v instanceof Collection<?> c && c.isEmpty()
                || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof Condition c && c.text().isEmpty();
    }

    /** A JSON text escaped as Jackson escapes it: quote, backslash and control characters, nothing else. */
    private void string(String s) throws Declined {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                throw Declined.INSTANCE; // the mapper writes a character beyond the basic plane in a form of its own
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** How a type is written, or {@link Declined#INSTANCE} for a type this writer leaves to the mapper. */
    private static Object newShape(Class<?> type) {
        try {
            if (type.isEnum()) {
                Map<Object, String> names = new HashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                    names.put(constant, property == null ? name : property.value());
                }
                return names;
            }
            JsonInclude include = type.getAnnotation(JsonInclude.class);
            if (include != null && include.value() != JsonInclude.Include.NON_NULL || type.isAnnotationPresent(JsonTypeInfo.class)) {
                return Declined.INSTANCE;
            }
            List<String> order = new ArrayList<>();
            JsonPropertyOrder declared = type.getAnnotation(JsonPropertyOrder.class);
            if (declared != null) {
                order.addAll(List.of(declared.value()));
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (!order.contains(component.getName())) {
                    order.add(component.getName());
                }
            }
            List<Field> fields = new ArrayList<>();
            for (String name : order) {
                Field field = type.getDeclaredField(name);
                if (!field.trySetAccessible()) {
                    return Declined.INSTANCE;
                }
                fields.add(field);
            }
            return new RecordShape(List.copyOf(fields), include != null, typeId(type));
        } catch (NoSuchFieldException e) {
            return Declined.INSTANCE;
        }
    }

    /** The name a record is written under in its interface's type field, or null if it has none. */
    private static String typeId(Class<?> type) throws NoSuchFieldException {
        String id = null;
        for (Class<?> supertype : type.getInterfaces()) {
            JsonTypeInfo info = supertype.getAnnotation(JsonTypeInfo.class);
            JsonSubTypes subtypes = supertype.getAnnotation(JsonSubTypes.class);
            if (info == null) {
                continue;
            }
            if (id != null || subtypes == null || info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY
                    || !info.property().equals("type")) {
                throw new NoSuchFieldException("a type information this writer does not write");
            }
            for (JsonSubTypes.Type subtype : subtypes.value()) {
                if (subtype.value() == type) {
                    id = subtype.name();
                }
            }
            if (id == null || id.isEmpty()) {
                throw new NoSuchFieldException("no type id");
            }
        }
        return id;
    }
}
