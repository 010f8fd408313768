package org.trialsim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Design.Escalation.DltOnset;
import org.trialsim.protocol.Design.Escalation.TrueMtd;
import org.trialsim.protocol.Design.Escalation.WhenFull;
import org.trialsim.simulator.design.escalation.Arrivals;
import org.trialsim.simulator.design.escalation.BoinBoundaries;
import org.trialsim.simulator.design.escalation.CountDistribution;
import org.trialsim.simulator.design.escalation.DoseFinding;
import org.trialsim.simulator.design.escalation.EscalationDesign;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationResult.DesignSummary;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.stats.Estimate;

/**
 * Dose finding as a table for a person: the scenario in words, the settings of BOIN and the CRMs when
 * one of them ran (with BOIN's boundaries as the BOIN package prints them), then per design how often
 * each level is declared the MTD, patients, DLTs, duration and suspended accrual, each ± its Monte Carlo
 * error. The paired differences from the first design, trial by trial on the same patients, stand in a
 * column of their own beside two designs; for more, the designs' columns come in groups of three (so
 * that a line stays within 100 characters) and the differences in a section of their own.
 */
final class EscalationTable {
    private static final int LABEL = 34;
    private static final int COLUMN = 20;
    private static final int WIDTH = 100;
    /** Designs per group of columns when more than two are compared. */
    private static final int GROUP = 3;
    /** Columns of BOIN's boundary table per line: 34 + 16 x 4 = 98 characters. */
    private static final int BOUNDARY_COLUMNS = 16;
    private static final int BOUNDARY_COLUMN = 4;

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
        List<DesignSummary> ds = r.designs();
        if (ds.size() <= 2) {
            designs(ds, r.comparison());
        } else {
            for (int from = 0; from < ds.size(); from += GROUP) {
                if (from > 0) {
                    page.blank();
                }
                designs(ds.subList(from, Math.min(ds.size(), from + GROUP)), null);
            }
            List<EscalationResult.Comparison> cs = r.differences();
            for (int from = 0; from < cs.size(); from += GROUP) {
                page.blank();
                differences(cs.subList(from, Math.min(cs.size(), from + GROUP)));
            }
        }
        page.blank();
        boolean rules = ds.stream().anyMatch(d -> !d.design().targetBased());
        page.wrapped("Declaring the top level means no level was too toxic (the MTD was not reached)."
                + (rules ? " The MTD is the highest level with at most 1 DLT in 6 patients whose next level had 2 or more DLTs." : "")
                + (r.doseFinding() != null ? " BOIN and the CRMs treat their sample size unless a rule stops them, and choose the MTD"
                + " with every answer in: BOIN the level whose isotonic estimate is closest to the target, the CRMs the level whose"
                + " estimated DLT probability is." : "")
                + " Days run from the opening of the trial to the MTD decision.", WIDTH);
        return page.text();
    }

    private void scenario() {
        EscalationScenario s = r.scenario();
        List<DesignSummary> ds = r.designs();
        List<String> labels = ds.stream().map(d -> d.design().label()).toList();
        String names = String.join(ds.size() <= 2 ? " vs " : ", ", labels);
        page.wrapped("Dose escalation in calendar time: " + names + ", " + r.replicates() + " simulated trials"
                + (ds.size() == 1 ? "" : " each"), WIDTH);
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
        page.wrapped(trueMtdSentence(s), WIDTH);
        page.wrapped("Patients arrive " + (s.arrivals() == Arrivals.REGULAR ? "every " : "on average every ")
                + Numbers.given(s.interarrivalDays()) + " days" + (s.arrivals() == Arrivals.REGULAR ? "" : " (exponential gaps)")
                + "; DLT window " + Numbers.given(s.dltWindowDays()) + " days" + onsetClause(s.dltOnset())
                + "; a patient arriving while accrual is suspended " + (s.whenFull() == WhenFull.LOST ? "is lost." : "waits for a slot."),
                WIDTH);
        if (r.doseFinding() != null) {
            settings();
        }
        page.wrapped("Seed " + r.seed() + "; ± is one Monte Carlo standard error."
                + (ds.size() == 1 ? "" : " Differences are " + labels.get(0) + " minus " + (ds.size() == 2 ? labels.get(1) : "each other design")
                + ", trial by trial on the same patients."), WIDTH);
    }

    private static String trueMtdSentence(EscalationScenario s) {
        if (s.trueMtdDefinition() == TrueMtd.CLOSEST) {
            return "True MTD: level " + s.trueMtd() + ", the one whose DLT probability is closest to "
                    + Numbers.givenPercent(s.targetDltRate()) + " (the lower of two as close).";
        }
        return s.trueMtd() == 0
                ? "True MTD: none, since even level 1 has a DLT probability above " + Numbers.givenPercent(s.targetDltRate()) + "."
                : "True MTD: level " + s.trueMtd() + ", the highest with a DLT probability of at most "
                + Numbers.givenPercent(s.targetDltRate()) + ".";
    }

    private static String onsetClause(DltOnset onset) {
        return switch (onset) {
            case WINDOW_END -> "";
            case UNIFORM -> ", a DLT occurring uniformly within it and known at once";
            case EARLY -> ", a DLT occurring early in it (density falling to 0 at its end) and known at once";
            case LATE -> ", a DLT occurring late in it (density rising from 0) and known at once";
        };
    }

    /** The settings of BOIN and the CRMs, and BOIN's boundaries as counts, as the BOIN package prints them. */
    private void settings() {
        DoseFinding f = r.doseFinding();
        List<EscalationDesign> designs = r.designs().stream().map(DesignSummary::design).toList();
        boolean crm = designs.contains(EscalationDesign.CRM) || designs.contains(EscalationDesign.TITE_CRM);
        boolean cohorts = designs.stream().anyMatch(EscalationDesign::cohorts);
        StringBuilder line = new StringBuilder("Target DLT rate " + Numbers.givenPercent(r.scenario().targetDltRate())
                + "; sample size " + f.maxPatients());
        if (cohorts) {
            line.append(", in cohorts of ").append(f.cohortSize()).append(designs.contains(EscalationDesign.TITE_CRM)
                    ? " (the TITE-CRM one patient at a time)" : "");
        }
        line.append(f.levelCap() == null ? "" : "; accrual stops once the next level has " + f.levelCap() + " patients");
        line.append(".");
        if (crm) {
            List<String> sk = f.skeleton().stream().map(p -> Numbers.trimmed(p, 3)).toList();
            line.append(" CRM: power model, skeleton ").append(String.join(", ", sk)).append(", prior variance ")
                    .append(Numbers.given(f.priorVariance())).append(f.safetyStop() == null ? ""
                            : "; stop with no MTD once P(level 1 above the target) > " + Numbers.given(f.safetyStop()))
                    .append(designs.contains(EscalationDesign.TITE_CRM) ? "; the TITE-CRM weights pending patients by the window"
                            + " observed" + (f.titeCrmCoherent() ? " and does not escalate right after a DLT" : "") : "")
                    .append(".");
        }
        page.wrapped(line.toString(), WIDTH);
        BoinBoundaries b = r.boin();
        if (b != null) {
            page.wrapped("BOIN: escalate when a level's observed DLT rate is at most " + Numbers.trimmed(b.escalation(), 4)
                    + ", de-escalate when it is at least " + Numbers.trimmed(b.deescalation(), 4) + " (rates deemed safe "
                    + Numbers.givenPercent(b.safeRate()) + " and toxic " + Numbers.givenPercent(b.toxicRate()) + "); a level and those"
                    + " above it are eliminated once P(DLT rate > target) > " + Numbers.given(b.eliminationCutoff()) + " with "
                    + BoinBoundaries.ELIMINATION_MIN_PATIENTS + " or more patients"
                    + (designs.contains(EscalationDesign.TITE_BOIN) ? "; TITE-BOIN suspends accrual while more than "
                    + Numbers.givenPercent(f.maxPendingFraction()) + " of the patients at the level are pending" : "") + ".", WIDTH);
            boundaries(b, cohorts ? f.cohortSize() : 1, f.maxPatients());
        }
    }

    /** BOIN's boundaries per number of patients at a level, in steps of a cohort, at most 16 columns a line. */
    private void boundaries(BoinBoundaries b, int step, int maxPatients) {
        List<String> n = new ArrayList<>(List.of("  Patients at the level"));
        List<String> up = new ArrayList<>(List.of("  Escalate with DLTs at most"));
        List<String> down = new ArrayList<>(List.of("  De-escalate with DLTs at least"));
        List<String> out = new ArrayList<>(List.of("  Eliminate with DLTs at least"));
        for (int k = step; k <= maxPatients; k += step) {
            n.add(String.valueOf(k));
            up.add(String.valueOf(b.escalateAtMost().get(k - 1)));
            down.add(String.valueOf(b.deescalateAtLeast().get(k - 1)));
            Integer e = b.eliminateAtLeast().get(k - 1);
            out.add(e == null ? "-" : String.valueOf(e));
        }
        for (int from = 1; from < n.size(); from += BOUNDARY_COLUMNS) {
            int to = Math.min(n.size(), from + BOUNDARY_COLUMNS);
            for (List<String> row : List.of(n, up, down, out)) {
                StringBuilder text = new StringBuilder(Layout.pad(row.get(0), LABEL));
                for (String cell : row.subList(from, to)) {
                    text.append(Layout.flushRight(cell, BOUNDARY_COLUMN));
                }
                page.line(text.toString().stripTrailing());
            }
        }
    }

    /** The rows of the main table for up to three designs, with the difference column when c is given. */
    private void designs(List<DesignSummary> ds, EscalationResult.Comparison c) {
        EscalationScenario s = r.scenario();
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
        row("  the true MTD (a correct choice)", cells(ds, DesignSummary::correctSelection, true, c == null ? null : c.correctSelection(), 1));
        if (c != null) {
            row("  same level in both designs", List.of("", "", Numbers.percentEstimate(c.sameMtd().value(), c.sameMtd().standardError())));
        }
        row("Patients treated, mean", cells(ds, DesignSummary::patients, false, c == null ? null : c.patients(), 4));
        row("  10th / 50th / 90th percentile", quantiles(ds, DesignSummary::patientsDistribution, c != null));
        row("  above the true MTD, mean", cells(ds, DesignSummary::patientsAboveTrueMtd, false, c == null ? null : c.patientsAboveTrueMtd(), 4));
        for (int d = 1; d <= s.levels(); d++) {
            int level = d;
            row("  at level " + d + ", mean", cells(ds, x -> x.patientsAtLevel().get(level), false, null, 4));
        }
        row("Patients with a DLT, mean", cells(ds, DesignSummary::dlts, false, c == null ? null : c.dlts(), 4));
        row("  10th / 50th / 90th percentile", quantiles(ds, DesignSummary::dltsDistribution, c != null));
        if (r.doseFinding() != null) {
            for (int d = 1; d <= s.levels(); d++) {
                int level = d;
                row("  at level " + d + ", mean", cells(ds, x -> x.dltsAtLevel().get(level), false, null, 4));
            }
        }
        row("Days to the MTD decision, mean", cells(ds, DesignSummary::durationDays, false, c == null ? null : c.durationDays(), 4));
        row("  standard deviation", cells(ds, DesignSummary::durationSdDays, false, null, 4));
        row("Days accrual suspended, mean", cells(ds, DesignSummary::suspendedDays, false, c == null ? null : c.suspendedDays(), 4));
        if (s.whenFull() == WhenFull.LOST) {
            row("Patients lost (no slot open), mean", cells(ds, DesignSummary::lostPatients, false, null, 4));
        } else {
            row("Days a patient waits, mean", cells(ds, DesignSummary::waitDays, false, null, 4));
            row("Still waiting at the end, mean", cells(ds, DesignSummary::leftWaiting, false, null, 4));
        }
    }

    /** The paired differences of the first design from up to three others, one column each. */
    private void differences(List<EscalationResult.Comparison> cs) {
        List<String> header = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            header.add("- " + c.second().label());
        }
        row("Difference, " + r.designs().get(0).design().label(), header);
        differenceRow("  the true MTD (a correct choice)", cs, EscalationResult.Comparison::correctSelection, true);
        List<String> same = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            same.add(Numbers.percentEstimate(c.sameMtd().value(), c.sameMtd().standardError()));
        }
        row("  same level declared (not a diff.)", same);
        differenceRow("  patients treated", cs, EscalationResult.Comparison::patients, false);
        differenceRow("  above the true MTD", cs, EscalationResult.Comparison::patientsAboveTrueMtd, false);
        differenceRow("  patients with a DLT", cs, EscalationResult.Comparison::dlts, false);
        differenceRow("  days to the MTD decision", cs, EscalationResult.Comparison::durationDays, false);
        differenceRow("  days accrual suspended", cs, EscalationResult.Comparison::suspendedDays, false);
    }

    private void differenceRow(String label, List<EscalationResult.Comparison> cs,
                               Function<EscalationResult.Comparison, Estimate> f, boolean percent) {
        List<String> cells = new ArrayList<>();
        for (EscalationResult.Comparison c : cs) {
            cells.add(signed(f.apply(c), percent, 4));
        }
        row(label, cells);
    }

    /** A difference with its sign: +1.2 ± 0.3, -0.4 ± 0.1. */
    private static String signed(Estimate difference, boolean percent, int maxDecimals) {
        String v = percent ? Numbers.percentEstimate(difference.value(), difference.standardError())
                : Numbers.estimate(difference.value(), difference.standardError(), maxDecimals);
        return difference.value() > 0 && !v.startsWith("-") ? "+" + v : v;
    }

    /** An estimate per design, and when two designs are compared their difference (signed) or an empty cell. */
    private static List<String> cells(List<DesignSummary> ds, Function<DesignSummary, Estimate> f, boolean percent,
                                      Estimate difference, int maxDecimals) {
        List<String> cells = new ArrayList<>();
        for (DesignSummary x : ds) {
            Estimate e = f.apply(x);
            cells.add(percent ? Numbers.percentEstimate(e.value(), e.standardError()) : Numbers.estimate(e.value(), e.standardError(), maxDecimals));
        }
        if (ds.size() == 2) {
            cells.add(difference == null ? "" : signed(difference, percent, maxDecimals));
        }
        return cells;
    }

    private static List<String> quantiles(List<DesignSummary> ds, Function<DesignSummary, CountDistribution> f, boolean comparison) {
        List<String> cells = new ArrayList<>();
        for (DesignSummary x : ds) {
            CountDistribution d = f.apply(x);
            cells.add(d.quantile(0.1) + " / " + d.quantile(0.5) + " / " + d.quantile(0.9));
        }
        if (comparison) {
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
