package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialResult.AnalysisResult;

/** A trial design's operating characteristics as a table: one column per analysis of the design. */
final class TrialTable {
    private static final int LABEL = 40;
    private static final int COLUMN = 22;

    private final TrialResult result;
    private final Protocol protocol;
    private final Page page = new Page();

    private TrialTable(TrialResult result, Protocol protocol) {
        this.result = result;
        this.protocol = protocol;
    }

    /** The table writer of {@link TrialReport}. */
    static void write(TrialReport report, Writer out) throws IOException {
        out.write(new TrialTable(report.result(), report.protocol()).render());
    }

    private String render() {
        var p = result.provenance();
        boolean isNull = result.scenario().equals("null");
        boolean margins = result.analyses().stream().anyMatch(a -> a.margin() != null);
        line(protocol.title());
        line("Design: " + result.design());
        line(Numbers.count(p.replicates()) + " simulated trials · seed " + p.seed() + " · scenario: "
                + (isNull ? margins ? "null hypothesis (the experimental arm at the margin)" : "null hypothesis (no difference)"
                : "as the protocol is written"));
        line(String.format(Locale.ROOT, "trialsim %s · %s (sha256 %s…)", p.version(), p.protocol(), p.contentHash().substring(0, 12)));
        if (!p.settings().isEmpty()) {
            line("Changed with --set: " + String.join(", ", p.settings()));
        }
        line("Each figure ± its Monte Carlo standard error.");
        line("");
        line(result.analyses().size() == 1 ? "Analysis:" : "Analyses:");
        for (int i = 0; i < result.analyses().size(); i++) {
            AnalysisResult a = result.analyses().get(i);
            line("  " + (i + 1) + ". " + a.label() + " — " + a.test());
        }
        line("");
        StringBuilder head = new StringBuilder(Layout.pad("", LABEL));
        for (int i = 0; i < result.analyses().size(); i++) {
            head.append(Layout.right((i + 1) + ". " + Layout.abbreviate(result.analyses().get(i).label(), COLUMN - 4), COLUMN));
        }
        line(head.toString());
        row(isNull ? "Rejects the null (type I error)" : "Rejects the null (power)", a -> pct(a.rejection()));
        int looks = result.analyses().stream().mapToInt(a -> a.looks().size()).max().orElse(1);
        if (looks > 1) {
            for (int k = 0; k < looks; k++) {
                int kk = k;
                row("  look " + (k + 1) + ": rejects", a -> kk < a.looks().size() ? pct(a.looks().get(kk).stopForEfficacy()) + " (z≥"
                        + Numbers.fixed(a.looks().get(kk).efficacyBound(), 2) + ")" : "");
                if (result.analyses().stream().anyMatch(a -> kk < a.looks().size() && a.looks().get(kk).futilityBound() != null)) {
                    row("  look " + (k + 1) + ": stops for futility", a -> kk < a.looks().size() && a.looks().get(kk).futilityBound() != null
                            ? pct(a.looks().get(kk).stopForFutility()) + " (z<" + Numbers.fixed(a.looks().get(kk).futilityBound(), 2) + ")" : "");
                }
            }
        }
        row("Patients enrolled: mean (10%–90%)", a -> spread(a.patients(), 0));
        row("Events or responses: mean (10%–90%)", a -> spread(a.events(), 0));
        row("Months to conclusion: mean (10%–90%)", a -> spread(a.durationMonths(), 1));
        if (result.analyses().stream().anyMatch(a -> a.allocation() != null)) {
            row("Allocated: control / experimental", a -> a.allocation() == null ? "" : Numbers.fixed(a.allocation().control().mean(), 1) + " / "
                    + Numbers.fixed(a.allocation().experimental().mean(), 1));
            row("Imbalance |E − C|: mean, 90%, max", a -> a.allocation() == null ? "" : Numbers.fixed(a.allocation().imbalance().mean(), 1) + ", "
                    + Numbers.fixed(a.allocation().imbalance().p90(), 0) + ", " + Numbers.fixed(a.allocation().imbalance().max(), 0));
        }
        line("Effect estimate");
        row("  measure", a -> measureShort(a.effect().measure()));
        row("  true value" + (isNull ? " (null)" : " (± when simulated)"), a -> truth(a));
        row("  mean estimate", a -> Numbers.fixed(a.effect().mean().value(), 3) + " ± " + Numbers.fixed(a.effect().mean().standardError(), 3));
        row("  bias", a -> Numbers.fixed(a.effect().bias().value(), 3) + " ± " + Numbers.fixed(a.effect().bias().standardError(), 3));
        row("  95% interval covers the truth", a -> pct(a.effect().coverage()));
        if (margins) {
            row("  margin on this scale", a -> a.margin() == null ? "" : Numbers.fixed(a.margin().scale().equals("hazard ratio")
                    ? Math.log(a.margin().margin()) : a.margin().margin(), 3) + " (" + a.margin().hypothesis() + ")");
            row("  95% interval beyond the margin", a -> a.margin() == null ? "" : pct(a.margin().intervalBeyond()));
        }
        if (result.analyses().stream().anyMatch(a -> a.effect().meanLandmarkDifference() != null)) {
            row("  Kaplan–Meier difference at the landmark", a -> a.effect().meanLandmarkDifference() == null ? ""
                    : Numbers.fixed(100 * a.effect().meanLandmarkDifference().value(), 1) + " points");
        }
        blanks(isNull);
        families();
        allocationByStratum();
        line("");
        if (margins) {
            marginNotes(isNull);
        } else {
            line(isNull ? "The type I error is the chance the trial concludes the experimental treatment is better when it is not."
                    : "Power is the chance the trial concludes the experimental treatment is better at the one-sided level;");
            line(isNull ? "Rerun without --null for the power." : "rerun with --null for the type I error.");
        }
        boolean logHr = result.analyses().stream().anyMatch(a -> a.effect().measure().startsWith("log hazard"));
        boolean logOe = result.analyses().stream().anyMatch(a -> a.effect().measure().startsWith("log observed"));
        if (logHr || logOe) {
            line((logHr && logOe ? "Log HR < 0 and log O/E < 0 favour" : logHr ? "A log HR < 0 favours" : "A log O/E < 0 favours")
                    + " the experimental " + (logOe && !logHr ? "treatment (fewer events than the historical curve predicts)." : "arm."));
        }
        return page.text();
    }

