package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Protocol;

/**
 * The report of {@code show}: a protocol as readable text (the protocol itself as YAML or JSON is
 * {@code export}'s, written by the protocol model).
 *
 * @param protocol the protocol
 */
public record ProtocolReport(Protocol protocol) implements Report {
    /** The formats a protocol's summary is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE);

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a summary is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<ProtocolReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(TABLE, ProtocolSummary::write));
    }
}
