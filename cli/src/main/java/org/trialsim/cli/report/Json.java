package org.trialsim.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.protocol.io.ResultJson;
import org.trialsim.simulator.run.Provenance;

/**
 * The one JSON writer for results (cohort, trial, escalation, Simon designs): indented, and a value
 * that is not a finite number (a proportion of 0 patients, the spread of one value) written as null,
 * never as NaN or Infinity, which are not JSON. The rule sits in the generator, so it holds for every
 * number however it is reached: a record's field, an element of an array or list, a tree node.
 */
final class Json {
    private Json() {
    }

    /**
     * The mapper, made when first needed: a result record that {@link ResultJson} writes by this mapper's
     * rules needs none, and making it (and Jackson's introspection of the records) cost a fresh JVM a fifth
     * of a one-replicate trial's wall time (docs/performance.md, "Issue 12, json13").
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .addDecorator((factory, generator) -> new FiniteOrNull(generator))
                        .build())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** An empty JSON object, for a document assembled from parts ({@link #envelope}) and written with {@link #write}. */
    static ObjectNode object() {
        return Mapper.MAPPER.createObjectNode();
    }

    /**
     * The start of a calculator's document ({@code escalate}, {@code design simon}) with the provenance
     * every result carries: tool version, command, and protocol. It keeps the calculators' own shape
     * (the tool and version in one string, the protocol as an object); the values are those of a
     * {@link Provenance}, and the escalation's seed, generator and replicates are in its result.
     *
     * @param protocol the protocol the parameters came from, or null
     */
    static ObjectNode envelope(String command, LoadedProtocol protocol) {
        ObjectNode root = object();
        root.put("tool", Provenance.TOOL + " " + TrialsimVersion.get());
        root.put("command", command);
        if (protocol != null) {
            ObjectNode p = root.putObject("protocol");
            p.put("id", protocol.protocol().id());
            p.put("source", protocol.source());
            p.put("contentHash", protocol.contentHash());
        }
        return root;
    }

    /** A value as a JSON tree (records become objects), to be put in a document written with {@link #write}. */
    static JsonNode tree(Object value) {
        return Mapper.MAPPER.valueToTree(value);
    }

    /**
     * Makes the serializers of a result type beforehand, so that writing a result of it later spends no
     * time on them (Jackson examines every record in it by reflection once, a tenth of a second or more
     * when the code still runs interpreted); what is written does not change. For a type that {@link
     * ResultJson} may write it works out that writer's shape of the type instead, and leaves the mapper
     * unmade: the records nested in it are worked out as they are written.
     */
    static void prepare(Class<?> type) {
        if (ResultJson.declines(type)) {
            Mapper.MAPPER.writerFor(type);
        }
    }

    /**
     * Writes a value (a result, or a tree) as indented JSON and a line separator, leaving the writer open:
     * a record by {@link ResultJson} where it can, which writes the mapper's text byte for byte
     * ({@code ResultJsonTest}), else by the mapper.
     */
    static void write(Object value, Writer out) throws IOException {
        String text = ResultJson.text(value);
        if (text != null) {
            out.write(text);
        } else {
            writeWithMapper(value, out);
        }
        out.write(System.lineSeparator());
    }

    /** Writes a value as indented JSON by the mapper, without a line separator, leaving the writer open. */
    static void writeWithMapper(Object value, Writer out) throws IOException {
        Mapper.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    }

    /** Writes NaN and the infinities as null. */
    private static final class FiniteOrNull extends JsonGeneratorDelegate {
        FiniteOrNull(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
