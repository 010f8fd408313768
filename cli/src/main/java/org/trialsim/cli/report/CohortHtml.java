package org.trialsim.cli.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsim.cli.report.html.Chart;
import org.trialsim.cli.report.html.FlowDiagram;
import org.trialsim.cli.report.html.HtmlPage;
import org.trialsim.cli.report.html.HtmlPage.Table;
import org.trialsim.cli.report.html.Ticks;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Route;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortResult.ArmResult;
import org.trialsim.simulator.cohort.CohortResult.EndpointResult;
import org.trialsim.simulator.cohort.CohortResult.NodeFlow;
import org.trialsim.simulator.cohort.CohortResult.Proportion;
import org.trialsim.simulator.cohort.CohortResult.SurvivalPoint;
import org.trialsim.simulator.run.Provenance;

/**
 * A cohort as a self-contained HTML page: provenance, the flow of patients as a CONSORT-like diagram
 * drawn from the pathway, Kaplan–Meier curves per arm with their 95% bands and the numbers at risk,
 * cumulative incidence of each kind of first event, MRD response at each assessment, toxicity and
 * death per block, and the text report. Every chart has its numbers in a table beside it or in a
 * section that opens under it.
 */
final class CohortHtml {
    private final CohortResult result;
    private final Protocol protocol;
    private final HtmlPage page;

    private CohortHtml(CohortReport report) {
        this.result = report.result();
        this.protocol = report.protocol();
        this.page = new HtmlPage(protocol.title());
    }

    /** The HTML writer of {@link CohortReport}. */
    static void write(CohortReport report, Writer out) throws IOException {
        out.write(new CohortHtml(report).render(report));
    }

    private String render(CohortReport report) throws IOException {
        Provenance p = result.provenance();
        page.paragraph(Numbers.count(p.patients()) + " virtual patients per arm, the same patients on every arm. Percentages with"
                + " 95% intervals, which show the Monte Carlo error at this number of patients.");
        page.facts(HtmlFacts.of(protocol, p));
        flow();
        survival();
        incidence();
        dataCuts();
        hazardRatios();
        responses();
        toxicity();
        StringWriter text = new StringWriter();
        CohortTable.write(report, text);
        page.heading(2, "The text report");
        page.preformatted("The tables of 'trialsim simulate' (as the table format writes them)", text.toString());
        return page.html(HtmlFacts.footer(p));
    }

    private String armName(ArmResult a) {
        return a.label() == null ? a.arm() : a.arm() + " — " + a.label();
    }

