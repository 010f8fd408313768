package org.trialsim.protocol.io;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.trialsim.protocol.Condition;

/**
 * Writes a value as JSON text byte for byte as a Jackson mapper would, without making that mapper, by
 * reflection over records with each class's shape worked out once ({@link Shapes}); the mapper's set-up
 * and Jackson's introspection of the records cost a fresh JVM more than the writing. Two sets of rules
 * ({@link Rules}): the protocols' canonical JSON ({@link CanonicalJson}) and the command-line tool's results
 * ({@link ResultJson}). Both: indented by Jackson's default pretty printer ({@code " : "}, {@code "[ a, b ]"},
 * {@code "[ ]"}, {@code "{ }"}, the platform's line separator); a record's properties in {@code
 * @JsonPropertyOrder}, then in component order, a type field first; absent values left out where the
 * record or the property says {@code @JsonInclude(NON_NULL)}; enums by their {@code @JsonProperty} names;
 * a condition as its text (its {@code @JsonValue}); map entries in the map's order.
 *
 * <p>Where a value is not one of the kinds it writes, or its text would take Jackson's less common paths (a
 * character beyond Unicode's basic plane, an array, a number other than an int, long or double), it declines
 * and the caller's mapper writes the JSON; a fault in this writer declines too.
 */
final class JsonText {
    private static final String LINE_FEED = System.lineSeparator(); // as Jackson's DefaultIndenter
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Rules rules;

    private JsonText(Rules rules) {
        this.rules = rules;
    }

    /**
     * How a mapper writes what this writer does not see in the value: its default inclusion, its numbers
     * that are not finite, and how far a class's Jackson annotations are to be trusted. Each set keeps the
     * shapes of the classes it has written.
     */
    static final class Rules {
        /**
         * The protocols' ({@link Mappers#writer}): absent and empty values and map entries left out (Jackson's
         * NON_EMPTY), a number that is not finite declined; the model's other annotations (for reading, and its
         * descriptions) are taken as they are, as {@code CanonicalJsonTest} proves on every protocol file.
         */
        static final Rules PROTOCOL = new Rules(true, false, false);
        /**
         * The results' (the command-line tool's {@code Json}): every property written, absent ones as null
         * (Jackson's ALWAYS), a number that is not finite written as null, every map entry written (one whose
         * value is absent declined); a class, interface, member or component with a Jackson annotation other
         * than {@code @JsonInclude(NON_NULL)} and {@code @JsonPropertyOrder} (on the class), or with a public
         * method that Jackson would take for a getter (get..., is...), declined; {@code ResultJsonTest} (cli)
         * compares both on every result type the commands write.
         */
        static final Rules RESULT = new Rules(false, true, true);

        private final boolean leaveOutEmpty;
        private final boolean nonFiniteAsNull;
        private final boolean onlyKnownAnnotations;
        private final Shapes shapes;

        private Rules(boolean leaveOutEmpty, boolean nonFiniteAsNull, boolean onlyKnownAnnotations) {
            this.leaveOutEmpty = leaveOutEmpty;
            this.nonFiniteAsNull = nonFiniteAsNull;
            this.onlyKnownAnnotations = onlyKnownAnnotations;
            this.shapes = new Shapes(type -> newShape(type, this));
        }

        /** Whether a value of the type may be written (its shape worked out and kept), not whether all its values can. */
        boolean writes(Class<?> type) {
            try {
                shapes.of(type);
                return true;
            } catch (Declined | RuntimeException e) {
                return false;
            }
        }
    }

    /** One property of a record: its field, and whether it is left out when absent (and only then). */
    private record Property(Field field, boolean nonNull) {
    }

    /** A record: its properties in the order written, and its type id if it has one. */
    private record RecordShape(List<Property> properties, String typeId) {
    }

