package org.trialsim.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialsim.protocol.io.ProtocolReader;

/** Test protocol files from {@code src/test/resources/protocols}. */
public final class TestProtocols {
    /** A valid protocol that is none of the built-ins: two randomized arms and one decision point. */
    public static final String TWO_ARM = "two-arm-one-decision.yaml";

    private TestProtocols() {
    }

    /** The text of a test protocol. */
    public static String text(String name) {
        try (InputStream in = TestProtocols.class.getResourceAsStream("/protocols/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test protocol " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads YAML text as a protocol file of the given name. */
    public static LoadedProtocol read(String fileName, String text) throws ProtocolException {
        return new ProtocolReader().read(fileName, text.getBytes(StandardCharsets.UTF_8));
    }
}
