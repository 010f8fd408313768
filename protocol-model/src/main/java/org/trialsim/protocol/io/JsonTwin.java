package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The JSON twin of a built-in protocol, which the reader binds instead of its YAML
 * ({@link ProtocolReader#read(String, byte[], byte[])}): the YAML's tokens, as the reader's guarded
 * parser reads them, written as JSON, after a first line with the CRC-32 of the YAML's bytes. The same
 * tokens bind the same protocol, and Jackson's JSON parser reads them in a fraction of the processor time
 * SnakeYAML's scanner takes in a fresh JVM (a tenth of {@code trialsim validate interfant-21}). The YAML
 * stays the one source: a twin whose checksum is not that of the YAML beside it is not used, and a test
 * checks that each built-in's twin is the one made from its YAML (and writes them, when asked).
 */
public final class JsonTwin {
    /** The first line: the checksum in hex digits and a line end. */
    private static final int HEADER = 9;

    private JsonTwin() {
    }

    /** The twin of a YAML protocol's bytes. */
    public static byte[] of(byte[] yaml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((checksum(yaml) + "\n").getBytes(StandardCharsets.US_ASCII));
        try (JsonParser in = LengthGuard.guard(Mappers.factory(Format.YAML, Limits.DEFAULT).createParser(
                new String(yaml, StandardCharsets.UTF_8)), Limits.DEFAULT);
                JsonGenerator out = new JsonFactory().createGenerator(bytes)) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                copy(token, in, out);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Where the JSON starts in a twin made from these YAML bytes; -1 if the twin was made from other bytes
     * (a built-in changed since its twin was written) or is no twin.
     */
    static int json(byte[] twin, byte[] yaml) {
        String written = twin.length < HEADER || twin[HEADER - 1] != '\n' ? ""
                : new String(twin, 0, HEADER - 1, StandardCharsets.US_ASCII);
        return written.equals(checksum(yaml)) ? HEADER : -1;
    }

    private static String checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** Writes a token as the binder reads it: a number as the value it takes, which JSON gives back the same. */
    private static void copy(JsonToken token, JsonParser in, JsonGenerator out) throws IOException {
        switch (token) {
            case START_OBJECT -> out.writeStartObject();
            case END_OBJECT -> out.writeEndObject();
            case START_ARRAY -> out.writeStartArray();
            case END_ARRAY -> out.writeEndArray();
            case FIELD_NAME -> out.writeFieldName(in.currentName());
            case VALUE_STRING -> out.writeString(in.getText());
            case VALUE_NUMBER_INT -> {
                Number n = in.getNumberValue();
                if (n instanceof Integer i) {
                    out.writeNumber(i);
                } else if (n instanceof Long l) {
                    out.writeNumber(l);
                } else {
                    out.writeNumber((BigInteger) n);
                }
            }
            // Double.toString's digits, which give the same double back; NaN and the infinities are written as
            // text, which the binder declines, so that the YAML is read instead
            case VALUE_NUMBER_FLOAT -> out.writeNumber(in.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> out.writeNull();
            default -> throw new IOException("a YAML protocol holds no " + token);
        }
    }
}
