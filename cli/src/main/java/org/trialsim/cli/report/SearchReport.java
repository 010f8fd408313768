package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.CSV;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.simulator.explore.SearchResult;
import org.trialsim.simulator.stats.Estimate;

/**
 * The report of an {@code explore} search (docs/explore.md): the value found, the power at it and at the
 * value below, the Monte Carlo uncertainty of the answer, and every value simulated.
 *
 * @param result the search's result
 */
public record SearchReport(SearchResult result) implements Report {
    /** The formats a search is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, CSV);
    private static final int WIDTH = 120;

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<SearchReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, (report, out) -> out.write(report.table()),
                JSON, (report, out) -> Json.write(report.result(), out),
                CSV, SearchReport::csv));
    }

    private String table() {
        SearchResult r = result;
        Page page = new Page();
        String target = percent(r.targetPower());
        page.line("Search of " + r.protocolId() + ": the smallest " + r.path() + " with " + target + " power in every scenario");
        page.line("Sweep: " + r.sweep() + " · " + Numbers.count(r.scenarios().size()) + (r.scenarios().size() == 1 ? " scenario" : " scenarios")
                + " · " + Numbers.count(r.replicates()) + " simulated trials per value and scenario · seed " + r.seed());
        page.line("Analysis " + r.analysis() + ": " + r.analysisLabel() + " · values searched from " + r.lower() + " to " + r.upper());
        page.wrapped(analytic(), WIDTH);
        page.blank();
        if (r.found() == null) {
            SearchResult.Point top = r.points().get(r.points().size() - 1);
            page.line("Not found: at " + r.upper() + ", the upper bound, the power is " + power(top.worst())
                    + " in the worst scenario; raise the upper bound");
        } else {
            page.line("Found: " + r.found() + " (power " + worst(r.atFound()) + ")"
                    + (r.below() == null ? "; the lower bound already reaches the target: lower it to search below"
                    : "; at " + r.below().value() + ": " + worst(r.below())));
            String confidence = Numbers.trimmed(100 * r.confidence(), 1) + "%";
            page.wrapped("Monte Carlo uncertainty (" + confidence + "): from " + r.uncertaintyLow() + " to "
                    + (r.uncertaintyHigh() == null ? "above " + r.upper() : r.uncertaintyHigh()) + ", the values whose power cannot be"
                    + " told from " + target + " with " + Numbers.count(r.replicates()) + " simulated trials (no scenario's "
                    + confidence + " interval below it, and not every one above it).", WIDTH);
        }
        page.blank();
        page.line("Every value simulated, power ± its Monte Carlo standard error (with common random numbers, in the order given):");
        StringBuilder header = new StringBuilder(Layout.right("value", 9) + Layout.right("order", 7));
        for (String s : r.scenarios()) {
            header.append(Layout.right(Layout.abbreviate(s, 16), 17));
        }
        page.line(header + "  reaches");
        for (SearchResult.Point p : r.points()) {
            StringBuilder row = new StringBuilder(Layout.right(Integer.toString(p.value()), 9) + Layout.right(Integer.toString(p.order()), 7));
            for (Estimate e : p.power()) {
                row.append(Layout.right(power(e), 17));
            }
            page.line(row + "  " + (p.reaches() ? "yes" : "no") + (r.found() != null && p.value() == r.found() ? "  ← found" : ""));
        }
        return page.text();
    }

    /** Where the search started: from the analytic answer, or from the bounds and why. */
    private String analytic() {
        SearchResult r = result;
        if (r.analyticAnswer() == null) {
            return "No analytic start (" + r.analyticUnavailable() + "): the search starts from the bounds.";
        }
        List<String> values = new ArrayList<>();
        for (int s = 0; s < r.scenarios().size(); s++) {
            values.add(Numbers.trimmed(r.analytic().get(s), 1) + (r.scenarios().size() == 1 ? "" : " in " + r.scenarios().get(s)));
        }
        return "Analytic answer (as trialsim design survival): " + String.join(", ", values) + ", so " + r.analyticAnswer()
                + "; the search tried " + r.startLow() + " and " + r.startHigh() + " first, moving out by doubling steps where"
                + " the answer lay outside.";
    }

    private String worst(SearchResult.Point p) {
        Estimate worst = p.worst();
        String scenario = result.scenarios().size() == 1 ? "" : " in " + result.scenarios().get(p.power().indexOf(worst));
        return power(worst) + scenario;
    }

    private static String power(Estimate e) {
        return Numbers.percentPlusMinus(e.value(), e.standardError());
    }

    private static String percent(double p) {
        return Numbers.trimmed(100 * p, 1) + "%";
    }

    /** One row per value and scenario. */
    private static void csv(SearchReport report, Writer w) throws IOException {
        SearchResult r = report.result();
        Csv csv = new Csv(w);
        csv.row("path", "value", "order", "scenario", "power", "power_se", "reaches", "found", "analytic");
        for (SearchResult.Point p : r.points()) {
            for (int s = 0; s < r.scenarios().size(); s++) {
                Estimate e = p.power().get(s);
                List<Object> row = new ArrayList<>(List.of(r.path(), p.value(), p.order(), r.scenarios().get(s), e.value(), e.standardError(),
                        p.reaches(), r.found() != null && r.found() == p.value()));
                row.add(r.analytic() == null ? null : r.analytic().get(s));
                csv.row(row.toArray());
            }
        }
    }
}
