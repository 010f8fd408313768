package org.trialsim.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.ProtocolReader;

/** Test protocols from {@code src/test/resources/protocols}, optionally edited. */
public final class TestProtocols {
    private TestProtocols() {
    }

    public static String text(String name) {
        try (InputStream in = TestProtocols.class.getResourceAsStream("/protocols/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a protocol from YAML text; fails the test if it is invalid. */
    public static LoadedProtocol load(String yaml) {
        try {
            return new ProtocolReader().read("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The test protocol with each {from, to} pair replaced (each must occur). */
    public static LoadedProtocol edited(String name, String... fromTo) {
        String text = text(name);
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!text.contains(fromTo[i])) {
                throw new AssertionError("'" + fromTo[i] + "' is not in " + name);
            }
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return load(text);
    }
}