    /** What the rejection rate and the interval beyond the margin mean for comparisons with a margin. */
    private void marginNotes(boolean isNull) {
        for (int i = 0; i < result.analyses().size(); i++) {
            TrialResult.MarginResult m = result.analyses().get(i).margin();
            if (m != null) {
                page.wrapped((i + 1) + ". " + (isNull ? "The type I error is the chance the trial claims " + m.hypothesis()
                        + " when the experimental arm is exactly at the margin (" + m.nullHypothesis() + ")."
                        : "Power is the chance the trial rejects " + m.nullHypothesis() + " at the one-sided level, showing "
                        + m.hypothesis() + ".") + " The interval beyond the margin is the Wald test of the estimate against the"
                        + " margin at one-sided 2.5%, at the look where the trial concluded.", 95, "", "   ");
            }
        }
        // --null is refused at a response margin (docs/analyses.md): the rates at the margin are set by hand instead
        boolean responseMargin = result.analyses().stream().anyMatch(a -> a.margin() != null && !a.margin().scale().equals("hazard ratio"));
        line(isNull ? "Rerun without --null for the power." : responseMargin
                ? "For the type I error, set the arms' response rates a margin apart (--null is refused at a response margin)."
                : "Rerun with --null for the type I error at the margin.");
    }

    /** Says, in words, why an analysis's figures are left blank (–), or over fewer trials, where a run is degenerate. */
    private void blanks(boolean isNull) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < result.analyses().size(); i++) {
            String reason = blank(result.analyses().get(i), isNull);
            if (reason != null) {
                reasons.add((i + 1) + ". " + reason);
            }
        }
        if (!reasons.isEmpty()) {
            line("Left blank (–), or estimated from fewer trials:");
            for (String r : reasons) {
                page.wrapped(r, 95, "  ", "     ");
            }
        }
    }

    /** Why the analysis's effect (or its bias) is left blank, or null if it is not. */
    private String blank(AnalysisResult a, boolean isNull) {
        long replicates = result.provenance().replicates();
        if (Double.isFinite(a.effect().mean().value()) && a.effect().estimates() < replicates) {
            return a.label() + ": " + Numbers.count(replicates - a.effect().estimates()) + " of the " + Numbers.count(replicates)
                    + " simulated trials had no estimate (no event, or an arm without patients, at their conclusion); the effect's"
                    + " mean, bias and coverage are over the other " + Numbers.count(a.effect().estimates()) + ".";
        }
        if (Double.isFinite(a.effect().mean().value())) {
            return isNull || Double.isFinite(a.effect().truth()) ? null : a.label() + ": the very large trial that gives the true"
                    + " value had no estimate, so the bias and coverage cannot be computed.";
        }
        TrialResult.Allocation allocation = a.allocation();
        boolean noControl = allocation != null && allocation.control().max() == 0;
        boolean noExperimental = allocation != null && allocation.experimental().max() == 0;
        String why;
        if (noControl || noExperimental) {
            why = "no simulated trial had a patient on " + (noControl && noExperimental ? "either arm" : noControl
                    ? "the control arm" : "the experimental arm") + " of this comparison (see the flow of patients in 'trialsim"
                    + " simulate' for where they leave the pathway), so it cannot be made";
        } else if (a.patients().max() == 0) {
            why = "no simulated trial had a patient in this analysis, so it cannot be made";
        } else if (a.events().max() == 0) {
            why = "no simulated trial had an event by its analysis, so there is no effect to estimate";
        } else {
            why = "no simulated trial had enough patients and events" + (allocation != null ? " in both arms" : "")
                    + " to estimate the effect (at most " + Numbers.fixed(a.events().max(), 0) + (a.events().max() == 1 ? " event" : " events")
                    + " in a trial)";
        }
        return a.label() + ": " + why + (a.rejection().value() == 0 ? "; the test never rejected." : ".");
    }

    /** The families of comparisons adjusted for multiplicity: any-arm power, or the family-wise type I error under --null. */
    private void families() {
        if (result.families() == null) {
            return;
        }
        boolean isNull = result.scenario().equals("null");
        line("");
        line("Multiplicity: families of comparisons against one control (each comparison's own power is in the table above)");
        for (TrialResult.Family f : result.families()) {
            line("  " + String.join(", ", f.comparisons()) + " — " + f.multiplicity() + ", one-sided alpha "
                    + Numbers.fixed(f.alpha(), 4) + " for the family, " + Numbers.fixed(f.alphaPerComparison(), 4) + " per comparison"
                    + (f.multiplicity().equals("holm") ? " at Holm's first step" : ""));
            line("    rejects at least one " + (isNull ? "(family-wise type I error): " : "(any-arm power): ") + pct(f.anyRejected())
                    + "; rejects all: " + pct(f.allRejected()));
        }
    }

    /** Patients per arm and imbalance in each randomizing stratum, over the whole trial. */
    private void allocationByStratum() {
        if (result.allocation().isEmpty()) {
            return;
        }
        boolean factors = result.allocation().stream().anyMatch(s -> s.factorImbalance() != null);
        line("");
        line("Allocation by stratum, whole trial (mean patients per arm (2.5%–97.5%); imbalance max − min of patients ÷ weight:");
        line("mean, 90%, max" + (factors ? "; and within the factor level where it is largest)" : ")"));
        for (TrialResult.StratumAllocation s : result.allocation()) {
            StringBuilder arms = new StringBuilder();
            s.patients().forEach((arm, d) -> {
                TrialResult.ArmAllocation range = s.arms().get(arm);
                arms.append(arms.length() == 0 ? "" : " / ").append(arm).append(" ").append(Numbers.fixed(d.mean(), 1))
                        .append(range == null ? "" : " (" + Numbers.fixed(range.p2_5(), 0) + "–" + Numbers.fixed(range.p97_5(), 0) + ")");
            });
            line("  " + s.node() + " · " + s.stratum() + ": " + arms + "; imbalance " + threeFigures(s.imbalance())
                    + (s.factorImbalance() == null ? "" : "; within a factor level " + threeFigures(s.factorImbalance())));
            if (s.bestArm() != null) {
                line("    share of patients on the truly best arm, " + s.bestArm() + ": " + estimate(s.bestArmShare(), 3) + " (best by "
                        + s.bestArmBy() + ")");
            }
            StringBuilder leading = new StringBuilder();
            s.arms().forEach((arm, x) -> {
                if (x.highestProbability() != null) {
                    leading.append(leading.length() == 0 ? "" : " / ").append(arm).append(" ").append(estimate(x.highestProbability(), 3));
                }
            });
            if (leading.length() > 0) {
                line("    ended with the highest allocation probability: " + leading);
            }
            StringBuilder dropped = new StringBuilder();
            s.arms().forEach((arm, x) -> {
                if (x.dropped() != null) {
                    dropped.append(dropped.length() == 0 ? "" : " / ").append(arm).append(" ").append(estimate(x.dropped(), 3));
                }
            });
            if (dropped.length() > 0) {
                line("    dropped at an update (P(arm is best) below the bound): " + dropped);
            }
            if (s.stoppedForSuperiority() != null) {
                line("    stopped the trial at an update: for superiority " + estimate(s.stoppedForSuperiority(), 3) + ", for futility "
                        + estimate(s.stoppedForFutility(), 3));
            }
        }
    }

    private static String estimate(Estimate e, int decimals) {
        return Numbers.fixed(e.value(), decimals) + " ± " + Numbers.fixed(e.standardError(), decimals);
    }

    private static String threeFigures(TrialResult.Distribution d) {
        return Numbers.fixed(d.mean(), 1) + ", " + Numbers.fixed(d.p90(), 1) + ", " + Numbers.fixed(d.max(), 1);
    }

    private static String truth(AnalysisResult a) {
        double t = a.effect().truth();
        String text = Numbers.fixed(t, 3);
        if (a.effect().truthStandardError() > 0) {
            text += " ± " + Numbers.fixed(a.effect().truthStandardError(), 3);
        }
        if (a.effect().measure().startsWith("log hazard")) {
            text += " (HR " + Numbers.fixed(Math.exp(t), 2) + ")";
        } else if (a.effect().measure().startsWith("log observed")) {
            text += " (O/E " + Numbers.fixed(Math.exp(t), 2) + ")";
        }
        return text;
    }

    private static String measureShort(String measure) {
        if (measure.startsWith("log hazard")) {
            return "log hazard ratio";
        }
        if (measure.startsWith("log observed")) {
            return "log observed/expected";
        }
        return measure.startsWith("difference") ? "difference in rates" : "response rate";
    }

    private static String spread(TrialResult.Distribution d, int decimals) {
        return Numbers.fixed(d.mean(), decimals) + " (" + Numbers.fixed(d.p10(), decimals) + "–" + Numbers.fixed(d.p90(), decimals) + ")";
    }

    private static String pct(Estimate e) {
        return Numbers.percentPlusMinus(e.value(), e.standardError());
    }

    private void row(String label, Function<AnalysisResult, String> value) {
        StringBuilder s = new StringBuilder(Layout.pad(Layout.abbreviate(label, LABEL - 1), LABEL));
        for (AnalysisResult a : result.analyses()) {
            s.append(Layout.right(value.apply(a), COLUMN));
        }
        line(s.toString().stripTrailing());
    }

    /** Every line goes through the page, which makes control characters in the protocol's texts visible. */
    private void line(String s) {
        page.line(s);
    }
}