    private void flow() {
        page.heading(2, "Flow of patients");
        CohortResult.Flow first = result.arms().get(0).flow();
        FlowDiagram d = new FlowDiagram("flow", "The flow of patients through the pathway of " + protocol.id());
        d.node("\0presented", "start", List.of("Presented", Numbers.count(first.presented()) + " patients"));
        long failed = first.presented() - first.enrolled();
        if (failed > 0) {
            List<String> lines = new ArrayList<>();
            lines.add("Not eligible: " + Numbers.count(failed));
            for (var s : first.screenFailures()) {
                if (s.firstFailed() > 0) {
                    lines.add(s.criterion() + ": " + Numbers.count(s.firstFailed()));
                }
            }
            d.node("\0screened-out", "out", lines);
            d.edge("\0presented", "\0screened-out", null);
        }
        d.node("\0enrolled", "start", List.of("Enrolled", Numbers.count(first.enrolled()) + " ("
                + Numbers.percentOf(first.enrolled(), first.presented()) + ")"));
        d.edge("\0presented", "\0enrolled", null);
        d.edge("\0enrolled", protocol.pathway().start(), null);
        Table numbers = new Table("Patients at each node, per arm", header("Node"));
        Table routes = new Table("Routes taken, per arm (patients)", header("Node → route"));
        for (int i = 0; i < first.nodes().size(); i++) {
            NodeFlow n = first.nodes().get(i);
            List<Long> counts = new ArrayList<>();
            for (ArmResult a : result.arms()) {
                counts.add(a.flow().nodes().get(i).patients());
            }
            List<String> lines = new ArrayList<>();
            lines.add(n.label() == null ? n.id() : n.label());
            lines.addAll(countLines(counts));
            d.node(n.id(), n.type(), lines);
            numbers.row(cells(n.id() + (n.label() == null ? "" : " — " + n.label()), counts));
            if (n.branches() != null) {
                for (int b = 0; b < n.branches().size(); b++) {
                    List<Long> taken = new ArrayList<>();
                    for (ArmResult a : result.arms()) {
                        var branches = a.flow().nodes().get(i).branches();
                        taken.add(branches == null || b >= branches.size() ? 0 : branches.get(b).patients());
                    }
                    var branch = n.branches().get(b);
                    List<Route> from = fallThrough(n.id(), b, n.branches().size());
                    routes.row(cells(n.id() + " → " + (from.isEmpty() ? "" : "* ") + branch.label() + (branch.to() == null ? "" : " ("
                            + branch.to() + ")") + (from.isEmpty() ? "" : " — " + FallThrough.note(from)), taken));
                }
            }
        }
        boolean marked = false;
        for (Map.Entry<String, Node> e : protocol.pathway().nodes().entrySet()) {
            for (Map.Entry<String, String> edge : successors(e.getValue()).entrySet()) {
                d.edge(e.getKey(), edge.getKey(), edge.getValue());
                marked |= edge.getValue() != null && edge.getValue().startsWith("* ");
            }
        }
        page.figure(d, "Presented → screened out (first failed criterion) → enrolled → each node of the pathway with the patients"
                + " who reached it on each arm (one count when every arm has the same), and each route's label on its arrow. The"
                + " same virtual patients go through every arm." + (marked ? " A route marked * may also hold patients who met an"
                + " earlier route's condition but were not drawn for it (the routes table says which)." : ""), numbers);
        page.table(routes);
    }

    /** Each node the node leads to, with the label of the route or arm that leads there (the first, if several do). */
    private static Map<String, String> successors(Node node) {
        Map<String, String> next = new LinkedHashMap<>();
        if (node instanceof Node.Block b) {
            next.putIfAbsent(b.next(), null);
            if (b.substitute() != null) {
                next.putIfAbsent(b.substitute(), "substitute");
            }
        } else if (node instanceof Node.Decision d) {
            List<List<Route>> fallThrough = FallThrough.of(d);
            for (int i = 0; i < d.routes().size(); i++) {
                Route r = d.routes().get(i);
                next.putIfAbsent(r.to(), (fallThrough.get(i).isEmpty() ? "" : "* ") + r.label());
            }
        } else if (node instanceof Node.Allocation a) {
            a.to().forEach((arm, to) -> next.merge(to, "arm " + arm, (before, added) -> before + ", " + arm));
        }
        return next;
    }

    /** The earlier routes whose patients not drawn the route (the node's b-th of n) also holds; none if the node is no decision. */
    private List<Route> fallThrough(String node, int b, int n) {
        return protocol.pathway().nodes().get(node) instanceof Node.Decision d && d.routes().size() == n ? FallThrough.of(d).get(b) : List.of();
    }

    /** A node's counts: one line when every arm has the same, else two arms a line. */
    private List<String> countLines(List<Long> counts) {
        if (counts.stream().distinct().count() == 1) {
            return List.of(Numbers.count(counts.get(0)) + (result.arms().size() > 1 ? " (every arm)" : ""));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < counts.size(); i += 2) {
            String line = result.arms().get(i).arm() + " " + Numbers.count(counts.get(i));
            if (i + 1 < counts.size()) {
                line += " · " + result.arms().get(i + 1).arm() + " " + Numbers.count(counts.get(i + 1));
            }
            lines.add(line);
        }
        return lines;
    }

    private List<String> header(String first) {
        List<String> h = new ArrayList<>();
        h.add(first);
        result.arms().forEach(a -> h.add(a.arm()));
        return h;
    }

