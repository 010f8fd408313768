package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import org.trialsim.simulator.trial.TrialResult;

/**
 * A trial result as long-format CSV, one figure per row:
 * {@code analysis,figure,statistic,value,standard_error}; allocation per randomizing stratum follows, with
 * "allocation NODE STRATUM" in the analysis column, after the families of comparisons adjusted for multiplicity
 * ("family A vs C &amp; B vs C").
 */
final class TrialCsv {
    private TrialCsv() {
    }

    /** The CSV writer of {@link TrialReport}. */
    static void write(TrialReport report, Writer w) throws IOException {
        TrialResult result = report.result();
        Csv csv = new Csv(w);
        csv.row("analysis", "figure", "statistic", "value", "standard_error");
        for (TrialResult.AnalysisResult a : result.analyses()) {
            String name = a.label();
            csv.row(name, "rejection", "probability", a.rejection().value(), a.rejection().standardError());
            for (TrialResult.Look look : a.looks()) {
                csv.row(name, "look " + look.look(), "efficacy bound", look.efficacyBound(), null);
                csv.row(name, "look " + look.look(), "stop for efficacy", look.stopForEfficacy().value(), look.stopForEfficacy().standardError());
                csv.row(name, "look " + look.look(), "stop for futility", look.stopForFutility().value(), look.stopForFutility().standardError());
            }
            distribution(csv, name, "patients", a.patients());
            distribution(csv, name, "events", a.events());
            distribution(csv, name, "duration months", a.durationMonths());
            if (a.allocation() != null) {
                distribution(csv, name, "allocated control", a.allocation().control());
                distribution(csv, name, "allocated experimental", a.allocation().experimental());
                distribution(csv, name, "imbalance", a.allocation().imbalance());
            }
            TrialResult.Effect e = a.effect();
            csv.row(name, e.measure(), "truth", e.truth(), e.truthStandardError());
            csv.row(name, e.measure(), "mean", e.mean().value(), e.mean().standardError());
            csv.row(name, e.measure(), "sd", e.sd(), null);
            csv.row(name, e.measure(), "bias", e.bias().value(), e.bias().standardError());
            csv.row(name, e.measure(), "coverage", e.coverage().value(), e.coverage().standardError());
            TrialResult.MarginResult m = a.margin();
            if (m != null) {
                String figure = m.hypothesis() + " margin (" + m.scale() + ")";
                csv.row(name, figure, "margin", m.margin(), null);
                csv.row(name, figure, "interval beyond the margin", m.intervalBeyond().value(), m.intervalBeyond().standardError());
            }
        }
        if (result.families() != null) {
            for (TrialResult.Family f : result.families()) {
                String name = "family " + String.join(" & ", f.comparisons());
                String figure = f.multiplicity() + " against " + f.control();
                csv.row(name, figure, "alpha", f.alpha(), null);
                csv.row(name, figure, "alpha per comparison", f.alphaPerComparison(), null);
                csv.row(name, figure, "rejects at least one", f.anyRejected().value(), f.anyRejected().standardError());
                csv.row(name, figure, "rejects all", f.allRejected().value(), f.allRejected().standardError());
            }
        }
        for (TrialResult.StratumAllocation s : result.allocation()) {
            String name = "allocation " + s.node() + " " + s.stratum();
            for (var arm : s.patients().entrySet()) {
                distribution(csv, name, "patients " + arm.getKey(), arm.getValue());
                TrialResult.ArmAllocation x = s.arms().get(arm.getKey());
                if (x != null) {
                    csv.row(name, "patients " + arm.getKey(), "p2.5", x.p2_5(), null);
                    csv.row(name, "patients " + arm.getKey(), "p97.5", x.p97_5(), null);
                    csv.row(name, "share " + arm.getKey(), "mean", x.share().value(), x.share().standardError());
                    if (x.highestProbability() != null) {
                        csv.row(name, "highest allocation probability " + arm.getKey(), "proportion", x.highestProbability().value(),
                                x.highestProbability().standardError());
                    }
                    if (x.dropped() != null) {
                        csv.row(name, "dropped " + arm.getKey(), "proportion", x.dropped().value(), x.dropped().standardError());
                    }
                }
            }
            if (s.stoppedForSuperiority() != null) {
                csv.row(name, "stopped for superiority", "proportion", s.stoppedForSuperiority().value(),
                        s.stoppedForSuperiority().standardError());
                csv.row(name, "stopped for futility", "proportion", s.stoppedForFutility().value(), s.stoppedForFutility().standardError());
            }
            if (s.bestArm() != null) {
                csv.row(name, "share on the truly best arm " + s.bestArm(), "mean", s.bestArmShare().value(), s.bestArmShare().standardError());
            }
            distribution(csv, name, "imbalance", s.imbalance());
            if (s.factorImbalance() != null) {
                distribution(csv, name, "imbalance within a factor level", s.factorImbalance());
            }
        }
    }

    private static void distribution(Csv csv, String name, String figure, TrialResult.Distribution d) throws IOException {
        csv.row(name, figure, "mean", d.mean(), d.standardError());
        csv.row(name, figure, "sd", d.sd(), null);
        csv.row(name, figure, "min", d.min(), null);
        csv.row(name, figure, "p10", d.p10(), null);
        csv.row(name, figure, "median", d.median(), null);
        csv.row(name, figure, "p90", d.p90(), null);
        csv.row(name, figure, "max", d.max(), null);
    }
}
