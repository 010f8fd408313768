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
import org.trialsim.simulator.cohort.CohortResult;

/**
 * The report of {@code simulate}: a cohort of virtual patients on every arm.
 *
 * @param result   the cohort result
 * @param protocol the protocol simulated, whose assessments and endpoints name the table's rows
 */
public record CohortReport(CohortResult result, Protocol protocol) implements Report {
    /** The formats a cohort is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, CSV, HTML);

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when a cohort is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<CohortReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, CohortTable::write,
                JSON, (report, out) -> Json.write(report.result(), out),
                CSV, CohortCsv::write,
                HTML, CohortHtml::write));
    }
}