    private static List<String> cells(String first, List<Long> counts) {
        List<String> c = new ArrayList<>();
        c.add(first);
        counts.forEach(n -> c.add(Numbers.count(n)));
        return c;
    }

    /** Endpoint ids in protocol order, then any the protocol does not name. */
    private Set<String> endpointIds() {
        Set<String> ids = new LinkedHashSet<>(protocol.endpoints().keySet());
        result.arms().forEach(a -> a.endpoints().forEach(e -> ids.add(e.endpoint())));
        return ids;
    }

    private static EndpointResult endpoint(ArmResult a, String id) {
        return a.endpoints().stream().filter(e -> e.endpoint().equals(id)).findFirst().orElse(null);
    }

    private void survival() {
        page.heading(2, "Survival");
        for (String id : endpointIds()) {
            EndpointResult any = result.arms().stream().map(a -> endpoint(a, id)).filter(e -> e != null && !e.curve().isEmpty())
                    .findFirst().orElse(null);
            if (any == null) {
                page.paragraph(id + ": no patient counts for this endpoint on any arm.");
                continue;
            }
            String name = any.label() == null ? id : any.label();
            page.heading(3, name + " (from " + any.origin() + ")");
            double horizon = any.curve().get(any.curve().size() - 1).years();
            Ticks ticks = Ticks.covering(0, horizon, 8);
            Chart c = Chart.numeric("km-" + id, "Kaplan–Meier " + name + " per arm", "Years from " + any.origin(), name)
                    .x(0, horizon).y(0, 100).percent();
            List<String> names = new ArrayList<>();
            List<String[]> atRisk = new ArrayList<>();
            Table numbers = new Table(name + ", every month: % (95% interval), at risk", header("Years"));
            List<EndpointResult> perArm = new ArrayList<>();
            for (ArmResult a : result.arms()) {
                EndpointResult e = endpoint(a, id);
                perArm.add(e);
                int s = c.series(armName(a));
                if (e == null || e.curve().isEmpty()) {
                    continue;
                }
                double[][] xyz = points(e.curve(), 100);
                c.band(s, xyz[0], xyz[2], xyz[3]);
                c.step(s, xyz[0], xyz[1]);
                names.add(a.arm());
                atRisk.add(ticks.values().stream().map(t -> atRisk(e.curve(), t)).toArray(String[]::new));
            }
            // every arm's curve has a point each month from 0 to the horizon: row i is month i
            for (int i = 0; i < any.curve().size(); i++) {
                List<String> cells = new ArrayList<>();
                cells.add(Numbers.fixed(any.curve().get(i).years(), 2));
                for (EndpointResult e : perArm) {
                    SurvivalPoint pt = e == null || i >= e.curve().size() ? null : e.curve().get(i);
                    cells.add(pt == null ? Numbers.NONE : Numbers.percentInterval(pt.estimate(), pt.lower(), pt.upper()) + ", "
                            + Numbers.count(pt.atRisk()));
                }
                numbers.row(cells);
            }
            c.underAxis("Numbers at risk", ticks.values().stream().mapToDouble(Double::doubleValue).toArray(), names, atRisk);
            page.figure(c, name + ": Kaplan–Meier estimate per arm, every month, with its pointwise 95% interval (Greenwood,"
                    + " log-log) shaded; the numbers at risk under the time axis. " + Numbers.count(any.patients()) + " patients count on the"
                    + " first arm that has any.", numbers);
        }
    }

