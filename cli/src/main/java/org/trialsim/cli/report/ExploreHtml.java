package org.trialsim.cli.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.trialsim.cli.report.html.Chart;
import org.trialsim.cli.report.html.HtmlPage;
import org.trialsim.cli.report.html.HtmlPage.Table;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.explore.ExploreResult.Cell;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.stats.Estimate;

/**
 * An exploration as a self-contained HTML page: the power (and, for the null scenarios, the type I
 * error) along the swept axis, one line per scenario (or per design, when only scenarios vary) with its
 * 95% Monte Carlo band; the expected objective along the same axis; the designs by their worst
 * scenario and those that meet the constraints; the paired differences; every cell; then the text
 * report. Every chart has its numbers in a table beside it or in a section that opens under it.
 *
 * <p>The swept axis is the designs when there are several, else the scenarios. It is drawn as a number
 * line when every one of its labels is a number (a sample size, events), in their numeric order; else
 * as categories in the sweep's order.
 */
final class ExploreHtml {
    /** The normal quantile of a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    private final ExploreResult result;
    private final HtmlPage page;
    private final List<String> designs;
    private final List<String> scenarios;
    /** Whether the x axis is the designs (each line a scenario) rather than the scenarios (each line a design). */
    private final boolean alongDesigns;

    private ExploreHtml(ExploreReport report) {
        this.result = report.result();
        this.page = new HtmlPage(report.title());
        Set<String> d = new LinkedHashSet<>();
        Set<String> s = new LinkedHashSet<>();
        for (Cell c : result.cells()) {
            d.add(c.design());
            s.add(c.scenario());
        }
        this.designs = List.copyOf(d);
        this.scenarios = List.copyOf(s);
        this.alongDesigns = designs.size() > 1 || scenarios.size() == 1;
    }

    /** The HTML writer of {@link ExploreReport}. */
    static void write(ExploreReport report, Writer out) throws IOException {
        out.write(new ExploreHtml(report).render(report));
    }

    private String render(ExploreReport report) throws IOException {
        Provenance p = result.provenance();
        int cells = result.cells().size();
        page.paragraph("Sweep: " + result.sweep() + " · " + Numbers.count(cells) + (cells == 1 ? " cell" : " cells") + " ("
                + designs.size() + (designs.size() == 1 ? " design" : " designs") + " × " + scenarios.size()
                + (scenarios.size() == 1 ? " scenario" : " scenarios") + ") · " + Numbers.count(p.replicates()) + " simulated trials each."
                + " Analysis " + result.analysis() + ": " + result.analysisLabel() + ". Every cell simulates the same virtual patients and"
                + " arrivals in replicate i (common random numbers), so designs are compared replicate by replicate. Each figure with"
                + " its Monte Carlo standard error (±), or a band of ±1.96 of them.");
        page.facts(facts(p));
        rejection(false);
        rejection(true);
        objective();
        worstCases();
        differences();
        everyCell();
        StringWriter text = new StringWriter();
        ExploreTable.write(report, text);
        page.heading(2, "The text report");
        page.preformatted("The tables of 'trialsim explore' (as the table format writes them)", text.toString());
        return page.html("Made by " + p.tool() + " " + p.version() + " from the sweep " + result.sweep() + " with seed " + p.seed() + ", "
                + Numbers.count(p.replicates()) + " simulated trials per cell. The same sweep and seed give the same numbers on any"
                + " machine and thread count.");
    }

