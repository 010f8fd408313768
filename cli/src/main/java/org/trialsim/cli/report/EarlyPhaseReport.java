package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.EarlyPhaseResult;

/**
 * The report of {@code trial} for a phase 1-2 design: its dose escalation and its two-stage design.
 *
 * @param result   both parts of the design
 * @param protocol the protocol, whose design is a {@link Design.EarlyPhase}
 */
public record EarlyPhaseReport(EarlyPhaseResult result, LoadedProtocol protocol) implements Report {
    /** The formats a phase 1-2 result is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON);

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a phase 1-2 result is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<EarlyPhaseReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, (report, out) -> out.write(EarlyPhaseTable.render(report)),
                JSON, (report, out) -> Json.write(report.result(), out)));
    }
}
