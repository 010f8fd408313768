package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import org.trialsim.protocol.Protocol;

/**
 * Writes a protocol as YAML or JSON. Absent and empty fields are left out; what is written reads back
 * (with {@link ProtocolReader}) to an equal protocol.
 */
public final class ProtocolWriter {
    private ProtocolWriter() {
    }

    /** The protocol as text in the given format. */
    public static String write(Protocol protocol, Format format) {
        try {
            return Mappers.writer(format).writeValueAsString(protocol);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the protocol " + protocol.id(), e);
        }
    }

    /** Writes the protocol to a writer in the given format. */
    public static void write(Protocol protocol, Format format, Writer out) throws IOException {
        out.write(write(protocol, format));
        out.flush();
    }
}
