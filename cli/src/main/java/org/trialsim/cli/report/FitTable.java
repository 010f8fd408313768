package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.Target;
import org.trialsim.simulator.calibration.FitParameter;
import org.trialsim.simulator.calibration.FitResult;
import org.trialsim.simulator.calibration.TargetResult;

/**
 * A fit as a table for a person: the search, each parameter's bounds and its value before and after,
 * then each target's published value against the cohort before and after the fit, with the verdicts.
 */
final class FitTable {
    private static final int WIDTH = 100;
    private static final int BOUNDS = 22;
    private static final int VALUE = 12;
    private static final int ARM = 16;
    private static final int PUBLISHED = 22;
    private static final int SIMULATED = 18;

    private final Page page = new Page();

    private FitTable() {
    }

    /** The table writer of {@link FitReport}. */
    static void write(FitReport report, Writer out) throws IOException {
        out.write(new FitTable().render(report));
    }

    private String render(FitReport report) {
        FitResult result = report.result();
        var prov = result.after().provenance();
        page.line("Fit of " + report.protocol().title() + " to its published targets");
        page.line(String.format(Locale.ROOT, "%s virtual patients per arm · seed %d · every cohort on the same virtual patients",
                Numbers.count(prov.patients()), prov.seed()));
        page.line(String.format(Locale.ROOT, "trialsim %s · %s", prov.version(), result.before().provenance().protocol()));
        page.wrapped(String.format(Locale.ROOT, "Search: Nelder–Mead within the bounds, %s of at most %s cohorts, %s%s. Distance to"
                        + " the targets (the sum of each difference divided by the target's published standard error, squared): %s"
                        + " before, %s after. Percentages.", Numbers.count(result.evaluations()), Numbers.count(result.maxEvaluations()),
                result.converged() ? "narrowed to a thousandth of the bounds" : "ended by the limit of cohorts",
                result.infeasible() == 0 ? "" : "; " + Numbers.count(result.infeasible()) + " invalid protocols avoided",
                Numbers.trimmed(result.distanceBefore(), 2), Numbers.trimmed(result.distanceAfter(), 2)), WIDTH);
        page.line("Fitted protocol: " + report.written());
        page.blank();
        page.line("  " + Layout.pad("bounds", BOUNDS) + Layout.right("before", VALUE) + Layout.right("fitted", VALUE));
        for (FitParameter p : result.parameters()) {
            page.wrapped(p.path(), WIDTH);
            page.line("  " + Layout.pad(Numbers.given(p.lower()) + " to " + Numbers.given(p.upper()), BOUNDS)
                    + Layout.right(Numbers.given(p.start()), VALUE) + Layout.right(Numbers.given(p.fitted()), VALUE));
        }
        page.blank();
        page.line("  " + Layout.pad("arm", ARM) + Layout.pad("published", PUBLISHED) + Layout.pad("before", SIMULATED) + "after");
        List<TargetResult> before = result.before().targets();
        List<TargetResult> after = result.after().targets();
        for (int i = 0; i < after.size(); i++) {
            Target t = after.get(i).target();
            page.wrapped((i + 1) + ". " + t.label(), WIDTH);
            String published = CalibrationTable.value(t, t.value(), t.lower(), t.upper());
            page.line("  " + Layout.pad(Layout.abbreviate(t.arm(), ARM - 1), ARM) + Layout.pad(published, PUBLISHED)
                    + Layout.pad(simulated(before.get(i)), SIMULATED) + simulated(after.get(i)));
        }
        page.blank();
        page.line(String.format(Locale.ROOT, "%d of %d targets met before the fit, %d after.", before.size() - result.before().missed(),
                before.size(), after.size() - result.after().missed()));
        return page.text();
    }

    private static String simulated(TargetResult r) {
        return (r.simulated() == null ? Numbers.NONE : CalibrationTable.value(r.target(), r.simulated(), null, null))
                + (r.met() ? " met" : " MISSED");
    }
}
