package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsim.cli.report.html.FixedPoint;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.stats.Estimate;

/**
 * An exploration as tables for a terminal: per scenario, a row per design with its power (or type I
 * error), the difference from the scenario's first design with its paired standard error (the unpaired
 * one beside it), and its expected patients, events and duration; then the designs by their worst case,
 * ranked.
 */
final class ExploreTable {
    private static final int WIDTH = 120;
    private static final int LONGEST_DESIGN = 28;

    private final ExploreResult result;
    private final String title;
    private final Page page = new Page();
    private final int designWidth;

    private ExploreTable(ExploreResult result, String title) {
        this.result = result;
        this.title = title;
        int longest = result.designs().stream().mapToInt(d -> d.design().length()).max().orElse(6);
        this.designWidth = Math.max(8, Math.min(LONGEST_DESIGN, longest)) + 2;
    }

    /** The table writer of {@link ExploreReport}. */
    static void write(ExploreReport report, Writer out) throws IOException {
        out.write(new ExploreTable(report.result(), report.title()).render());
    }

    private String render() {
        Provenance p = result.provenance();
        page.line(title);
        int cells = result.cells().size();
        page.line("Sweep: " + result.sweep() + " · " + Numbers.count(cells) + (cells == 1 ? " cell" : " cells")
                + " · " + Numbers.count(p.replicates()) + " simulated trials each · seed " + p.seed());
        page.line(String.format(Locale.ROOT, "trialsim %s · %s", p.version(), p.protocol()));
        page.line("Analysis " + result.analysis() + ": " + result.analysisLabel());
        page.wrapped("Each figure ± its Monte Carlo standard error. Every cell simulates the same virtual patients and arrivals in"
                + " replicate i; a difference is from the scenario's first design, replicate by replicate, ± its paired standard error"
                + " (in brackets, the standard error two independent runs would give).", WIDTH);
        for (Map.Entry<String, List<ExploreResult.Cell>> scenario : byScenario().entrySet()) {
            scenario(scenario.getKey(), scenario.getValue());
        }
        designs();
        return page.text();
    }

    private Map<String, List<ExploreResult.Cell>> byScenario() {
        Map<String, List<ExploreResult.Cell>> scenarios = new LinkedHashMap<>();
        for (ExploreResult.Cell cell : result.cells()) {
            scenarios.computeIfAbsent(cell.scenario(), s -> new ArrayList<>()).add(cell);
        }
        return scenarios;
    }

    private void scenario(String scenario, List<ExploreResult.Cell> cells) {
        boolean isNull = cells.get(0).nullHypothesis();
        page.blank();
        page.line("Scenario: " + scenario + (isNull ? " (null hypothesis: the rejection rate is the type I error)" : ""));
        String baseline = cells.get(0).design();
        page.line(Layout.pad("  design", designWidth + 2) + Layout.right(isNull ? "type I error" : "power", 15)
                + Layout.right("vs " + Layout.abbreviate(baseline, 14), 24) + Layout.right("patients", 15) + Layout.right("events", 14)
                + Layout.right("months", 13) + Layout.right("stop early", 13));
        for (ExploreResult.Cell cell : cells) {
            ExploreResult.Figures f = cell.figures();
            ExploreResult.Difference d = result.differences().stream().filter(x -> x.scenario().equals(scenario)
                    && x.design().equals(cell.design()) && x.measure().equals("rejection")).findFirst().orElse(null);
            String difference = d == null ? Numbers.NONE : signedPercent(d.difference()) + " (" + FixedPoint.format(
                    100 * d.unpairedStandardError(), 1, false) + ")";
            page.line(("  " + Layout.pad(Layout.abbreviate(cell.design(), designWidth - 1), designWidth)
                    + Layout.right(Numbers.percentPlusMinus(f.rejection().value(), f.rejection().standardError()), 15)
                    + Layout.right(difference, 24) + Layout.right(mean(f.patients()), 15) + Layout.right(mean(f.events()), 14)
                    + Layout.right(mean(f.months()), 13)
                    + Layout.right(Numbers.percentPlusMinus(f.earlyStop().value(), f.earlyStop().standardError()), 13)).stripTrailing());
        }
        families(scenario, cells);
    }

