package org.trialsim.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.Format;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.ProtocolWriter;

/**
 * A protocol as run (after --set), as the text an executor reads back: its canonical JSON, where it was
 * read from, its settings and content hash. The only thing a trial's tasks are sent besides their ranges
 * (as a broadcast), as a trial shard's folder keeps it (docs/shards.md); the executor checks the content
 * hash, so a protocol that did not read back to the same content never runs.
 *
 * @param json        the canonical JSON
 * @param source      where the driver read it from
 * @param contentHash SHA-256 of the protocol as run
 * @param settings    the --set changes, in order
 */
record ProtocolText(String json, String source, String contentHash, List<String> settings) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ProtocolText of(LoadedProtocol loaded) {
        return new ProtocolText(ProtocolWriter.write(loaded.protocol(), Format.JSON), loaded.source(), loaded.contentHash(),
                List.copyOf(loaded.settings()));
    }

    /** The protocol read back, as the driver loaded it. */
    LoadedProtocol load() {
        LoadedProtocol read;
        try {
            read = new ProtocolReader().read(source, json.getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new IllegalStateException("the protocol sent to the executor does not read back: " + e.getMessage(), e);
        }
        if (!read.contentHash().equals(contentHash)) {
            throw new IllegalStateException("the protocol sent to the executor reads back with content hash " + read.contentHash()
                    + ", not the driver's " + contentHash);
        }
        return new LoadedProtocol(read.protocol(), source, contentHash, settings, List.of());
    }
}