    /** The first events at each data cut asked for ({@code simulate --follow-up}): count and share per arm. */
    private void dataCuts() {
        List<CohortResult.DataCut> cuts = result.arms().stream().map(ArmResult::dataCuts).filter(c -> c != null).findFirst()
                .orElse(List.of());
        if (cuts.isEmpty()) {
            return;
        }
        page.heading(2, "First events at a data cut");
        for (int c = 0; c < cuts.size(); c++) {
            List<Double> months = cuts.get(c).followUpMonths();
            Table t = new Table("Follow-up " + Numbers.given(months.get(0)) + "–" + Numbers.given(months.get(1)) + " months: expected"
                    + " patients with each first event by the cut (share ± Monte Carlo standard error)", header("Endpoint: event"));
            for (String id : endpointIds()) {
                int ci = c;
                CohortResult.CutEndpoint any = result.arms().stream().map(a -> cut(a, ci, id)).filter(e -> e != null).findFirst()
                        .orElse(null);
                if (any == null) {
                    continue;
                }
                for (int k = 0; k < any.events().size(); k++) {
                    List<String> cells = new ArrayList<>();
                    cells.add(id + ": " + any.events().get(k).event());
                    for (ArmResult a : result.arms()) {
                        var e = cut(a, c, id);
                        var ev = e == null ? null : e.events().get(k);
                        cells.add(ev == null ? Numbers.NONE : Numbers.count(Math.round(ev.count())) + " of " + Numbers.count(e.patients())
                                + ", " + Numbers.percentPlusMinus(ev.share(), ev.standardError()));
                    }
                    t.row(cells);
                }
            }
            page.table(t);
        }
        page.paragraph("Each patient is followed from the endpoint's origin for a time uniform over the window, as with even accrual"
                + " and one cut; a patient counts with the chance that the follow-up reaches the first event.");
    }

    /** Each arm's hazard ratio against its control arm per endpoint ({@code simulate --hazard-ratio}). */
    private void hazardRatios() {
        List<String> controls = result.arms().stream().filter(a -> a.hazardRatios() != null)
                .flatMap(a -> a.hazardRatios().stream().map(CohortResult.HazardRatio::versus)).distinct().toList();
        if (controls.isEmpty()) {
            return;
        }
        page.heading(2, "Hazard ratios");
        for (String control : controls) {
            Table t = new Table("Hazard ratio against arm " + control + " (95% interval), events / patients", header("Endpoint"));
            for (String id : endpointIds()) {
                List<String> cells = new ArrayList<>();
                cells.add(id);
                boolean any = false;
                for (ArmResult a : result.arms()) {
                    var h = a.hazardRatios() == null ? null : a.hazardRatios().stream().filter(x -> x.versus().equals(control)
                            && x.endpoint().equals(id)).findFirst().orElse(null);
                    any |= h != null;
                    cells.add(a.arm().equals(control) ? "control" : h == null ? Numbers.NONE : CohortTable.ratio(h) + ", "
                            + Numbers.count(h.events()) + " / " + Numbers.count(h.patients()));
                }
                if (any) {
                    t.row(cells);
                }
            }
            page.table(t);
        }
        page.paragraph("Cox regression of each endpoint's first event (of any kind) on the arm, Efron ties, fitted to the same"
                + " virtual patients on both arms with every time in whole days; the interval is the Wald interval a trial of"
                + " these patients, taken as independent groups, would report.");
    }

    private static CohortResult.CutEndpoint cut(ArmResult a, int c, String endpoint) {
        return a.dataCuts() == null ? null : a.dataCuts().get(c).endpoints().stream().filter(e -> e.endpoint().equals(endpoint))
                .findFirst().orElse(null);
    }

    /** The patients at risk at t years: the monthly point nearest to t, or blank past the curve's end. */
    private static String atRisk(List<SurvivalPoint> curve, double t) {
        SurvivalPoint best = null;
        for (SurvivalPoint p : curve) {
            if (best == null || Math.abs(p.years() - t) < Math.abs(best.years() - t)) {
                best = p;
            }
        }
        return best == null || Math.abs(best.years() - t) > 0.05 ? "" : Numbers.count(best.atRisk());
    }

    /** x (years), estimate, lower and upper, times the scale. */
    private static double[][] points(List<SurvivalPoint> curve, double scale) {
        double[][] xyz = new double[4][curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            SurvivalPoint p = curve.get(i);
            xyz[0][i] = p.years();
            xyz[1][i] = scale * p.estimate();
            xyz[2][i] = scale * p.lower();
            xyz[3][i] = scale * p.upper();
        }
        return xyz;
    }

