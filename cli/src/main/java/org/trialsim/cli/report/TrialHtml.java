package org.trialsim.cli.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trialsim.cli.report.html.Chart;
import org.trialsim.cli.report.html.HtmlPage;
import org.trialsim.cli.report.html.HtmlPage.Table;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Protocol;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialResult.AnalysisResult;
import org.trialsim.simulator.trial.TrialResult.Distribution;

/**
 * A trial design's operating characteristics as a self-contained HTML page: power (or type I error)
 * with its Monte Carlo error, stopping at each look, the boundaries on the z and hazard-ratio scales,
 * the distributions of patients, events and duration, allocation per stratum, and the effect
 * estimate against its true value; then the text report.
 */
final class TrialHtml {
    /** The normal quantile of a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    private final TrialResult result;
    private final Protocol protocol;
    private final HtmlPage page;
    private final boolean isNull;

    private TrialHtml(TrialReport report) {
        this.result = report.result();
        this.protocol = report.protocol();
        this.page = new HtmlPage(protocol.title());
        this.isNull = result.scenario().equals("null");
    }

    /** The HTML writer of {@link TrialReport}. */
    static void write(TrialReport report, Writer out) throws IOException {
        out.write(new TrialHtml(report).render(report));
    }

    private String render(TrialReport report) throws IOException {
        page.paragraph("Design: " + result.design() + ". Scenario: " + (isNull ? "the null hypothesis (no difference)"
                : "the protocol as written") + ". Each figure with its Monte Carlo standard error (±), or an interval of ±1.96 of them.");
        page.facts(HtmlFacts.of(protocol, result.provenance()));
        rejection();
        looks();
        boundaries();
        distributions();
        families();
        allocation();
        effect();
        if (result.analyses().stream().anyMatch(a -> a.margin() != null)) {
            margin();
        }
        StringWriter text = new StringWriter();
        TrialTable.write(report, text);
        page.heading(2, "The text report");
        page.preformatted("The table of 'trialsim trial' (as the table format writes it)", text.toString());
        return page.html(HtmlFacts.footer(result.provenance()));
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < result.analyses().size(); i++) {
            labels.add((i + 1) + ". " + result.analyses().get(i).label());
        }
        return labels;
    }

    private void rejection() {
        String what = isNull ? "Type I error" : "Power";
        page.heading(2, what);
        Chart c = Chart.categorical("rejection", what + " of each analysis", labels(), null, what).percent();
        int s = c.series(null);
        Table numbers = new Table(what + " ± Monte Carlo standard error", List.of("Analysis", "Test", what));
        for (int i = 0; i < result.analyses().size(); i++) {
            AnalysisResult a = result.analyses().get(i);
            interval(c, s, i, a.rejection(), 100);
            numbers.row(labels().get(i), a.test(), Numbers.percentPlusMinus(a.rejection().value(), a.rejection().standardError()));
        }
        page.figure(c, "The chance that the trial rejects the null hypothesis, with its 95% Monte Carlo interval (±1.96 standard errors)"
                + " over " + Numbers.count(result.provenance().replicates()) + " simulated trials.", numbers);
    }

    private static void interval(Chart c, int s, double x, Estimate e, double scale) {
        c.interval(s, x, scale * e.value(), scale * (e.value() - Z95 * e.standardError()), scale * (e.value() + Z95 * e.standardError()));
    }

    private void looks() {
        int looks = result.analyses().stream().mapToInt(a -> a.looks().size()).max().orElse(1);
        page.heading(2, "Stopping at each look");
        if (looks < 2) {
            page.paragraph("Each analysis has one look, at its data cut: the trial stops there.");
            return;
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= looks; k++) {
            names.add("look " + k);
        }
        boolean futility = result.analyses().stream().flatMap(a -> a.looks().stream()).anyMatch(l -> l.futilityBound() != null);
        Chart c = Chart.categorical("looks", "Probability of stopping at each look", names, null, "Trials stopping").percent();
        List<String> header = new ArrayList<>(List.of("Look"));
        for (String l : labels()) {
            c.series(l + ": efficacy");
            header.add(l + ": efficacy");
            if (futility) {
                c.series(l + ": futility");
                header.add(l + ": futility");
            }
        }
        Table numbers = new Table("Stopping probability ± Monte Carlo standard error", header);
        int per = futility ? 2 : 1;
        for (int k = 0; k < looks; k++) {
            List<String> row = new ArrayList<>(List.of(names.get(k)));
            for (int i = 0; i < result.analyses().size(); i++) {
                AnalysisResult a = result.analyses().get(i);
                if (k >= a.looks().size()) {
                    row.add(Numbers.NONE);
                    if (futility) {
                        row.add(Numbers.NONE);
                    }
                    continue;
                }
                TrialResult.Look l = a.looks().get(k);
                c.bar(per * i, k, 100 * l.stopForEfficacy().value());
                row.add(pct(l.stopForEfficacy()));
                if (futility) {
                    c.bar(per * i + 1, k, 100 * l.stopForFutility().value());
                    row.add(l.futilityBound() == null ? Numbers.NONE : pct(l.stopForFutility()));
                }
            }
            numbers.row(row);
        }
        page.figure(c, "The share of simulated trials that stop at each look, for efficacy (rejecting the null hypothesis)"
                + (futility ? " or for futility" : "") + ".", numbers);
    }

    private void boundaries() {
        int looks = result.analyses().stream().mapToInt(a -> a.looks().size()).max().orElse(1);
        page.heading(2, "Boundaries");
        Chart z = Chart.numeric("bounds-z", "Boundaries on the z scale at each look", "Information fraction", "z").x(0, 1);
        Chart hr = Chart.numeric("bounds-hr", "Boundaries on the hazard-ratio scale at each look", "Information fraction", "Hazard ratio")
                .x(0, 1);
        Table numbers = new Table("Boundaries at each look (z)", List.of("Analysis · look", "Information", "Efficacy z ≥", "Futility z <"));
        Table hrNumbers = new Table("Boundaries at each look (hazard ratio)", List.of("Analysis · look", "Events", "Efficacy HR ≤",
                "Futility HR >"));
        List<String> hrNotes = new ArrayList<>();
        for (int i = 0; i < result.analyses().size(); i++) {
            AnalysisResult a = result.analyses().get(i);
            String label = labels().get(i);
            int se = z.series(label + ": efficacy");
            double[] f = a.looks().stream().mapToDouble(TrialResult.Look::informationFraction).toArray();
            double[] eff = a.looks().stream().mapToDouble(TrialResult.Look::efficacyBound).toArray();
            double[] fut = a.looks().stream().mapToDouble(l -> l.futilityBound() == null ? Double.NaN : l.futilityBound()).toArray();
            z.line(se, f, eff);
            boolean hasFutility = a.looks().stream().anyMatch(l -> l.futilityBound() != null);
            if (hasFutility) {
                z.line(z.series(label + ": futility"), f, fut);
            }
            double finalEvents = finalEvents(a);
            double share = share(a);
            boolean onHr = a.effect().measure().startsWith("log hazard") && Double.isFinite(finalEvents) && share > 0 && share < 1;
            if (onHr) {
                int sh = hr.series(label + ": efficacy");
                double[] h = new double[f.length];
                double[] hf = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    h[k] = hazardRatio(eff[k], f[k] * finalEvents, share);
                    hf[k] = hazardRatio(fut[k], f[k] * finalEvents, share);
                }
                hr.line(sh, f, h);
                if (hasFutility) {
                    hr.line(hr.series(label + ": futility"), f, hf);
                }
            } else {
                hrNotes.add(label);
            }
            for (int k = 0; k < f.length; k++) {
                numbers.row(label + " · " + (k + 1), Numbers.fixed(f[k], 3), Numbers.fixed(eff[k], 3), Numbers.fixed(fut[k], 3));
                if (onHr) {
                    hrNumbers.row(label + " · " + (k + 1), Numbers.fixed(f[k] * finalEvents, 1),
                            Numbers.fixed(hazardRatio(eff[k], f[k] * finalEvents, share), 3),
                            Numbers.fixed(hazardRatio(fut[k], f[k] * finalEvents, share), 3));
                }
            }
        }
        if (looks < 2) {
            // one point per analysis makes no picture: the boundaries are a table
            page.paragraph("The trial rejects the null hypothesis when its z statistic is at or above the efficacy boundary; on the"
                    + " hazard-ratio scale, when the hazard ratio (experimental vs control) is at or below it, by Schoenfeld's"
                    + " approximation HR = exp(−z / √(d·p·(1−p))), d the events (the design's own when it fixes them, else the median"
                    + " at the analysis) and p the experimental arm's share of the patients.");
            page.table(numbers);
            if (hrNumbers.size() > 0) {
                page.table(hrNumbers);
            }
        } else {
            page.figure(z, "The trial rejects the null hypothesis at a look when its z statistic is at or above the efficacy boundary"
                    + ", and stops for futility when it is below the futility boundary.", numbers);
        }
        if (looks > 1 && hr.marks() > 0) {
            page.figure(hr, "The same boundaries as the hazard ratio (experimental vs control) the log-rank statistic reaches them at,"
                    + " by Schoenfeld's approximation HR = exp(−z / √(d·p·(1−p))), d the events at the look (the information fraction"
                    + " times the final events: the design's own when it fixes them, else the median at the final analysis) and p the"
                    + " experimental arm's share of the patients.", hrNumbers);
        }
        if (!hrNotes.isEmpty()) {
            page.paragraph("No hazard-ratio scale for " + String.join(", ", hrNotes) + ": it needs a two-arm comparison of hazards with"
                    + " known events" + (looks > 1 ? " (a design whose cuts are not by events gives them only at a single look)" : "") + ".");
        }
    }

    /** The design's final events where it fixes them, else the median events at the conclusion of a one-look analysis; NaN if neither. */
    private double finalEvents(AnalysisResult a) {
        if (protocol.design() instanceof Design.Randomized r && r.analysis() != null && r.analysis().events() != null
                && r.comparisons().size() == 1) {
            return r.analysis().events();
        }
        return a.looks().size() == 1 && a.events().median() > 0 ? a.events().median() : Double.NaN;
    }

    /** The experimental arm's mean share of the analysis's patients, NaN for a one-arm analysis. */
    private static double share(AnalysisResult a) {
        if (a.allocation() == null) {
            return Double.NaN;
        }
        double c = a.allocation().control().mean();
        double e = a.allocation().experimental().mean();
        return c + e > 0 ? e / (c + e) : Double.NaN;
    }

    /** Schoenfeld: the hazard ratio whose log-rank z with d events and a share p on the experimental arm is z. */
    static double hazardRatio(double z, double events, double p) {
        return Math.exp(-z / Math.sqrt(events * p * (1 - p)));
    }

    private void distributions() {
        page.heading(2, "Patients, events and duration");
        distribution("patients", "Patients enrolled at the conclusion", AnalysisResult::patients, 0);
        distribution("events", "Events (or responses) at the conclusion", AnalysisResult::events, 0);
        distribution("duration", "Months from the first enrolment to the conclusion", AnalysisResult::durationMonths, 1);
    }

    private void distribution(String id, String what, Function<AnalysisResult, Distribution> of, int decimals) {
        Chart c = Chart.categorical(id, what + ", over simulated trials", labels(), null, what);
        int s = c.series(null);
        Table numbers = new Table(what, List.of("Analysis", "Mean ± se", "sd", "Min", "10%", "Median", "90%", "Max"));
        for (int i = 0; i < result.analyses().size(); i++) {
            Distribution d = of.apply(result.analyses().get(i));
            c.box(s, i, d.min(), d.p10(), d.median(), d.p90(), d.max(), d.mean());
            numbers.row(distributionRow(labels().get(i), d, decimals));
        }
        page.heading(3, what);
        page.figure(c, what + " over the simulated trials: whiskers from the smallest to the largest, a box from the 10th to the 90th"
                + " percentile, a bar at the median and a circle at the mean.", numbers);
    }

    private static List<String> distributionRow(String label, Distribution d, int decimals) {
        return List.of(label, Numbers.fixed(d.mean(), decimals + 1) + " ± " + Numbers.fixed(d.standardError(), decimals + 1),
                Numbers.fixed(d.sd(), decimals + 1), Numbers.fixed(d.min(), decimals), Numbers.fixed(d.p10(), decimals),
                Numbers.fixed(d.median(), decimals), Numbers.fixed(d.p90(), decimals), Numbers.fixed(d.max(), decimals));
    }

    /** The families of comparisons adjusted for multiplicity. */
    private void families() {
        if (result.families() == null) {
            return;
        }
        page.heading(2, "Multiplicity");
        page.paragraph("Comparisons of several experimental arms against one control on one endpoint share the one-sided alpha;"
                + " each comparison's own power is its rejection rate above. "
                + (isNull ? "Under the null hypothesis of every arm alike, rejecting at least one is the family-wise type I error."
                : "Rejecting at least one is the power to find some experimental arm better."));
        Table t = new Table("Families of comparisons", List.of("Comparisons", "Control", "Adjustment", "Alpha", "Per comparison",
                isNull ? "Rejects at least one (family-wise error)" : "Rejects at least one (any-arm power)", "Rejects all"));
        for (TrialResult.Family f : result.families()) {
            t.row(List.of(String.join(", ", f.comparisons()), f.control(), f.multiplicity(), Numbers.fixed(f.alpha(), 4),
                    Numbers.fixed(f.alphaPerComparison(), 4), Numbers.percentPlusMinus(f.anyRejected().value(), f.anyRejected().standardError()),
                    Numbers.percentPlusMinus(f.allRejected().value(), f.allRejected().standardError())));
        }
        page.table(t);
    }

    private void allocation() {
        if (result.allocation().isEmpty()) {
            return;
        }
        page.heading(2, "Allocation per stratum");
        List<String> categories = new ArrayList<>();
        List<Distribution> of = new ArrayList<>();
        for (TrialResult.StratumAllocation s : result.allocation()) {
            s.patients().forEach((arm, d) -> {
                categories.add(s.stratum() + ": " + arm);
                of.add(d);
            });
        }
        Chart c = Chart.categorical("allocation", "Patients allocated to each arm in each stratum", categories, null, "Patients");
        int series = c.series(null);
        Table numbers = new Table("Patients per arm over the whole trial", List.of("Stratum: arm", "Mean ± se", "sd", "Min", "10%", "Median",
                "90%", "Max"));
        for (int i = 0; i < categories.size(); i++) {
            Distribution d = of.get(i);
            c.box(series, i, d.min(), d.p10(), d.median(), d.p90(), d.max(), d.mean());
            numbers.row(distributionRow(categories.get(i), d, 0));
        }
        page.figure(c, "Patients given each arm in each randomizing stratum over the whole trial (every patient enrolled), over the"
                + " simulated trials: whiskers min to max, box 10th to 90th percentile, bar at the median, circle at the mean.", numbers);
        boolean factors = result.allocation().stream().anyMatch(s -> s.factorImbalance() != null);
        Table imbalance = new Table("Imbalance: max − min over the arms of patients ÷ the arm's weight", factors
                ? List.of("Node · stratum", "Mean", "90%", "Max", "Within a factor level: mean", "90%", "Max")
                : List.of("Node · stratum", "Mean", "90%", "Max"));
        for (TrialResult.StratumAllocation s : result.allocation()) {
            List<String> row = new ArrayList<>(List.of(s.node() + " · " + s.stratum(), Numbers.fixed(s.imbalance().mean(), 2),
                    Numbers.fixed(s.imbalance().p90(), 1), Numbers.fixed(s.imbalance().max(), 1)));
            if (factors) {
                Distribution f = s.factorImbalance();
                row.addAll(f == null ? List.of(Numbers.NONE, Numbers.NONE, Numbers.NONE)
                        : List.of(Numbers.fixed(f.mean(), 2), Numbers.fixed(f.p90(), 1), Numbers.fixed(f.max(), 1)));
            }
            imbalance.row(row);
        }
        page.table(imbalance);
        armShares();
    }

    /** Each arm's 2.5–97.5% range of patients, its share, the truly best arm and, when adaptive, how often an arm ended in the lead. */
    private void armShares() {
        boolean adaptive = result.allocation().stream().flatMap(s -> s.arms().values().stream()).anyMatch(x -> x.highestProbability() != null);
        List<String> columns = new ArrayList<>(List.of("Stratum: arm", "2.5%", "97.5%", "Share of patients ± se", "Truly best"));
        if (adaptive) {
            columns.add("Ended with the highest probability ± se");
        }
        boolean drops = result.allocation().stream().flatMap(s -> s.arms().values().stream()).anyMatch(x -> x.dropped() != null);
        if (drops) {
            columns.add("Dropped ± se");
        }
        Table shares = new Table("Patients per arm: 95% range and share", columns);
        for (TrialResult.StratumAllocation s : result.allocation()) {
            s.arms().forEach((arm, x) -> {
                List<String> row = new ArrayList<>(List.of(s.stratum() + ": " + arm, Numbers.fixed(x.p2_5(), 0), Numbers.fixed(x.p97_5(), 0),
                        Numbers.fixed(x.share().value(), 3) + " ± " + Numbers.fixed(x.share().standardError(), 3),
                        arm.equals(s.bestArm()) ? "yes, by " + s.bestArmBy() : ""));
                if (adaptive) {
                    row.add(x.highestProbability() == null ? Numbers.NONE : Numbers.fixed(x.highestProbability().value(), 3) + " ± "
                            + Numbers.fixed(x.highestProbability().standardError(), 3));
                }
                if (drops) {
                    row.add(x.dropped() == null ? Numbers.NONE : Numbers.fixed(x.dropped().value(), 3) + " ± "
                            + Numbers.fixed(x.dropped().standardError(), 3));
                }
                shares.row(row);
            });
        }
        if (shares.size() > 0) {
            page.table(shares);
        }
        if (result.allocation().stream().anyMatch(s -> s.stoppedForSuperiority() != null)) {
            Table stops = new Table("Trials stopped at an adaptive update, by the stratum whose update stopped them",
                    List.of("Stratum", "For superiority ± se", "For futility ± se"));
            for (TrialResult.StratumAllocation s : result.allocation()) {
                if (s.stoppedForSuperiority() != null) {
                    stops.row(List.of(s.node() + " · " + s.stratum(), Numbers.fixed(s.stoppedForSuperiority().value(), 3) + " ± "
                            + Numbers.fixed(s.stoppedForSuperiority().standardError(), 3), Numbers.fixed(s.stoppedForFutility().value(), 3)
                            + " ± " + Numbers.fixed(s.stoppedForFutility().standardError(), 3)));
                }
            }
            page.table(stops);
        }
    }

    private void effect() {
        page.heading(2, "Effect estimate against the true value");
        Chart c = Chart.categorical("effect", "Mean effect estimate and the true value", labels(), null, "Effect (its measure's scale)");
        int est = c.series("mean estimate ± 1 sd over trials");
        int truth = c.series("true value (± 1.96 se when simulated)");
        Table numbers = new Table("The effect estimate", List.of("Analysis", "Measure", "True value", "Mean ± se", "sd", "Bias ± se",
                "95% interval covers the truth", "From trials"));
        for (int i = 0; i < result.analyses().size(); i++) {
            TrialResult.Effect e = result.analyses().get(i).effect();
            double m = e.mean().value();
            c.interval(est, i, m, m - e.sd(), m + e.sd());
            c.interval(truth, i, e.truth(), e.truth() - Z95 * e.truthStandardError(), e.truth() + Z95 * e.truthStandardError());
            numbers.row(labels().get(i), e.measure(), Numbers.fixed(e.truth(), 3) + (e.truthStandardError() > 0 ? " ± "
                    + Numbers.fixed(e.truthStandardError(), 3) : "") + " (" + e.truthMethod() + ")",
                    Numbers.fixed(m, 3) + " ± " + Numbers.fixed(e.mean().standardError(), 3), Numbers.fixed(e.sd(), 3),
                    Numbers.fixed(e.bias().value(), 3) + " ± " + Numbers.fixed(e.bias().standardError(), 3), pct(e.coverage()),
                    Numbers.count(e.estimates()));
        }
        page.figure(c, "The mean of the effect estimates over the simulated trials, with a bar of one standard deviation either side"
                + " (the spread of one trial's estimate), beside the value it targets. A log hazard ratio or log O/E below 0 favours"
                + " the experimental arm.", numbers);
    }

    /** The hypothesis and margin of each comparison that has one, the mean estimate against it, and how often the interval lay beyond it. */
    private void margin() {
        page.heading(2, "Non-inferiority and superiority margins");
        Table numbers = new Table("The margin", List.of("Analysis", "Hypothesis", "Null hypothesis rejected", "Margin on the estimate's scale",
                "Mean estimate ± se", "95% interval beyond the margin"));
        for (int i = 0; i < result.analyses().size(); i++) {
            AnalysisResult a = result.analyses().get(i);
            TrialResult.MarginResult m = a.margin();
            if (m == null) {
                continue;
            }
            double onScale = m.scale().equals("hazard ratio") ? Math.log(m.margin()) : m.margin();
            numbers.row(labels().get(i), m.hypothesis(), m.nullHypothesis(), Numbers.fixed(onScale, 3),
                    Numbers.fixed(a.effect().mean().value(), 3) + " ± " + Numbers.fixed(a.effect().mean().standardError(), 3),
                    pct(m.intervalBeyond()));
        }
        page.paragraph((isNull ? "Simulated with the experimental arm at the margin: its hazards of relapse and death in remission are the"
                + " control's times the hazard-ratio margin from allocation on, so the rejection rate is the type I error of the claim. "
                : "") + "The interval beyond the margin counts the trials whose 95% interval of the estimate (Cox's for a hazard ratio,"
                + " Wald's for a difference in rates) lay wholly on the far side of the margin at the look where the trial concluded:"
                + " a Wald test against the margin at one-sided 2.5%, beside the log-rank or Farrington–Manning test the trial uses.");
        page.table(numbers);
    }

    private static String pct(Estimate e) {
        return Numbers.percentPlusMinus(e.value(), e.standardError());
    }
}
