package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.CSV;
import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.io.Calibration;
import org.trialsim.simulator.explore.CalibrationResult;
import org.trialsim.simulator.stats.Estimate;

/**
 * The report of an {@code explore} calibration (docs/explore.md, "Calibrating a threshold"): the value
 * found, the measure there and at its neighbour beyond the target, the Monte Carlo uncertainty, the
 * evaluations, and every value simulated; or why nothing was found.
 *
 * @param result the calibration's result
 */
public record ThresholdCalibrationReport(CalibrationResult result) implements Report {
    /** The formats a calibration is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON, CSV);
    private static final int WIDTH = 120;

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    /** Each format's writer ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<ThresholdCalibrationReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, (report, out) -> out.write(report.table()),
                JSON, (report, out) -> Json.write(report.result(), out),
                CSV, ThresholdCalibrationReport::csv));
    }

    /** What the measure is, in words. */
    private String measureWords() {
        return switch (result.measure()) {
            case "rejection" -> "type I error of analysis " + result.analysis();
            case "anyRejection" -> "chance that any analysis rejects (family-wise type I error)";
            default -> "chance of stopping for superiority at an adaptive update";
        };
    }

    private String table() {
        CalibrationResult r = result;
        Page page = new Page();
        String target = percent(r.target());
        page.wrapped("Calibration of " + r.protocolId() + ": " + r.path() + " with a " + measureWords() + " of at most " + target
                + " under the null hypothesis", WIDTH);
        page.line("Sweep: " + r.sweep() + " · " + Numbers.count(r.scenarios().size()) + (r.scenarios().size() == 1 ? " scenario" : " scenarios")
                + " · " + Numbers.count(r.replicates()) + " simulated trials per value and scenario · seed " + r.seed());
        page.line("Analysis " + r.analysis() + ": " + r.analysisLabel() + " · values from " + text(r.lower()) + " to " + text(r.upper())
                + " in steps of " + text(r.step()) + " · " + Numbers.count(r.evaluations()) + " values simulated");
        page.blank();
        if (!CalibrationResult.FOUND.equals(r.outcome())) {
            page.wrapped((CalibrationResult.NOT_BRACKETED.equals(r.outcome()) ? "Not bracketed: " : "Not monotone: ") + r.problem() + ".",
                    WIDTH);
        } else {
            page.line("Found: " + text(r.found()) + " (" + r.measure() + " " + worst(r.atFound()) + "); at " + text(r.across().value()) + ": "
                    + worst(r.across()));
            String confidence = Numbers.trimmed(100 * r.confidence(), 1) + "%";
            page.wrapped("Monte Carlo uncertainty (" + confidence + "): from " + (r.uncertaintyLow() == null ? "below " + text(r.lower())
                    : text(r.uncertaintyLow())) + " to " + (r.uncertaintyHigh() == null ? "above " + text(r.upper()) : text(r.uncertaintyHigh()))
                    + ", the values whose " + r.measure() + " cannot be told from " + target + " with " + Numbers.count(r.replicates())
                    + " simulated trials (no scenario's " + confidence + " interval above it, and not every one below it).", WIDTH);
        }
        page.blank();
        page.line("Every value simulated, " + r.measure() + " ± its Monte Carlo standard error (common random numbers; in the order given):");
        StringBuilder header = new StringBuilder(Layout.right("value", 12) + Layout.right("order", 7));
        for (String s : r.scenarios()) {
            header.append(Layout.right(Layout.abbreviate(s, 16), 17));
        }
        page.line(header + "  at most " + target);
        for (CalibrationResult.Point p : r.points()) {
            StringBuilder row = new StringBuilder(Layout.right(text(p.value()), 12) + Layout.right(Integer.toString(p.order()), 7));
            for (Estimate e : p.measure()) {
                row.append(Layout.right(measure(e), 17));
            }
            page.line(row + "  " + (p.meets() ? "yes" : "no") + (p.value().equals(r.found()) ? "  ← found" : ""));
        }
        return page.text();
    }

    private String worst(CalibrationResult.Point p) {
        Estimate worst = p.worst();
        String scenario = result.scenarios().size() == 1 ? "" : " in " + result.scenarios().get(p.measure().indexOf(worst));
        return measure(worst) + scenario;
    }

    /** Two decimals of a percent: a type I error's target is often 2.5%. */
    private static String measure(Estimate e) {
        if (!Double.isFinite(e.value())) {
            return "–";
        }
        return Numbers.fixed(100 * e.value(), 2) + "% ± " + Numbers.fixed(100 * e.standardError(), 2);
    }

    private static String percent(double p) {
        return Numbers.trimmed(100 * p, 2) + "%";
    }

    private static String text(BigDecimal v) {
        return Calibration.text(v);
    }

    /** One row per value and scenario; the outcome (found, not-bracketed, not-monotone) on every row. */
    private static void csv(ThresholdCalibrationReport report, Writer w) throws IOException {
        CalibrationResult r = report.result();
        Csv csv = new Csv(w);
        csv.row("path", "measure", "target", "value", "order", "scenario", "estimate", "estimate_se", "meets", "found", "outcome");
        for (CalibrationResult.Point p : r.points()) {
            for (int s = 0; s < r.scenarios().size(); s++) {
                Estimate e = p.measure().get(s);
                csv.row(r.path(), r.measure(), r.target(), text(p.value()), p.order(), r.scenarios().get(s), e.value(), e.standardError(),
                        p.meets(), p.value().equals(r.found()), r.outcome());
            }
        }
    }
}
