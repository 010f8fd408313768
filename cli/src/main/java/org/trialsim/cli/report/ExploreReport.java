package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.CSV;
import static org.trialsim.cli.report.Format.HTML;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** The measures of the sweep's analysis that every pair of cells is compared on. */
    static final List<String> ANALYSIS_MEASURES = List.of("rejection", "patients", "events", "months");

    /**
     * The other measures the differences hold, in the order they first appear: the family-wise figures of a multi-arm
     * design (any-rejected, all-rejected, rejection-N; docs/explore.md), paired wherever the two cells have the family alike.
     */
    static List<String> familyMeasures(ExploreResult result) {
        Set<String> names = new LinkedHashSet<>();
        for (ExploreResult.Difference d : result.differences()) {
            if (!ANALYSIS_MEASURES.contains(d.measure())) {
                names.add(d.measure());
            }
        }
        return List.copyOf(names);
    }

    /** A family measure in words: "any rejected", "all rejected (family 2)", "B1 vs A rejected" (the analysis's label). */
    static String familyLabel(ExploreResult result, String measure) {
        if (measure.startsWith("rejection-")) {
            int analysis = Integer.parseInt(measure.substring("rejection-".length()));
            return result.cells().stream().filter(c -> c.trial().analyses().size() >= analysis).findFirst()
                    .map(c -> c.trial().analyses().get(analysis - 1).label()).orElse("analysis " + analysis) + " rejected";
        }
        String[] parts = measure.split("-");
        return parts[0] + " rejected" + (parts.length > 2 ? " (family " + parts[2] + ")" : "");
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
