package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.validation.ProblemSink;

/**
 * Turns Jackson's binding failures into problems and lets binding go on, so that one pass finds every
 * unknown field, wrong type and unknown type id in the file. The value that failed becomes null (and
 * validation does not report it again as missing).
 */
final class ProblemCollector extends DeserializationProblemHandler {
    private final ProblemSink sink;
    private final List<JsonPointer> failedPointers = new ArrayList<>();

    ProblemCollector(ProblemSink sink) {
        this.sink = sink;
    }

    /**
     * Pointers of values that failed to bind (and of the fields a misspelt name was probably meant to
     * be), around which validation's later findings would only repeat the problem.
     */
    List<JsonPointer> failedPointers() {
        return failedPointers;
    }

    private JsonPointer report(JsonParser p, String message) {
        JsonPointer at = p.getParsingContext().pathAsPointer();
        failedPointers.add(at);
        sink.error(at, message);
        return at;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        Collection<Object> known = deserializer.getKnownPropertyNames();
        List<String> names = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
        String suggestion = Spelling.suggest(propertyName, names);
        String message = "unknown field '" + propertyName + "'";
        JsonPointer at = p.getParsingContext().pathAsPointer();
        if (suggestion != null) {
            message += " (did you mean '" + suggestion + "'?)";
            failedPointers.add(at.head().appendProperty(suggestion));
        } else if (!names.isEmpty()) {
            message += "; the fields allowed here are " + Describe.list(names);
        }
        sink.error(at, message);
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        report(p, "expected " + Describe.expected(targetType) + " but found " + Describe.found(p));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        JsonParser p = ctxt.getParser();
        if (targetType.isEnum()) {
            List<String> names = Describe.enumNames(targetType);
            report(p, "'" + Describe.abbreviate(value) + "' is not one of " + String.join(", ", names) + Spelling.hint(value, names));
        } else {
            report(p, "expected " + Describe.expected(ctxt.constructType(targetType)) + " but found the text '"
                    + Describe.abbreviate(value) + "'");
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        report(ctxt.getParser(), "expected " + Describe.expected(ctxt.constructType(targetType)) + " but found the number " + value);
        return null;
    }

    @Override
    public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType targetType, Object value, JsonParser p) {
        report(p, "expected " + Describe.expected(targetType) + " but found " + Describe.found(p));
        return null;
    }

    @Override
    public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
                                        TypeIdResolver idResolver, String failureMsg) {
        List<String> ids = typeIds(idResolver);
        typeFailed(ctxt.getParser(), "unknown type '" + subTypeId + "'" + Spelling.hint(subTypeId, ids) + "; the type of "
                + article(Describe.typeName(baseType.getRawClass())) + " is one of " + String.join(", ", ids));
        return ctxt.constructType(Void.class);
    }

    @Override
    public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
                                        String failureMsg) {
        typeFailed(ctxt.getParser(), "missing field 'type': say which kind of " + Describe.typeName(baseType.getRawClass())
                + " this is, one of " + String.join(", ", typeIds(idResolver)));
        return ctxt.constructType(Void.class);
    }

    private void typeFailed(JsonParser p, String message) {
        JsonPointer at = report(p, message);
        if (at.getMatchingProperty() != null && at.getMatchingProperty().equals("type")) {
            failedPointers.add(at.head());
        }
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) {
        // t's message is Jackson's or the JDK's, not for a protocol's author
        report(ctxt.getParser(), "cannot make " + article(Describe.typeName(instClass)) + " from this value");
        return null;
    }

    private static List<String> typeIds(TypeIdResolver resolver) {
        String desc = resolver.getDescForKnownTypeIds();
        if (desc == null) {
            return List.of();
        }
        return List.of(desc.replaceAll("[\\[\\]]", "").split("\\s*,\\s*"));
    }

    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 || noun.startsWith("MRD") ? "an " : "a ") + noun;
    }
}
