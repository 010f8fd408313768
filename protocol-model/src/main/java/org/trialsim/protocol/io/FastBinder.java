package org.trialsim.protocol.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Protocol;

/**
 * Binds a well-formed protocol to the model without Jackson's databind, or declines. Jackson's
 * introspection of the model's some 60 records, run by the interpreter once per process, took more of
 * {@code trialsim validate} than anything else (README, "Whole commands"); this binder reads the
 * same guarded parser's tokens (so the size, length, depth, duplicate-key, alias and tag refusals all
 * still apply) into plain maps, lists and values, and makes each record with its canonical constructor,
 * as Jackson does.
 *
 * <p>It takes only what binds exactly: on anything else (a parse problem, an unknown field, a null, a
 * value of another kind than the component's, as Jackson would coerce or refuse it, an unknown type id, a
 * constructor that throws, more than one document) it declines, and the reader binds with Jackson, whose
 * path reports every problem with its place. So it never reports a problem itself and never judges a
 * protocol: that is left to Jackson's binding and to validation, which sees the same records either way
 * ({@code FastBinderTest} compares both on every built-in, example and test protocol).
 */
final class FastBinder {
    /** How each model type binds, found by reflection once per class. */
    private static final Shapes SHAPES = new Shapes(FastBinder::newShape);

    private FastBinder() {
    }

    /**
     * A record: its canonical constructor, its components' names and types in order, and whether it is one
     * of the records of a {@link Subtypes} type, which Jackson binds only with its type field, even where the
     * record itself is asked for.
     */
    private record RecordShape(Constructor<?> constructor, String[] names, Type[] types, Class<?>[] raw, boolean subtype) {
    }

    /** A type written as one of several records, chosen by a type field. */
    private record Subtypes(String property, Map<String, Class<?>> byName) {
    }

    /** An enum: its constants by the names files write. */
    private record EnumNames(Map<String, Object> byName) {
    }

