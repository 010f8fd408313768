package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.CSV;
import static org.trialsim.cli.report.Format.HTML;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The report of {@code trial} for a design with a hypothesis test: its operating characteristics.
 *
 * @param result   the trial result
 * @param protocol the protocol simulated (its title heads the table)
 */
public record TrialReport(TrialResult result, Protocol protocol) implements Report {
    /** The formats a trial result is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, CSV, HTML);

    /**
     * Does beforehand what writing a trial result in the format will need and takes time the first time
     * (the JSON serializers of a result), for a thread that has nothing else to do while the replicates run.
     */
    public static void prepare(Format format) {
        if (format == JSON) {
            Json.prepare(TrialResult.class);
        }
    }

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a trial result is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<TrialReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, TrialTable::write,
                JSON, (report, out) -> Json.write(report.result(), out),
                CSV, TrialCsv::write,
                HTML, TrialHtml::write));
    }
}
