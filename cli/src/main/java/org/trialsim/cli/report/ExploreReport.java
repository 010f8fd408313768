package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.CSV;
import static org.trialsim.cli.report.Format.HTML;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.trialsim.simulator.explore.ExploreResult;

/**
 * The report of {@code explore}: every cell of a sweep, the paired differences between designs, and
 * the designs ranked by their worst scenario.
 *
 * @param result the exploration's result
 * @param title  the protocol's title, which heads the table
 */
public record ExploreReport(ExploreResult result, String title) implements Report {
    /** The formats an exploration is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, CSV, HTML);

    /** The report of an exploration, headed "Exploration of" its protocol's id (as {@code explore} heads it). */
    public static ExploreReport of(ExploreResult result) {
        return new ExploreReport(result, "Exploration of " + result.provenance().protocolId());
    }

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer, made when an exploration is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<ExploreReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, ExploreTable::write,
                JSON, (report, out) -> Json.write(report.result(), out),
                CSV, ExploreCsv::write,
                HTML, ExploreHtml::write));
    }
}
