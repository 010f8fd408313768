package org.trialsim.protocol.io;

import java.nio.charset.StandardCharsets;
import org.trialsim.protocol.Protocol;

/**
 * Writes a protocol's canonical JSON, the text its content hash is taken of, byte for byte as the JSON
 * writing mapper of {@link Mappers} writes it, without making that mapper: its set-up and Jackson's
 * introspection of the model's records for writing took more processor time than anything else in a
 * fresh JVM's {@code simulate} but the simulation (which prints the hash). The writing is {@link
 * JsonText}'s, by the rules {@link JsonText.Rules#PROTOCOL} of {@link Mappers#writer}; where it declines,
 * the mapper writes the JSON. {@code CanonicalJsonTest} compares both on every protocol file the project has.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** The canonical JSON of the protocol as UTF-8, or null if this writer declines it. */
    static byte[] bytes(Protocol protocol) {
        String text = JsonText.write(protocol, JsonText.Rules.PROTOCOL);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