    private List<String[]> facts(Provenance p) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Sweep", result.sweep()});
        for (String[] f : HtmlFacts.of(null, p)) {
            // the provenance is the first cell's: its protocol with that cell's changes
            String name = switch (f[0]) {
                case "Changed with --set" -> "The first cell's changes";
                case "Simulated trials" -> "Simulated trials per cell";
                default -> f[0];
            };
            facts.add(new String[] {name, f[1]});
        }
        facts.add(new String[] {"Analysis", result.analysis() + ": " + result.analysisLabel()});
        facts.add(new String[] {"Constraints", constraints().isEmpty() ? "none" : String.join("; ", constraints())});
        facts.add(new String[] {"Objective", "the smallest worst expected " + result.objective()});
        return facts;
    }

    private List<String> constraints() {
        List<String> c = new ArrayList<>();
        if (result.minPower() != null) {
            c.add("power ≥ " + Numbers.givenPercent(result.minPower()) + " in every scenario");
        }
        if (result.maxTypeIError() != null) {
            c.add("type I error ≤ " + Numbers.givenPercent(result.maxTypeIError()) + " in every null scenario");
        }
        return c;
    }

    /** The cell of a design in a scenario, or null if the sweep lists its cells and not this one. */
    private Cell cell(String design, String scenario) {
        for (Cell c : result.cells()) {
            if (c.design().equals(design) && c.scenario().equals(scenario)) {
                return c;
            }
        }
        return null;
    }

    private boolean isNull(String scenario) {
        return result.cells().stream().anyMatch(c -> c.scenario().equals(scenario) && c.nullHypothesis());
    }

    /**
     * The x axis's labels, in the order drawn (numeric order when every one is a number, else the
     * sweep's): the designs, or the scenarios of the kind asked (null: every one).
     */
    private List<String> xs(Boolean nullScenarios) {
        List<String> xs = new ArrayList<>(alongDesigns ? designs
                : scenarios.stream().filter(s -> nullScenarios == null || isNull(s) == nullScenarios).toList());
        if (numeric(xs)) {
            xs.sort(Comparator.comparingDouble(ExploreHtml::number));
        }
        return xs;
    }

    private static boolean numeric(List<String> labels) {
        return labels.stream().allMatch(l -> Double.isFinite(number(l)));
    }

    /** The label as a number (thousands separators and underscores allowed), NaN if it is not one. */
    private static double number(String label) {
        String s = label.strip().replace(",", "").replace("_", "");
        if (s.isEmpty() || !s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** The lines: the scenarios (of the kind asked; null: every one) when the x axis is the designs, else the designs. */
    private List<String> lines(Boolean nullScenarios) {
        if (alongDesigns) {
            return scenarios.stream().filter(s -> nullScenarios == null || isNull(s) == nullScenarios).toList();
        }
        return designs;
    }

    private Cell at(String x, String line) {
        return alongDesigns ? cell(x, line) : cell(line, x);
    }

    /** A chart over the swept axis: a number line or categories. */
    private Chart chart(String id, String title, List<String> xs, String yLabel) {
        String names = axisNames();
        String label = (alongDesigns ? "Design" : "Scenario") + (names == null ? "" : " (" + names + ")");
        return numeric(xs) ? Chart.numeric(id, title, label, yLabel) : Chart.categorical(id, title, xs, label, yLabel);
    }

    /**
     * The names of the axes the x axis's labels are made of, or null if they cannot be told. A cell's
     * name is "axis=value, …" over every axis, its design the values of the design axes joined by ", "
     * and its scenario those of the scenario axes: the axes of this side are the ones whose values make
     * its label (at most 8 axes, so every subset is tried).
     */
    private String axisNames() {
        Cell first = result.cells().get(0);
        String[] parts = first.name().split(", ");
        if (parts.length > 8) {
            return null;
        }
        for (int mask = 1; mask < 1 << parts.length; mask++) {
            List<String> names = new ArrayList<>();
            List<String> mine = new ArrayList<>();
            List<String> others = new ArrayList<>();
            boolean ok = true;
            for (int a = 0; a < parts.length && ok; a++) {
                int eq = parts[a].indexOf('=');
                ok = eq > 0;
                if (ok && (mask & 1 << a) != 0) {
                    names.add(parts[a].substring(0, eq));
                    mine.add(parts[a].substring(eq + 1));
                } else if (ok) {
                    others.add(parts[a].substring(eq + 1));
                }
            }
            String side = alongDesigns ? first.design() : first.scenario();
            String other = alongDesigns ? first.scenario() : first.design();
            if (ok && String.join(", ", mine).equals(side) && (others.isEmpty() ? other.equals(Sweep.AS_WRITTEN)
                    : String.join(", ", others).equals(other))) {
                return String.join(", ", names);
            }
        }
        return null;
    }

    private double x(List<String> xs, int i) {
        return numeric(xs) ? number(xs.get(i)) : i;
    }

    /**
     * One curve per line along the axis, each with its 95% band, and the numbers beside it.
     *
     * @param of     the figure of a cell
     * @param scale  100 for a probability drawn in percent, else 1
     */
    private void curves(Chart c, List<String> xs, List<String> lines, Function<Cell, Estimate> of, double scale, Table numbers) {
        List<List<String>> rows = new ArrayList<>();
        for (String x : xs) {
            rows.add(new ArrayList<>(List.of(x)));
        }
        for (String line : lines) {
            int s = c.series(line);
            double[] px = new double[xs.size()];
            double[] y = new double[xs.size()];
            double[] lo = new double[xs.size()];
            double[] hi = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                Cell cell = at(xs.get(i), line);
                Estimate e = cell == null ? null : of.apply(cell);
                px[i] = x(xs, i);
                y[i] = e == null ? Double.NaN : scale * e.value();
                lo[i] = e == null ? Double.NaN : scale * (e.value() - Z95 * e.standardError());
                hi[i] = e == null ? Double.NaN : scale * (e.value() + Z95 * e.standardError());
                rows.get(i).add(e == null ? Numbers.NONE : scale == 100 ? Numbers.percentPlusMinus(e.value(), e.standardError())
                        : ExploreTable.mean(e));
            }
            c.area(s, px, lo, hi);
            c.line(s, px, y);
        }
        rows.forEach(numbers::row);
    }

    private List<String> header(List<String> lines) {
        List<String> h = new ArrayList<>();
        h.add(alongDesigns ? "Design" : "Scenario");
        h.addAll(lines);
        return h;
    }

    private void rejection(boolean nullScenarios) {
        List<String> xs = xs(nullScenarios);
        List<String> shown = lines(nullScenarios).stream().filter(l -> xs.stream().anyMatch(x -> {
            Cell c = at(x, l);
            return c != null && c.nullHypothesis() == nullScenarios;
        })).toList();
        if (shown.isEmpty()) {
            return;
        }
        String what = nullScenarios ? "Type I error" : "Power";
        page.heading(2, nullScenarios ? "Type I error (the null scenarios)" : "Power along the swept axis");
        Chart c = chart(nullScenarios ? "type-one" : "power", what + " of analysis " + result.analysis() + " along the swept axis", xs,
                what).percent();
        Table numbers = new Table(what + " ± Monte Carlo standard error", header(shown));
        curves(c, xs, shown, cell -> cell.nullHypothesis() == nullScenarios ? cell.figures().rejection() : null, 100, numbers);
        Double limit = nullScenarios ? result.maxTypeIError() : result.minPower();
        if (limit != null) {
            c.reference(100 * limit, (nullScenarios ? "constraint: ≤ " : "constraint: ≥ ") + Numbers.givenPercent(limit));
        }
        if (!nullScenarios) {
            c.y(0, 100);
        }
        page.figure(c, what + " of analysis " + result.analysis() + " (" + result.analysisLabel() + ") in each cell, "
                + (alongDesigns ? "one line per scenario" : "one line per design") + ", with its 95% Monte Carlo band (±1.96 standard"
                + " errors over " + Numbers.count(result.provenance().replicates()) + " simulated trials)"
                + (limit == null ? "" : "; the dashed line is the constraint") + ".", numbers);
    }

    private void objective() {
        String objective = result.objective();
        Function<Cell, Estimate> of = switch (objective) {
            case "events" -> cell -> cell.figures().events();
            case "months" -> cell -> cell.figures().months();
            default -> cell -> cell.figures().patients();
        };
        String what = switch (objective) {
            case "events" -> "Expected events (or responses)";
            case "months" -> "Expected months to the conclusion";
            default -> "Expected patients";
        };
        List<String> xs = xs(null);
        List<String> lines = lines(null);
        page.heading(2, what + " (the objective)");
        Chart c = chart("objective", what + " along the swept axis", xs, what);
        Table numbers = new Table(what + " ± Monte Carlo standard error", header(lines));
        curves(c, xs, lines, of, 1, numbers);
        page.figure(c, what + " at the conclusion of analysis " + result.analysis() + " in each cell, "
                + (alongDesigns ? "one line per scenario" : "one line per design") + ", with its 95% Monte Carlo band. The designs are"
                + " ranked by the largest of these over the scenarios.", numbers);
    }

    private void worstCases() {
        page.heading(2, "Designs by their worst scenario");
        List<ExploreResult.Design> ranked = result.designs().stream().filter(ExploreResult.Design::meetsConstraints)
                .sorted(Comparator.comparing(d -> d.rank() == null ? Integer.MAX_VALUE : d.rank())).toList();
        List<String> constraints = constraints();
        if (ranked.isEmpty()) {
            page.paragraph("No design meets the constraints (" + (constraints.isEmpty() ? "none" : String.join("; ", constraints)) + ").");
        } else {
            List<String> names = new ArrayList<>();
            for (ExploreResult.Design d : ranked) {
                names.add(d.rank() + ". " + d.design());
            }
            page.paragraph("The designs that meet the constraints (" + (constraints.isEmpty() ? "none given" : String.join("; ", constraints))
                    + ", judged on the point estimates), ranked by the smallest worst expected " + result.objective() + ": "
                    + String.join("; ", names) + ".");
        }
        Table table = new Table("Each design's worst case over the scenarios (the scenario in brackets)", List.of("Design", "Rank",
                "Worst power", "Worst type I error", "Worst expected " + result.objective(), "Meets the constraints"));
        List<ExploreResult.Design> ordered = new ArrayList<>(result.designs());
        ordered.sort(Comparator.comparing(d -> d.rank() == null ? Integer.MAX_VALUE : d.rank()));
        for (ExploreResult.Design d : ordered) {
            table.row(d.design(), d.rank() == null ? Numbers.NONE : Integer.toString(d.rank()),
                    worst(d.worstPower(), d.worstPowerScenario(), true), worst(d.worstTypeIError(), d.worstTypeIErrorScenario(), true),
                    worst(d.worstObjective(), d.worstObjectiveScenario(), false), d.meetsConstraints() ? "yes" : "no");
        }
        page.table(table);
    }

    private static String worst(Estimate e, String scenario, boolean percent) {
        if (e == null) {
            return Numbers.NONE;
        }
        return (percent ? Numbers.percentPlusMinus(e.value(), e.standardError()) : ExploreTable.mean(e)) + " (" + scenario + ")";
    }

    private void differences() {
        if (result.differences().isEmpty()) {
            return;
        }
        page.heading(2, "Each design against the scenario's first, on the same patients");
        page.paragraph("The mean difference over the replicates, design − the scenario's first design, ± its paired standard error;"
                + " in brackets the standard error two independent runs would give.");
        List<String> families = ExploreReport.familyMeasures(result);
        List<String> columns = new ArrayList<>(List.of("Scenario", "Design", "vs", "Power (or type I error)", "Patients", "Events", "Months"));
        for (String m : families) {
            columns.add(ExploreReport.familyLabel(result, m));
        }
        Table table = new Table("Paired differences", columns);
        List<String> measures = new ArrayList<>(ExploreReport.ANALYSIS_MEASURES);
        measures.addAll(families);
        for (String scenario : scenarios) {
            for (String design : designs) {
                List<String> row = new ArrayList<>(List.of(scenario, design));
                String baseline = null;
                for (String measure : measures) {
                    ExploreResult.Difference d = result.differences().stream().filter(x -> x.scenario().equals(scenario)
                            && x.design().equals(design) && x.measure().equals(measure)).findFirst().orElse(null);
                    if (d == null) {
                        row.add(Numbers.NONE);
                        continue;
                    }
                    baseline = d.baseline();
                    Estimate e = d.difference();
                    row.add(measure.equals("rejection") || families.contains(measure)
                            ? ExploreTable.signedPercent(e) + " (" + Numbers.fixed(100 * d.unpairedStandardError(), 1) + ")"
                            : signed(e.value(), 2) + " ± " + Numbers.fixed(e.standardError(), 2) + " ("
                                    + Numbers.fixed(d.unpairedStandardError(), 2) + ")");
                }
                if (baseline != null) {
                    row.add(2, baseline);
                    table.row(row);
                }
            }
        }
        page.table(table);
    }

    private static String signed(double v, int decimals) {
        String s = Numbers.fixed(v, decimals);
        return v > 0 ? "+" + s : s.replace("-", "−");
    }

    private void everyCell() {
        page.heading(2, "Every cell");
        Table table = new Table("Each cell's figures ± Monte Carlo standard error", List.of("Cell", "Design", "Scenario",
                "Power / type I error", "Stop early", "Patients", "Events", "Months"));
        for (Cell c : result.cells()) {
            ExploreResult.Figures f = c.figures();
            table.row(c.name(), c.design(), c.scenario() + (c.nullHypothesis() ? " (null)" : ""),
                    Numbers.percentPlusMinus(f.rejection().value(), f.rejection().standardError()),
                    Numbers.percentPlusMinus(f.earlyStop().value(), f.earlyStop().standardError()), ExploreTable.mean(f.patients()),
                    ExploreTable.mean(f.events()), ExploreTable.mean(f.months()));
        }
        page.table(table);
    }
}