    private void incidence() {
        // the first endpoint whose first events have more than one kind (EFS before DFS in the built-ins' order)
        String id = endpointIds().stream().filter(e -> result.arms().stream().map(a -> endpoint(a, e))
                .anyMatch(r -> r != null && !r.incidence().isEmpty())).findFirst().orElse(null);
        if (id == null) {
            return;
        }
        page.heading(2, "Cumulative incidence of first events");
        EndpointResult any = result.arms().stream().map(a -> endpoint(a, id)).filter(r -> r != null && !r.incidence().isEmpty())
                .findFirst().orElseThrow();
        String name = any.label() == null ? id : any.label();
        page.paragraph("The first events of " + name + " by kind (Aalen–Johansen), each with the others competing: relapse, and"
                + " death in remission; 'failure' is a treatment failure (no remission), counted as an event at its day.");
        double horizon = any.curve().get(any.curve().size() - 1).years();
        for (int k = 0; k < any.incidence().size(); k++) {
            String event = any.incidence().get(k).event();
            String title = switch (event) {
                case "relapse" -> "Relapse";
                case "death" -> "Death in remission (death as the first event)";
                case "failure" -> "Treatment failure";
                default -> event;
            };
            Chart c = Chart.numeric("ci-" + id + "-" + event, "Cumulative incidence of " + event + " per arm", "Years from " + any.origin(),
                    "Cumulative incidence").x(0, horizon).percent();
            Table numbers = new Table(title + " by landmark: % (95% interval)", header("Years"));
            Map<Double, List<String>> rows = new LinkedHashMap<>();
            for (ArmResult a : result.arms()) {
                EndpointResult e = endpoint(a, id);
                int s = c.series(armName(a));
                if (e == null || e.incidence().size() <= k) {
                    continue;
                }
                var inc = e.incidence().get(k);
                double[][] xyz = points(inc.curve(), 100);
                c.band(s, xyz[0], xyz[2], xyz[3]);
                c.step(s, xyz[0], xyz[1]);
                for (SurvivalPoint pt : inc.landmarks()) {
                    rows.computeIfAbsent(pt.years(), y -> new ArrayList<>(List.of(Numbers.years(y))))
                            .add(Numbers.percentInterval(pt.estimate(), pt.lower(), pt.upper()));
                }
            }
            rows.values().forEach(numbers::row);
            page.heading(3, title);
            page.figure(c, title + ": cumulative incidence per arm, every month, with its 95% interval shaded.", numbers);
        }
    }

    private void responses() {
        Set<String> ids = new LinkedHashSet<>(protocol.assessments().keySet());
        result.arms().forEach(a -> a.responses().forEach(r -> ids.add(r.assessment())));
        List<String> assessed = ids.stream().filter(id -> result.arms().stream().anyMatch(a -> response(a, id) != null)).toList();
        if (assessed.isEmpty()) {
            return;
        }
        page.heading(2, "MRD response");
        List<String> labels = assessed.stream().map(id -> {
            var def = protocol.assessments().get(id);
            return def == null || def.label() == null ? id : def.label();
        }).toList();
        Chart c = Chart.categorical("mrd", "MRD negativity at each assessment, per arm", assessed, null, "MRD negative").y(0, 100).percent();
        Table numbers = new Table("MRD at each assessment: % (95% interval) of those assessed", header("Assessment"));
        for (ArmResult a : result.arms()) {
            c.series(armName(a));
        }
        for (int i = 0; i < assessed.size(); i++) {
            String id = assessed.get(i);
            List<String> negative = new ArrayList<>(List.of(labels.get(i) + ": negative"));
            Map<Double, List<String>> below = new LinkedHashMap<>();
            List<String> count = new ArrayList<>(List.of(labels.get(i) + ": assessed"));
            for (int s = 0; s < result.arms().size(); s++) {
                ArmResult a = result.arms().get(s);
                var r = response(a, id);
                if (r == null || r.negative().of() == 0) {
                    negative.add(Numbers.NONE);
                    count.add(r == null ? Numbers.NONE : "0");
                    continue;
                }
                c.interval(s, i, 100 * r.negative().estimate(), 100 * r.negative().lower(), 100 * r.negative().upper());
                negative.add(prop(r.negative()));
                count.add(Numbers.count(r.assessed()));
                for (var t : r.belowThreshold()) {
                    below.computeIfAbsent(t.threshold(), th -> new ArrayList<>(List.of(labels.get(assessed.indexOf(id)) + ": below "
                            + Numbers.mrdLevel(th)))).add(prop(t.rate()));
                }
            }
            numbers.row(negative);
            below.values().forEach(numbers::row);
            numbers.row(count);
        }
        page.figure(c, "MRD below the detection limit at each assessment (" + String.join("; ", describe(assessed, labels))
                + "), with its 95% interval (Wilson), of the patients assessed on each arm.", numbers);
    }

