package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.trialsim.cli.report.html.Chart;
import org.trialsim.cli.report.html.HtmlPage;
import org.trialsim.cli.report.html.HtmlPage.Table;
import org.trialsim.simulator.design.escalation.EscalationResult;
import org.trialsim.simulator.design.escalation.EscalationResult.DesignSummary;
import org.trialsim.simulator.design.escalation.EscalationScenario;
import org.trialsim.simulator.stats.Estimate;

/**
 * Dose escalation as a self-contained HTML page: the probability that each design selects each level,
 * the distribution of the patients each treats, and the duration (its mean and spread, which is what
 * the result keeps of it); then the text report.
 */
final class EscalationHtml {
    private static final double Z95 = 1.959963984540054;

    private EscalationHtml() {
    }

    /** The HTML writer of {@link EscalationReport}. */
    static void write(EscalationReport report, Writer out) throws IOException {
        EscalationResult r = report.result();
        EscalationScenario s = r.scenario();
        String names = String.join(" vs ", r.designs().stream().map(d -> d.design().label()).toList());
        HtmlPage page = new HtmlPage(report.protocol() != null ? report.protocol().protocol().title() + ": dose escalation"
                : "Dose escalation: " + names);
        List<String[]> facts = new ArrayList<>();
        if (report.protocol() != null) {
            facts.add(new String[] {"Protocol", report.protocol().protocol().id()});
            facts.add(new String[] {"Read from", report.protocol().source()});
            facts.add(new String[] {"Content hash (SHA-256)", report.protocol().contentHash()});
        }
        facts.add(new String[] {"Designs", names});
        facts.add(new String[] {"Simulated trials", Numbers.count(r.replicates()) + (r.designs().size() > 1 ? " each, on the same patients" : "")});
        facts.add(new String[] {"True MTD", s.trueMtd() == 0 ? "none (level 1 is above the target)" : "level " + s.trueMtd()
                + " (target DLT rate " + Numbers.givenPercent(s.targetDltRate()) + ")"});
        facts.add(new String[] {"Seed", Long.toString(r.seed())});
        facts.add(new String[] {"Generator", r.generator()});
        page.facts(facts);

        List<String> levels = new ArrayList<>(List.of("none"));
        for (int d = 1; d <= s.levels(); d++) {
            levels.add("level " + d + (report.doses().isEmpty() ? "" : " (" + Numbers.given(report.doses().get(d - 1))
                    + (report.unit() == null ? "" : " " + report.unit()) + ")"));
        }
        page.heading(2, "Which level is declared the MTD");
        Chart select = Chart.categorical("selection", "Probability of declaring each level the MTD, per design", levels, null,
                "Declared the MTD").percent();
        List<String> header = new ArrayList<>(List.of("Level (true DLT probability)"));
        r.designs().forEach(d -> header.add(d.design().label()));
        Table selection = new Table("Declared the MTD, % ± Monte Carlo standard error", header);
        for (DesignSummary d : r.designs()) {
            select.series(d.design().label());
        }
        for (int level = 0; level < levels.size(); level++) {
            List<String> row = new ArrayList<>(List.of(levels.get(level) + (level == 0 ? "" : ", "
                    + Numbers.givenPercent(s.dltProbabilities().get(level - 1))) + (level == s.trueMtd() ? " — true MTD" : "")));
            for (int i = 0; i < r.designs().size(); i++) {
                Estimate e = r.designs().get(i).mtdAtLevel().get(level);
                select.bar(i, level, 100 * e.value());
                row.add(Numbers.percentPlusMinus(e.value(), e.standardError()));
            }
            selection.row(row);
        }
        page.figure(select, "How often each design declares each level the MTD ('none': even level 1 was too toxic); the true MTD is "
                + (s.trueMtd() == 0 ? "none" : "level " + s.trueMtd()) + ". Declaring the top level means no level was too toxic.",
                selection);

        page.heading(2, "Patients treated");
        for (int i = 0; i < r.designs().size(); i++) {
            DesignSummary d = r.designs().get(i);
            List<Long> counts = d.patientsDistribution().counts();
            double[] edges = new double[counts.size() + 1];
            double[] heights = new double[counts.size()];
            long total = d.patientsDistribution().total();
            Table numbers = new Table(d.design().label() + ": trials by patients treated", List.of("Patients", "Trials", "%"));
            for (int k = 0; k < counts.size(); k++) {
                edges[k] = k - 0.5;
                heights[k] = total == 0 ? 0 : 100.0 * counts.get(k) / total;
                if (counts.get(k) > 0) {
                    numbers.row(Integer.toString(k), Numbers.count(counts.get(k)), Numbers.fixed(heights[k], 1));
                }
            }
            edges[counts.size()] = counts.size() - 0.5;
            Chart c = Chart.numeric("patients-" + i, "Patients treated by " + d.design().label(), "Patients treated", "Trials").percent();
            c.series(d.design().label());
            c.histogram(0, edges, heights);
            page.heading(3, d.design().label());
            page.figure(c, "The share of simulated trials that treated each number of patients under " + d.design().label() + "; mean "
                    + Numbers.fixed(d.patients().value(), 1) + " ± " + Numbers.fixed(d.patients().standardError(), 2) + ".", numbers);
        }

        page.heading(2, "Duration");
        List<String> designs = r.designs().stream().map(d -> d.design().label()).toList();
        Chart duration = Chart.categorical("duration", "Days from opening to the MTD decision, per design", designs, null, "Days");
        int mean = duration.series("mean ± 1 sd over trials");
        Table durations = new Table("Days from opening to the MTD decision", List.of("Design", "Mean ± se", "sd", "Accrual suspended, days"));
        for (int i = 0; i < r.designs().size(); i++) {
            DesignSummary d = r.designs().get(i);
            double m = d.durationDays().value();
            double sd = d.durationSdDays().value();
            duration.interval(mean, i, m, m - sd, m + sd);
            durations.row(d.design().label(), Numbers.fixed(m, 0) + " ± " + Numbers.fixed(d.durationDays().standardError(), 1),
                    Numbers.fixed(sd, 0), Numbers.fixed(d.suspendedDays().value(), 0) + " ± " + Numbers.fixed(d.suspendedDays().standardError(), 1));
        }
        page.figure(duration, "The mean time from the trial's opening to the MTD decision with a bar of one standard deviation either"
                + " side; the result keeps the mean and spread of the duration, not its whole distribution (its 95% Monte Carlo"
                + " interval is ±" + Numbers.fixed(Z95, 2) + " se).", durations);
        page.heading(2, "The text report");
        page.preformatted("The table of 'trialsim escalate' (as the table format writes it)", EscalationTable.render(report));
        out.write(page.html("Made by trialsim with seed " + r.seed() + "; the same options and seed give the same numbers on any machine."));
    }
}
