package org.trialsim.cli;

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

/**
 * The one JSON writer for results (cohort, trial, escalation, Simon designs): indented, and a value
 * that is not a finite number (a proportion of 0 patients, the spread of one value) written as null,
 * never as NaN or Infinity, which are not JSON. The rule sits in the generator, so it holds for every
 * number however it is reached: a record's field, an element of an array or list, a tree node.
 */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .addDecorator((factory, generator) -> new FiniteOrNull(generator))
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** An empty JSON object, for a document assembled from parts ({@link DesignOutput#envelope}) and written with {@link #write}. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A value as a JSON tree (records become objects), to be put in a document written with {@link #write}. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Writes a value (a result, or a tree) as indented JSON and a line separator, leaving the writer open. */
    static void write(Object value, Writer out) throws IOException {
        MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
        out.write(System.lineSeparator());
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