    /**
     * The paired differences of the family-wise figures from the scenario's first design, three figures to a block
     * (each figure's own value is in the JSON's trial, {@code families}).
     */
    private void families(String scenario, List<ExploreResult.Cell> cells) {
        List<String> measures = ExploreReport.familyMeasures(result).stream().filter(m -> result.differences().stream()
                .anyMatch(d -> d.scenario().equals(scenario) && d.measure().equals(m))).toList();
        if (measures.isEmpty()) {
            return;
        }
        page.line("  family-wise: each design − " + cells.get(0).design() + ", ± paired standard error (unpaired in brackets)");
        for (int from = 0; from < measures.size(); from += 3) {
            List<String> block = measures.subList(from, Math.min(from + 3, measures.size()));
            StringBuilder header = new StringBuilder(Layout.pad("  design", designWidth + 2));
            for (String m : block) {
                header.append(Layout.right(Layout.abbreviate(ExploreReport.familyLabel(result, m), 25), 27));
            }
            page.line(header.toString());
            for (ExploreResult.Cell cell : cells.subList(1, cells.size())) {
                StringBuilder line = new StringBuilder("  " + Layout.pad(Layout.abbreviate(cell.design(), designWidth - 1), designWidth));
                for (String m : block) {
                    ExploreResult.Difference d = result.differences().stream().filter(x -> x.scenario().equals(scenario)
                            && x.design().equals(cell.design()) && x.measure().equals(m)).findFirst().orElse(null);
                    line.append(Layout.right(d == null ? Numbers.NONE : signedPercent(d.difference()) + " ("
                            + FixedPoint.format(100 * d.unpairedStandardError(), 1, false) + ")", 27));
                }
                page.line(line.toString().stripTrailing());
            }
        }
    }

    private void designs() {
        page.blank();
        List<String> constraints = new ArrayList<>();
        if (result.minPower() != null) {
            constraints.add("power ≥ " + Numbers.givenPercent(result.minPower()) + " in every scenario");
        }
        if (result.maxTypeIError() != null) {
            constraints.add("type I error ≤ " + Numbers.givenPercent(result.maxTypeIError()) + " in every null scenario");
        }
        page.wrapped("Designs by their worst scenario" + (constraints.isEmpty() ? " (no constraints)" : "; constraints: "
                + String.join(", ", constraints)) + "; ranked by the smallest worst expected " + result.objective() + ":", WIDTH);
        page.line(Layout.pad("  rank", 8) + Layout.pad("design", designWidth) + Layout.pad("worst power", 30)
                + Layout.pad("worst type I error", 30) + "worst " + result.objective());
        List<ExploreResult.Design> ordered = new ArrayList<>(result.designs());
        ordered.sort((a, b) -> Integer.compare(a.rank() == null ? Integer.MAX_VALUE : a.rank(),
                b.rank() == null ? Integer.MAX_VALUE : b.rank()));
        for (ExploreResult.Design d : ordered) {
            page.line(("  " + Layout.pad(d.rank() == null ? Numbers.NONE : Integer.toString(d.rank()), 6)
                    + Layout.pad(Layout.abbreviate(d.design(), designWidth - 1), designWidth)
                    + Layout.pad(worst(d.worstPower(), d.worstPowerScenario(), true), 30)
                    + Layout.pad(worst(d.worstTypeIError(), d.worstTypeIErrorScenario(), true), 30)
                    + worst(d.worstObjective(), d.worstObjectiveScenario(), false)).stripTrailing());
        }
        if (result.designs().stream().noneMatch(ExploreResult.Design::meetsConstraints)) {
            page.line("No design meets the constraints.");
        }
    }

    private static String worst(Estimate e, String scenario, boolean percent) {
        if (e == null) {
            return Numbers.NONE;
        }
        String value = percent ? Numbers.percentPlusMinus(e.value(), e.standardError()) : mean(e);
        return value + " (" + Layout.abbreviate(scenario, 12) + ")";
    }

    /** A mean with its standard error, to the digits the error leaves meaningful (at most two decimals). */
    static String mean(Estimate e) {
        if (!Double.isFinite(e.value())) {
            return Numbers.NONE;
        }
        // every replicate agreed (all patients enrolled, a fixed number of events): no digits to round to
        return e.standardError() == 0 ? Numbers.trimmed(e.value(), 2) + " ± 0" : Numbers.estimate(e.value(), e.standardError(), 2);
    }

    /** A difference of probabilities in points with its standard error: +3.8% ± 0.6. */
    static String signedPercent(Estimate e) {
        String v = FixedPoint.format(100 * e.value(), 1, false);
        return (v.startsWith("-") ? v : "+" + v) .replace("-", "−") + "% ± " + FixedPoint.format(100 * e.standardError(), 1, false).replace("-", "−");
    }
}