    /**
     * The protocol the parser's document holds, or null if this binder declines it. The parser is read
     * to the end of the document and one token further (to see that nothing follows), and closed.
     */
    static Protocol bind(JsonParser parser) {
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Object tree = mapping(parser);
            if (parser.nextToken() != null) {
                return null;
            }
            return (Protocol) value(Protocol.class, tree);
        } catch (IOException | Declined | ReflectiveOperationException | RuntimeException e) {
            // a fault in this binder, too, must not cost the user the answer Jackson's path gives
            return null;
        }
    }

    /** Reads a mapping whose start the parser has just read. */
    private static Map<String, Object> mapping(JsonParser parser) throws IOException, Declined {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw Declined.INSTANCE;
            }
            String name = parser.currentName();
            if (fields.put(name, node(parser, parser.nextToken())) != null) {
                throw Declined.INSTANCE;
            }
        }
        return fields;
    }

    /** A value: a map, a list, a text, a number (Integer, Long, BigInteger or Double, as Jackson's tree holds it) or a Boolean. */
    private static Object node(JsonParser parser, JsonToken token) throws IOException, Declined {
        if (token == null) {
            throw Declined.INSTANCE;
        }
        switch (token) {
            case START_OBJECT:
                return mapping(parser);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(node(parser, t));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                throw Declined.INSTANCE; // null, an embedded object
        }
    }

    /** The value of the given model type for a node, exactly as Jackson binds it, or a decline. */
    private static Object value(Type type, Object node) throws Declined, ReflectiveOperationException {
        if (type instanceof ParameterizedType p) {
            return container(p, node);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class && node instanceof String) {
            return node;
        }
        if ((c == Double.class || c == double.class) && node instanceof Number n) {
            return n.doubleValue();
        }
        if ((c == Integer.class || c == int.class) && node instanceof Integer) {
            return node;
        }
        if ((c == Boolean.class || c == boolean.class) && node instanceof Boolean) {
            return node;
        }
        if (c == Condition.class && node instanceof String text) {
            return Condition.of(text); // Condition's delegating creator
        }
        if (node instanceof String name && c.isEnum()) {
            return known(((EnumNames) SHAPES.of(c)).byName().get(name));
        }
        if (node instanceof Map<?, ?> fields && (c.isRecord() || c.isInterface())) {
            Object shape = SHAPES.of(c);
            if (shape instanceof Subtypes subtypes) {
                Map<String, Object> rest = new LinkedHashMap<>();
                fields.forEach((k, v) -> rest.put((String) k, v));
                Object id = rest.remove(subtypes.property());
                return record(known(subtypes.byName().get(id)), rest);
            }
            if (shape instanceof RecordShape r && !r.subtype()) {
                return record(c, fields);
            }
        }
        throw Declined.INSTANCE;
    }

    private static Object container(ParameterizedType type, Object node) throws Declined, ReflectiveOperationException {
        Type[] arguments = type.getActualTypeArguments();
        if (type.getRawType() == List.class && node instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            for (Object element : list) {
                values.add(value(arguments[0], element));
            }
            return values;
        }
        if (type.getRawType() == Map.class && arguments[0] == String.class && node instanceof Map<?, ?> map) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                values.put((String) e.getKey(), value(arguments[1], e.getValue()));
            }
            return values;
        }
        throw Declined.INSTANCE;
    }

    /** A record from its fields; an absent component is null, or zero or false, as Jackson passes it. */
    private static Object record(Class<?> type, Map<?, ?> fields) throws Declined, ReflectiveOperationException {
        if (!(SHAPES.of(type) instanceof RecordShape shape)) {
            throw Declined.INSTANCE;
        }
        Object[] arguments = new Object[shape.names().length];
        int found = 0;
        for (int i = 0; i < arguments.length; i++) {
            Object node = fields.get(shape.names()[i]);
            if (node != null) {
                arguments[i] = value(shape.types()[i], node);
                found++;
            } else if (shape.raw()[i].isPrimitive()) {
                arguments[i] = shape.raw()[i] == boolean.class ? Boolean.FALSE : shape.raw()[i] == int.class ? (Object) 0 : (Object) 0.0;
            }
        }
        if (found != fields.size()) {
            throw Declined.INSTANCE; // a field the record does not have
        }
        return shape.constructor().newInstance(arguments);
    }

    /** Whether a type or one of its supertypes carries Jackson's type information. */
    private static boolean typed(Class<?> type) {
        if (type.isAnnotationPresent(JsonTypeInfo.class)) {
            return true;
        }
        for (Class<?> supertype : type.getInterfaces()) {
            if (typed(supertype)) {
                return true;
            }
        }
        return type.getSuperclass() != null && typed(type.getSuperclass());
    }

    private static <T> T known(T value) throws Declined {
        if (value == null) {
            throw Declined.INSTANCE;
        }
        return value;
    }

    /** How a type binds, or {@link Declined#INSTANCE} for a type this binder leaves to Jackson. */
    private static Object newShape(Class<?> type) {
        if (type.isEnum()) {
            Map<String, Object> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                    byName.put(property == null ? name : property.value(), constant);
                } catch (NoSuchFieldException e) {
                    return Declined.INSTANCE;
                }
            }
            return new EnumNames(byName);
        }
        if (type.isInterface()) {
            JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
            JsonSubTypes subtypes = type.getAnnotation(JsonSubTypes.class);
            if (info == null || subtypes == null || info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY
                    || info.visible()) {
                return Declined.INSTANCE;
            }
            Map<String, Class<?>> byName = new HashMap<>();
            for (JsonSubTypes.Type subtype : subtypes.value()) {
                if (subtype.name().isEmpty() || subtype.names().length > 0) {
                    return Declined.INSTANCE;
                }
                byName.put(subtype.name(), subtype.value());
            }
            return new Subtypes(info.property(), byName);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                if (!constructor.trySetAccessible()) {
                    return Declined.INSTANCE;
                }
                return new RecordShape(constructor, names, types, raw, typed(type));
            } catch (NoSuchMethodException e) {
                return Declined.INSTANCE;
            }
        }
        return Declined.INSTANCE;
    }
}
