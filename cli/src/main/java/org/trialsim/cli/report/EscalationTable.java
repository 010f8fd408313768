package org.trialsim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.CountDistribution;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationResult.DesignSummary;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.stats.Estimate;

/**
 * Dose escalation as a table for a person: the scenario in words, then per design (and their
 * difference, trial by trial, when two designs met the same patients) how often each level is
 * declared the MTD, patients, DLTs, duration and suspended accrual, each ± its Monte Carlo error.
 */
final class EscalationTable {
    private static final int LABEL = 34;
    private static final int COLUMN = 20;
    private static final int WIDTH = 100;

    private final EscalationReport report;
    private final EscalationResult r;
    private final Page page = new Page();

    private EscalationTable(EscalationReport report) {
        this.report = report;
        this.r = report.result();
    }

    /** The table of an escalation report: also a part of the phase 1-2 report. */
    static String render(EscalationReport report) {
        return new EscalationTable(report).render();
    }

    private String render() {
        scenario();
        page.blank();
        designs();
        page.blank();
        page.wrapped("Declaring the top level means no level was too toxic (the MTD was not reached). The MTD is the"
                + " highest level with at most 1 DLT in 6 patients whose next level had 2 or more DLTs. Days run from"
                + " the opening of the trial to the MTD decision.", WIDTH);
        return page.text();
    }

    private void scenario() {
        EscalationScenario s = r.scenario();
        List<DesignSummary> ds = r.designs();
        EscalationResult.Comparison c = r.comparison();
        String names = ds.size() == 1 ? ds.get(0).design().label()
                : ds.get(0).design().label() + " vs " + ds.get(1).design().label();
        page.line("Dose escalation in calendar time: " + names + ", " + r.replicates() + " simulated trials"
                + (ds.size() == 1 ? "" : " each"));
        if (report.protocol() != null) {
            page.line("Protocol " + report.protocol().protocol().id() + " (" + report.protocol().source() + ")");
        }
        List<String> levels = new ArrayList<>();
        for (int d = 1; d <= s.levels(); d++) {
            // the unit is made visible before the line is wrapped, so that the wrapping counts what is shown
            levels.add(d + (report.doses().isEmpty() ? "" : " = " + Numbers.given(report.doses().get(d - 1))
                    + (report.unit() == null ? "" : " " + ControlCharacters.visible(report.unit())))
                    + " (" + Numbers.givenPercent(s.dltProbabilities().get(d - 1)) + ")");
        }
        page.wrapped("Levels (true DLT probability): " + String.join(", ", levels) + "; start at level " + s.startLevel() + ".", WIDTH);
        page.wrapped(s.trueMtd() == 0
                ? "True MTD: none, since even level 1 has a DLT probability above " + Numbers.givenPercent(s.targetDltRate()) + "."
                : "True MTD: level " + s.trueMtd() + ", the highest with a DLT probability of at most "
                + Numbers.givenPercent(s.targetDltRate()) + ".", WIDTH);
        page.wrapped("Patients arrive " + (s.arrivals() == Arrivals.REGULAR ? "every " : "on average every ")
                + Numbers.given(s.interarrivalDays()) + " days" + (s.arrivals() == Arrivals.REGULAR ? "" : " (exponential gaps)")
                + "; DLT window " + Numbers.given(s.dltWindowDays()) + " days; a patient arriving while accrual is suspended "
                + (s.whenFull() == WhenFull.LOST ? "is lost." : "waits for a slot."), WIDTH);
        page.wrapped("Seed " + r.seed() + "; ± is one Monte Carlo standard error."
                + (c == null ? "" : " Differences are " + ds.get(0).design().label() + " minus " + ds.get(1).design().label()
                + ", trial by trial on the same patients."), WIDTH);
    }