    /** The value's JSON text by the rules, or null if this writer declines it. */
    static String write(Object value, Rules rules) {
        try {
            JsonText json = new JsonText(rules);
            json.value(value, 0);
            return json.out.toString();
        } catch (Declined | ReflectiveOperationException | RuntimeException e) {
            // a fault in this writer, too, must leave the JSON to the mapper, not fail the run
            return null;
        }
    }

    /** Writes a value that is not left out; {@code level} is the number of objects open around it. */
    private void value(Object value, int level) throws Declined, ReflectiveOperationException {
        if (value == null) {
            if (rules.leaveOutEmpty) {
                throw Declined.INSTANCE; // an absent element of a list, which these rules leave to the mapper
            }
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                out.append(Double.toString(d));
            } else if (rules.nonFiniteAsNull) {
                out.append("null");
            } else {
                throw Declined.INSTANCE;
            }
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Condition c) {
            string(c.text()); // its @JsonValue
        } else if (value instanceof Enum<?> e) {
            @SuppressWarnings("unchecked")
            Map<Object, String> names = (Map<Object, String>) rules.shapes.of(e.getDeclaringClass());
            string(names.get(e));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? " " : ", ");
                value(list.get(i), level);
            }
            out.append(" ]");
        } else if (value instanceof Map<?, ?> map) {
            map(map, level);
        } else if (value.getClass().isRecord()) {
            record(value, level);
        } else {
            throw Declined.INSTANCE;
        }
    }

    private void map(Map<?, ?> map, int level) throws Declined, ReflectiveOperationException {
        int written = 0;
        out.append('{');
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || e.getValue() == null && !rules.leaveOutEmpty) {
                throw Declined.INSTANCE;
            }
            if (!rules.leaveOutEmpty || !empty(e.getValue())) {
                written = field(key, e.getValue(), level + 1, written);
            }
        }
        end(level, written);
    }

    private void record(Object value, int level) throws Declined, ReflectiveOperationException {
        RecordShape shape = (RecordShape) rules.shapes.of(value.getClass());
        int written = 0;
        out.append('{');
        if (shape.typeId() != null) {
            written = field("type", shape.typeId(), level + 1, written);
        }
        for (Property p : shape.properties()) {
            Object v = p.field().get(value);
            if (p.nonNull() ? v != null : !rules.leaveOutEmpty || !empty(v)) {
                written = field(p.field().getName(), v, level + 1, written);
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

    /** How a type is written by the rules, or {@link Declined#INSTANCE} for a type this writer leaves to the mapper. */
    private static Object newShape(Class<?> type, Rules rules) {
        try {
            if (type.isEnum()) {
                return enumNames(type, rules);
            }
            if (!type.isRecord() || rules.onlyKnownAnnotations && !onlyKnownAnnotations(type)) {
                return Declined.INSTANCE;
            }
            JsonInclude include = type.getAnnotation(JsonInclude.class);
            if (include != null && !nonNull(include) || type.isAnnotationPresent(JsonTypeInfo.class)) {
                return Declined.INSTANCE;
            }
            List<String> order = new ArrayList<>();
            JsonPropertyOrder declared = type.getAnnotation(JsonPropertyOrder.class);
            if (declared != null) {
                if (declared.alphabetic()) {
                    return Declined.INSTANCE;
                }
                order.addAll(List.of(declared.value()));
            }
            Map<String, RecordComponent> components = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                components.put(component.getName(), component);
                if (!order.contains(component.getName())) {
                    order.add(component.getName());
                }
            }
            List<Property> properties = new ArrayList<>();
            for (String name : order) {
                Field field = type.getDeclaredField(name);
                RecordComponent component = components.get(name);
                if (component == null || !field.trySetAccessible()) {
                    return Declined.INSTANCE;
                }
                properties.add(new Property(field, include != null || nonNull(field.getAnnotation(JsonInclude.class))
                        || nonNull(component.getAnnotation(JsonInclude.class)) || nonNull(component.getAccessor().getAnnotation(JsonInclude.class))));
            }
            return new RecordShape(List.copyOf(properties), typeId(type));
        } catch (NoSuchFieldException e) {
            return Declined.INSTANCE;
        }
    }

    /** An enum's constants' names, each its {@code @JsonProperty} name where it has one. */
    private static Object enumNames(Class<?> type, Rules rules) throws NoSuchFieldException {
        if (rules.onlyKnownAnnotations && (hasJackson(type.getAnnotations()) || anyMemberHasJackson(type, a -> a instanceof JsonProperty))) {
            return Declined.INSTANCE;
        }
        Map<Object, String> names = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
            names.put(constant, property == null ? name : property.value());
        }
        return names;
    }

    /** {@code @JsonInclude(NON_NULL)} on its own (no content, filter or other rule), as a result record may say. */
    private static boolean nonNull(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL
                && (include.content() == JsonInclude.Include.ALWAYS || include.content() == JsonInclude.Include.USE_DEFAULTS)
                && include.valueFilter() == Void.class && include.contentFilter() == Void.class;
    }

    /**
     * Whether the record's Jackson annotations, wherever they are (the class, its interfaces, fields, methods,
     * constructors, components and parameters), are only {@code @JsonInclude(NON_NULL)} and {@code
     * @JsonPropertyOrder}, and no public method but its components' accessors looks like a getter to Jackson.
     */
    private static boolean onlyKnownAnnotations(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            if (isJackson(a) && !(knownOnMember(a) || a instanceof JsonPropertyOrder)) {
                return false;
            }
        }
        if (anyMemberHasJackson(type, JsonText::knownOnMember)) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!onlyKnownOnMember(component.getAnnotations())) {
                return false;
            }
        }
        for (Class<?> supertype = type; supertype != null; supertype = supertype.getSuperclass()) {
            for (Class<?> face : supertype.getInterfaces()) {
                if (!noJacksonInInterface(face)) {
                    return false;
                }
            }
        }
        for (Method m : type.getMethods()) {
            String name = m.getName();
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() != void.class
                    && m.getDeclaringClass() != Object.class && m.getDeclaringClass() != Record.class
                    && (name.startsWith("get") || name.startsWith("is"))) {
                return false; // a getter Jackson may write as a property of its own
            }
        }
        return true;
    }

    /** Whether an interface and those it extends carry no Jackson annotation, on themselves or their methods. */
    private static boolean noJacksonInInterface(Class<?> face) {
        if (hasJackson(face.getAnnotations())) {
            return false;
        }
        for (Method m : face.getDeclaredMethods()) {
            if (hasJackson(m.getAnnotations())) {
                return false;
            }
        }
        for (Class<?> superface : face.getInterfaces()) {
            if (!noJacksonInInterface(superface)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a field, method, constructor or parameter of the type has a Jackson annotation that is not {@code known}. */
    private static boolean anyMemberHasJackson(Class<?> type, Predicate<Annotation> known) {
        List<AnnotatedElement> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredFields()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (Executable e : type.getDeclaredMethods()) {
            members.addAll(List.of(e.getParameters()));
        }
        for (Executable e : type.getDeclaredConstructors()) {
            members.addAll(List.of(e.getParameters()));
        }
        for (AnnotatedElement member : members) {
            for (Annotation a : member.getAnnotations()) {
                if (isJackson(a) && !known.test(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one Jackson annotation a result record's member may have: {@code @JsonInclude(NON_NULL)}. */
    private static boolean knownOnMember(Annotation a) {
        return a instanceof JsonInclude i && nonNull(i);
    }

    private static boolean onlyKnownOnMember(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (isJackson(a) && !knownOnMember(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasJackson(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (isJackson(a)) {
                return true;
            }
        }
        return false;
    }

    /** One of Jackson's annotations, or a bundle of them ({@code @JacksonAnnotationsInside}). */
    private static boolean isJackson(Annotation a) {
        Class<? extends Annotation> t = a.annotationType();
        return t.getName().startsWith("com.fasterxml.jackson.") || t.isAnnotationPresent(JacksonAnnotationsInside.class);
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