    private static List<String> describe(List<String> ids, List<String> labels) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            s.add(ids.get(i).equals(labels.get(i)) ? ids.get(i) : ids.get(i) + ": " + labels.get(i));
        }
        return s;
    }

    private static CohortResult.Response response(ArmResult a, String assessment) {
        return a.responses().stream().filter(r -> r.assessment().equals(assessment)).findFirst().orElse(null);
    }

    private void toxicity() {
        // each toxicity (and death) across the blocks that have it, per arm
        Map<String, String> kinds = new LinkedHashMap<>();
        Set<String> blocks = new LinkedHashSet<>();
        for (ArmResult a : result.arms()) {
            for (var b : a.toxicities()) {
                blocks.add(b.block());
                b.toxicities().forEach(t -> kinds.putIfAbsent(t.toxicity(), t.label() == null ? t.toxicity() : t.label()));
            }
        }
        if (blocks.isEmpty()) {
            return;
        }
        page.heading(2, "Toxicity and death per block");
        page.paragraph("Of the patients who started each block, with 95% intervals (Wilson).");
        kinds.put("\0death", "Death during the block");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            List<String> withIt = blocks.stream().filter(b -> result.arms().stream().anyMatch(a -> rate(a, b, kind.getKey()) != null
                    && rate(a, b, kind.getKey()).of() > 0)).toList();
            if (withIt.isEmpty()) {
                continue;
            }
            String key = kind.getKey().equals("\0death") ? "death" : kind.getKey();
            Chart c = Chart.categorical("tox-" + key, kind.getValue() + " per block, per arm", withIt, null, kind.getValue()).percent();
            Table numbers = new Table(kind.getValue() + ": % (95% interval) of patients starting the block", header("Block"));
            for (ArmResult a : result.arms()) {
                c.series(armName(a));
            }
            for (int i = 0; i < withIt.size(); i++) {
                List<String> row = new ArrayList<>(List.of(withIt.get(i)));
                for (int s = 0; s < result.arms().size(); s++) {
                    Proportion p = rate(result.arms().get(s), withIt.get(i), kind.getKey());
                    if (p == null || p.of() == 0) {
                        row.add(Numbers.NONE);
                        continue;
                    }
                    c.interval(s, i, 100 * p.estimate(), 100 * p.lower(), 100 * p.upper());
                    row.add(prop(p) + " of " + Numbers.count(p.of()));
                }
                numbers.row(row);
            }
            page.heading(3, kind.getValue());
            page.figure(c, kind.getValue() + " in each block that has it, per arm, with its 95% interval.", numbers);
        }
    }

    /** The rate of a toxicity (or death, for the key "\0death") in a block on an arm, or null if the arm has none there. */
    private static Proportion rate(ArmResult a, String block, String kind) {
        for (var b : a.toxicities()) {
            if (b.block().equals(block)) {
                if (kind.equals("\0death")) {
                    return b.death();
                }
                return b.toxicities().stream().filter(t -> t.toxicity().equals(kind)).map(CohortResult.ToxicityRate::rate).findFirst()
                        .orElse(null);
            }
        }
        return null;
    }

    private static String prop(Proportion p) {
        return p.of() == 0 ? Numbers.NONE : Numbers.percentInterval(p.estimate(), p.lower(), p.upper());
    }
}