    private void designs() {
        EscalationScenario s = r.scenario();
        List<DesignSummary> ds = r.designs();
        EscalationResult.Comparison c = r.comparison();
        List<String> header = new ArrayList<>();
        for (DesignSummary d : ds) {
            header.add(d.design().label());
        }
        if (c != null) {
            header.add("difference");
        }
        row("", header);
        page.line("MTD declared");
        for (int d = 0; d <= s.levels(); d++) {
            String label = d == 0 ? "  none (level 1 too toxic)"
                    : "  level " + d + " (DLT " + Numbers.givenPercent(s.dltProbabilities().get(d - 1)) + ")"
                    + (d == s.trueMtd() ? " true MTD" : "") + (d == s.levels() ? " top" : "");
            List<String> cells = new ArrayList<>();
            for (DesignSummary x : ds) {
                Estimate e = x.mtdAtLevel().get(d);
                cells.add(Numbers.percentEstimate(e.value(), e.standardError()));
            }
            if (c != null) {
                cells.add("");
            }
            row(label, cells);
        }
        row("  the true MTD (a correct choice)", cells(DesignSummary::correctSelection, true, c == null ? null : c.correctSelection(), 1));
        if (c != null) {
            row("  same level in both designs", List.of("", "", Numbers.percentEstimate(c.sameMtd().value(), c.sameMtd().standardError())));
        }
        row("Patients treated, mean", cells(DesignSummary::patients, false, c == null ? null : c.patients(), 4));
        row("  10th / 50th / 90th percentile", quantiles(DesignSummary::patientsDistribution));
        row("  above the true MTD, mean", cells(DesignSummary::patientsAboveTrueMtd, false, c == null ? null : c.patientsAboveTrueMtd(), 4));
        for (int d = 1; d <= s.levels(); d++) {
            int level = d;
            row("  at level " + d + ", mean", cells(x -> x.patientsAtLevel().get(level), false, null, 4));
        }
        row("Patients with a DLT, mean", cells(DesignSummary::dlts, false, c == null ? null : c.dlts(), 4));
        row("  10th / 50th / 90th percentile", quantiles(DesignSummary::dltsDistribution));
        row("Days to the MTD decision, mean", cells(DesignSummary::durationDays, false, c == null ? null : c.durationDays(), 4));
        row("  standard deviation", cells(DesignSummary::durationSdDays, false, null, 4));
        row("Days accrual suspended, mean", cells(DesignSummary::suspendedDays, false, c == null ? null : c.suspendedDays(), 4));
        if (s.whenFull() == WhenFull.LOST) {
            row("Patients lost (no slot open), mean", cells(DesignSummary::lostPatients, false, null, 4));
        } else {
            row("Days a patient waits, mean", cells(DesignSummary::waitDays, false, null, 4));
            row("Still waiting at the end, mean", cells(DesignSummary::leftWaiting, false, null, 4));
        }
    }

    /** An estimate per design, and when two designs are compared their difference (signed) or an empty cell. */
    private List<String> cells(Function<DesignSummary, Estimate> f, boolean percent, Estimate difference, int maxDecimals) {
        List<String> cells = new ArrayList<>();
        for (DesignSummary x : r.designs()) {
            Estimate e = f.apply(x);
            cells.add(percent ? Numbers.percentEstimate(e.value(), e.standardError()) : Numbers.estimate(e.value(), e.standardError(), maxDecimals));
        }
        if (r.designs().size() == 2) {
            if (difference == null) {
                cells.add("");
            } else {
                String v = percent ? Numbers.percentEstimate(difference.value(), difference.standardError())
                        : Numbers.estimate(difference.value(), difference.standardError(), maxDecimals);
                cells.add(difference.value() > 0 && !v.startsWith("-") ? "+" + v : v);
            }
        }
        return cells;
    }

    private List<String> quantiles(Function<DesignSummary, CountDistribution> f) {
        List<String> cells = new ArrayList<>();
        for (DesignSummary x : r.designs()) {
            CountDistribution d = f.apply(x);
            cells.add(d.quantile(0.1) + " / " + d.quantile(0.5) + " / " + d.quantile(0.9));
        }
        if (r.comparison() != null) {
            cells.add("");
        }
        return cells;
    }

    private void row(String label, List<String> cells) {
        StringBuilder line = new StringBuilder(Layout.pad(label, LABEL));
        for (String cell : cells) {
            line.append(Layout.flushRight(cell, COLUMN));
        }
        page.line(line.toString().stripTrailing());
    }
}
