package org.trialsim.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.trial.TrialResult;

/**
 * A result saved by {@code --format json}, read back so that {@code trialsim report} writes its page
 * without simulating again: a cohort ({@code simulate}), a trial design's operating characteristics
 * ({@code trial}), an exploration ({@code explore}) or an escalation ({@code escalate}). Reading is strict and bounded like reading a
 * protocol: at most {@value #MAX_BYTES} bytes (checked by the caller as it reads), nesting at most
 * {@value #MAX_DEPTH} deep, texts at most {@value #MAX_TEXT} characters, numbers at most 100 digits;
 * an unknown field, a missing part or a trailing token is an error with its line and column. A
 * {@code null} where a number belongs is read as NaN, since the JSON writer writes NaN as null.
 */
public sealed interface SavedResult {
    /** The largest result file read, in bytes: a cohort of many arms over decades of months is a few MiB. */
    int MAX_BYTES = 64 << 20;
    /** The deepest nesting read; a result is nested about eight levels deep. */
    int MAX_DEPTH = 32;
    /** The longest text read, in characters (a protocol's texts are at most 64 KiB). */
    int MAX_TEXT = 1 << 20;

    /** A saved cohort. */
    record Cohort(CohortResult result) implements SavedResult {
    }

    /** A saved trial result. */
    record Trial(TrialResult result) implements SavedResult {
    }

    /** A saved exploration ({@code explore}). */
    record Explore(ExploreResult result) implements SavedResult {
    }

    /**
     * A saved escalation, with the protocol its parameters came from, if any.
     *
     * @param protocolSource  where the protocol was read from, or null
     * @param contentHash     its content hash, or null
     */
    record Escalation(EscalationResult result, String protocolSource, String contentHash) implements SavedResult {
    }

    /** Why a file is not a result that can be read back, with its place. */
    final class NotAResult extends Exception {
        private static final long serialVersionUID = 1L;

        NotAResult(String message) {
            super(message);
        }
    }

    /**
     * Reads a saved result.
     *
     * @param json the file's bytes (at most {@link #MAX_BYTES}, which the caller enforces while reading)
     * @throws NotAResult if it is not JSON, not a result trialsim writes, or breaks a bound; the message
     *                    names the line and column
     */
    static SavedResult read(byte[] json) throws NotAResult {
        JsonNode root;
        try {
            root = Reading.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Reading.problem(e);
        } catch (IOException e) {
            throw new NotAResult("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new NotAResult("is not a trialsim result: its JSON is not an object");
        }
        try {
            if (root.path("command").asText("").equals("escalate") && root.has("result")) {
                JsonNode protocol = root.path("protocol");
                return new Escalation(Reading.MAPPER.treeToValue(root.get("result"), EscalationResult.class),
                        protocol.isObject() ? protocol.path("source").asText(null) : null,
                        protocol.isObject() ? protocol.path("contentHash").asText(null) : null);
            }
            JsonNode provenance = root.path("provenance");
            if (provenance.has("replicates") && root.has("cells") && root.has("designs")) {
                return new Explore(Reading.MAPPER.treeToValue(root, ExploreResult.class));
            }
            if (provenance.has("patients") && root.has("arms")) {
                return new Cohort(Reading.MAPPER.treeToValue(root, CohortResult.class));
            }
            if (provenance.has("replicates") && root.has("analyses")) {
                return new Trial(Reading.MAPPER.treeToValue(root, TrialResult.class));
            }
            if (provenance.has("replicates")) {
                throw new NotAResult("is the result of a phase 1-2 design's 'trial', which has no HTML page; 'trialsim trial"
                        + " --format table' writes it");
            }
        } catch (JsonProcessingException e) {
            throw Reading.problem(e);
        }
        throw new NotAResult("is not a result of 'trialsim simulate', 'trial', 'explore' or 'escalate' written with --format json (it has"
                + " neither a provenance nor an escalation)");
    }

    /** The strict, bounded mapper and the messages of its errors. */
    final class Reading {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_TEXT)
                                .maxNumberLength(100).maxDocumentLength(MAX_BYTES).build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule().addDeserializer(double.class, new NullAsNaN(false))
                        .addDeserializer(Double.class, new NullAsNaN(true)).setDeserializerModifier(new EnumsByName()))
                .build();

        private Reading() {
        }

        static NotAResult problem(JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            StringBuilder path = new StringBuilder();
            if (e instanceof JsonMappingException m) {
                for (JsonMappingException.Reference r : m.getPath()) {
                    path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
                }
            }
            String message = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("`[a-z]+(\\.[a-z]+)*\\.([A-Za-z$]+)`", "$2");
            return new NotAResult("is not a result trialsim can read back: " + where + (path.length() == 0 ? "" : "at " + path + ": ")
                    + message);
        }
    }

    /**
     * An enum constant by its Java name as well as by its JSON name: the escalation's scenario writes some
     * of its enums by name ({@code LOST}, {@code WINDOW_END}) where a protocol file spells them
     * {@code lost}, {@code window-end}, and a result is read back as it was written.
     */
    final class EnumsByName extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
            Class<?> enumType = type.getRawClass();
            return new StdDeserializer<Object>(enumType) {
                private static final long serialVersionUID = 1L;

                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        for (Object constant : enumType.getEnumConstants()) {
                            if (((Enum<?>) constant).name().equals(p.getText())) {
                                return constant;
                            }
                        }
                    }
                    return deserializer.deserialize(p, ctxt);
                }
            };
        }
    }

    /**
     * A number, or NaN for null (the JSON writer writes a number that is not finite as null); an optional
     * number that is absent (a look without a futility bound) stays absent.
     */
    final class NullAsNaN extends StdDeserializer<Double> {
        private static final long serialVersionUID = 1L;
        private final boolean optional;

        NullAsNaN(boolean optional) {
            super(Double.class);
            this.optional = optional;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return optional ? null : Double.NaN;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
