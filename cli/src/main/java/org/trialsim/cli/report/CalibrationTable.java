package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Target;
import org.trialsim.simulator.calibration.CalibrationResult;
import org.trialsim.simulator.calibration.TargetResult;

/**
 * A calibration as a table for a person: for each target its label, then the arm, the published value
 * (with its interval), the trial's n, the simulated value with the 95% interval a trial of that n would
 * see, and the verdict; its source below. Percentages with one decimal.
 */
final class CalibrationTable {
    private static final int WIDTH = 100;
    private static final int ARM = 16;
    private static final int PUBLISHED = 22;
    private static final int N = 8;
    private static final int SIMULATED = 24;

    private final Page page = new Page();

    private CalibrationTable() {
    }

    /** The table writer of {@link CalibrationReport}. */
    static void write(CalibrationReport report, Writer out) throws IOException {
        out.write(new CalibrationTable().render(report));
    }

    private String render(CalibrationReport report) {
        CalibrationResult result = report.result();
        var prov = result.provenance();
        page.line("Calibration of " + report.protocol().title());
        page.line(String.format(Locale.ROOT, "%s virtual patients per arm · seed %d", Numbers.count(prov.patients()), prov.seed()));
        page.line(String.format(Locale.ROOT, "trialsim %s · %s (sha256 %s…)", prov.version(), prov.protocol(),
                prov.contentHash().substring(0, 12)));
        if (!prov.settings().isEmpty()) {
            page.line("Changed with --set: " + String.join(", ", prov.settings()));
        }
        page.wrapped("A target is met when the published value lies within the simulated 95% interval for a trial of its n, or"
                + " the simulated value within the published interval (docs/calibration.md). Percentages"
                + (result.targets().stream().anyMatch(r -> isRatio(r.target())) ? "; a hazard ratio as a ratio, the arm against"
                + " its control (versus)." : "."), WIDTH);
        page.blank();
        page.line("  " + Layout.pad("arm", ARM) + Layout.pad("published", PUBLISHED) + Layout.right("n", N) + "  "
                + Layout.pad("simulated (95% at n)", SIMULATED) + "verdict");
        List<String> missed = new ArrayList<>();
        List<TargetResult> targets = result.targets();
        for (int i = 0; i < targets.size(); i++) {
            TargetResult r = targets.get(i);
            Target t = r.target();
            page.blank();
            page.wrapped((i + 1) + ". " + t.label(), WIDTH);
            String published = value(t, t.value(), t.lower(), t.upper());
            String simulated = r.simulated() == null ? Numbers.NONE : value(t, r.simulated(), r.simulatedLower(), r.simulatedUpper());
            page.line("  " + Layout.pad(Layout.abbreviate(t.arm(), ARM - 1), ARM) + Layout.pad(published, PUBLISHED)
                    + Layout.right(Numbers.count(t.n()), N) + "  " + Layout.pad(simulated, SIMULATED)
                    + (r.met() ? "met" : r.simulated() == null ? "MISSED (no patient to measure it on)" : "MISSED"));
            page.wrapped("source: " + t.source(), WIDTH, "  ", "    ");
            if (!r.met()) {
                missed.add(String.valueOf(i + 1));
            }
        }
        page.blank();
        page.line(String.format(Locale.ROOT, "%d of %d targets met", targets.size() - missed.size(), targets.size())
                + (missed.isEmpty() ? "." : "; missed: " + String.join(", ", missed) + "."));
        return page.text();
    }

    static boolean isRatio(Target t) {
        return t.measure() == Target.Measure.HAZARD_RATIO;
    }

    /**
     * A target's value with its interval (null limits: none), as its measure is read: a proportion in
     * percent, one decimal, 35.7 (34.1–37.3); a hazard ratio as it is, two decimals, 0.76 (0.51–1.14).
     */
    static String value(Target t, double v, Double lower, Double upper) {
        if (!isRatio(t)) {
            return Numbers.percentInterval(v, lower == null ? Double.NaN : lower, upper == null ? Double.NaN : upper);
        }
        return Numbers.fixed(v, 2) + (lower == null ? "" : " (" + Numbers.fixed(lower, 2) + "–" + Numbers.fixed(upper, 2) + ")");
    }
}
