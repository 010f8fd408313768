package org.trialsim.protocol.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Condition;

/** Plain words for what a field expects and what a file holds, for problem messages. */
final class Describe {
    private Describe() {
    }

    /** What a value of the type looks like: "a number", "a list", "one of: a, b". */
    static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Double.class || raw == double.class || raw == Float.class) {
            return "a number";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a text";
        }
        if (raw == Condition.class) {
            return "a condition (a text such as \"mrd < 1e-4\")";
        }
        if (raw.isEnum()) {
            return "one of: " + String.join(", ", enumNames(raw));
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        if (type.isMapLikeType()) {
            return "a mapping of names to " + plural(type.getContentType());
        }
        return "a mapping (" + typeName(raw) + ")";
    }

    private static String plural(JavaType content) {
        String one = expected(content);
        return one.startsWith("a mapping (") ? typeName(content.getRawClass()) + "s"
                : one.replaceFirst("^an? ", "") + "s";
    }

    /** What the parser is looking at: "the text 'x'", "a list". */
    static String found(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        try {
            return switch (t) {
                case START_OBJECT, FIELD_NAME -> "a mapping";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "the text '" + abbreviate(p.getText()) + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "an empty value";
                default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
            };
        } catch (IOException e) {
            return "an unreadable value";
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The names of an enum's constants as written in files. */
    static List<String> enumNames(Class<?> enumClass) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumClass.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = enumClass.getField(name).getAnnotation(JsonProperty.class);
                names.add(property != null ? property.value() : name);
            } catch (NoSuchFieldException e) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * A readable name for a model type: its type id where it is a subtype ("block"), otherwise its
     * name in words ("mrd response").
     */
    static String typeName(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
            if (subTypes != null) {
                for (JsonSubTypes.Type t : subTypes.value()) {
                    if (t.value() == type) {
                        return t.name();
                    }
                }
            }
        }
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).replace("mrd", "MRD");
    }

    /** "a, b and c". */
    static String list(Collection<?> items) {
        List<String> s = items.stream().map(String::valueOf).toList();
        if (s.size() <= 1) {
            return String.join("", s);
        }
        return String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }
}
