package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortResult.ArmResult;

/**
 * The cohort result as a table for a person: the arms side by side (remission, transplant, MRD
 * response, survival at landmarks, competing risks, time on therapy, cost), then screening, and for each
 * arm the flow of patients through the pathway and the toxicity of each block. Percentages with 95%
 * intervals; the interval reflects Monte Carlo error at this number of patients.
 */
final class CohortTable {
    private static final int LABEL = 38;
    private static final int COLUMN = 19;

    private final CohortResult result;
    private final Protocol protocol;
    private final Page page = new Page();

    private CohortTable(CohortResult result, Protocol protocol) {
        this.result = result;
        this.protocol = protocol;
    }

    /** The table writer of {@link CohortReport}. */
    static void write(CohortReport report, Writer out) throws IOException {
        out.write(new CohortTable(report.result(), report.protocol()).render());
    }

    private String render() {
        var prov = result.provenance();
        line(protocol.title());
        line(String.format(Locale.ROOT, "%s virtual patients per arm · seed %d", Numbers.count(prov.patients()), prov.seed()));
        line(String.format(Locale.ROOT, "trialsim %s · %s (sha256 %s…)", prov.version(), prov.protocol(), prov.contentHash().substring(0, 12)));
        if (!prov.settings().isEmpty()) {
            line("Changed with --set: " + String.join(", ", prov.settings()));
        }
        line("Percentages with 95% intervals, which show the Monte Carlo error at this number of patients.");
        screening(result.arms().get(0).flow());
        comparison();
        dataCuts();
        hazardRatios();
        if (result.subgroups() != null) {
            for (CohortResult.Subgroup g : result.subgroups()) {
                subgroup(g);
            }
        }
        for (ArmResult arm : result.arms()) {
            flow(arm);
            toxicity(arm);
        }
        return page.text();
    }

    /** The comparison of the arms among a subgroup's patients ({@code simulate --by}). */
    private void subgroup(CohortResult.Subgroup g) {
        blank();
        long enrolled = g.arms().get(0).flow().enrolled();
        line("Among " + g.among() + ": " + Numbers.count(enrolled) + " enrolled ("
                + Numbers.percentOf(enrolled, result.arms().get(0).flow().enrolled()) + ")");
        if (enrolled == 0) {
            return;
        }
        CohortTable among = new CohortTable(new CohortResult(result.provenance(), g.arms()), protocol);
        among.comparison();
        among.dataCuts();
        among.hazardRatios();
        // the comparison begins with a blank line, already written above
        page.append(among.page.text().substring(System.lineSeparator().length()));
    }

    private void screening(CohortResult.Flow f) {
        blank();
        line("Screening and enrolment");
        line("  presented " + Numbers.count(f.presented()) + " · enrolled " + Numbers.count(f.enrolled()) + " (" + Numbers.percentOf(f.enrolled(), f.presented()) + ")");
        for (var s : f.screenFailures()) {
            if (s.failed() > 0) {
                line("  not eligible: " + s.criterion() + "  " + Numbers.count(s.failed()) + " (" + Numbers.percentOf(s.failed(), f.presented()) + ")"
                        + (s.firstFailed() != s.failed() ? ", first reason for " + Numbers.count(s.firstFailed()) : ""));
            }
        }
        if (f.enrolled() == 0) {
            line("  No presenting patient was eligible, so nothing after screening can be estimated.");
            return;
        }
        for (var t : f.treatmentExclusions()) {
            line("  enrolled but not eligible for " + t.treatment() + ": " + Numbers.count(t.patients()) + " (" + Numbers.percentOf(t.patients(), f.enrolled()) + ")");
        }
        List<String> risk = new ArrayList<>();
        f.riskAtEnrolment().forEach((g, n) -> risk.add(g + " " + Numbers.percentOf(n, f.enrolled())));
        line("  risk group at enrolment: " + String.join(" · ", risk));
    }

    private void comparison() {
        blank();
        StringBuilder head = new StringBuilder(Layout.pad("", LABEL));
        StringBuilder sub = new StringBuilder(Layout.pad("", LABEL));
        for (ArmResult a : result.arms()) {
            head.append(Layout.right(a.arm(), COLUMN));
            sub.append(Layout.right(Layout.abbreviate(a.label() == null ? "" : a.label(), COLUMN - 2), COLUMN));
        }
        line(head.toString());
        line(sub.toString());
        row("Patients on the arm", a -> Numbers.count(a.flow().onArm()));
        row("Complete remission (at some point)", a -> prop(a.remission()));
        if (result.arms().stream().anyMatch(a -> a.transplant().count() > 0)) {
            row("Transplanted", a -> prop(a.transplant()));
        }
        for (String assessment : protocol.assessments().keySet()) {
            if (result.arms().stream().noneMatch(a -> response(a, assessment) != null)) {
                continue;
            }
            var def = protocol.assessments().get(assessment);
            line("MRD, " + Layout.abbreviate((def.label() == null ? assessment : def.label()), LABEL + COLUMN));
            row("  negative (< " + Numbers.mrdLevel(def.detectionLimit()) + ")", a -> {
                var r = response(a, assessment);
                return r == null ? "" : prop(r.negative());
            });
            for (int t = 0; t < def.thresholds().size(); t++) {
                int ti = t;
                row("  below " + Numbers.mrdLevel(def.thresholds().get(t)), a -> {
                    var r = response(a, assessment);
                    return r == null ? "" : prop(r.belowThreshold().get(ti).rate());
                });
            }
            row("  assessed", a -> {
                var r = response(a, assessment);
                return r == null ? "" : Numbers.count(r.assessed());
            });
        }
        List<String> endpointNotes = new ArrayList<>();
        for (String endpoint : protocol.endpoints().keySet()) {
            var def = protocol.endpoints().get(endpoint);
            String name = def.label() == null ? endpoint : def.label();
            List<String> without = result.arms().stream().filter(a -> a.flow().onArm() > 0 && endpoint(a, endpoint) == null)
                    .map(ArmResult::arm).toList();
            if (!without.isEmpty()) {
                endpointNotes.add(name + ": no patient on " + (without.size() == 1 ? "arm " : "arms ") + String.join(", ", without)
                        + " counts for it" + (def.remissionOnly() ? ", since it counts only patients who reached remission and none did"
                        : "") + " (–).");
            }
            CohortResult.EndpointResult first = result.arms().stream().map(a -> endpoint(a, endpoint)).filter(e -> e != null)
                    .findFirst().orElse(null);
            if (first == null) {
                continue;
            }
            line(name + " (from " + def.origin().name().toLowerCase(Locale.ROOT) + ")");
            for (int i = 0; i < first.landmarks().size(); i++) {
                int li = i;
                row("  " + Numbers.years(first.landmarks().get(i).years()), a -> {
                    var e = endpoint(a, endpoint);
                    return e == null ? Numbers.NONE : pct(e.landmarks().get(li));
                });
            }
            for (int k = 0; k < first.incidence().size(); k++) {
                int ki = k;
                var inc = first.incidence().get(k);
                int last = Math.min(1, inc.landmarks().size() - 1);
                for (int i = 0; i <= last && i < inc.landmarks().size(); i++) {
                    int li = i;
                    row("  " + inc.event() + " first, by " + Numbers.years(inc.landmarks().get(i).years()), a -> {
                        var e = endpoint(a, endpoint);
                        return e == null ? Numbers.NONE : pct(e.incidence().get(ki).landmarks().get(li));
                    });
                }
            }
        }
        row("Time on therapy, months (mean ± sd)", a -> Numbers.meanPlusMinus(a.timeOnTherapyDays().mean() / TimeUnits.DAYS_PER_MONTH,
                a.timeOnTherapyDays().standardDeviation() / TimeUnits.DAYS_PER_MONTH, "%.1f"));
        if (result.arms().get(0).costPerPatient() != null) {
            row("Cost per patient, " + (result.arms().get(0).currency() == null ? "" : result.arms().get(0).currency() + ", ") + "mean ± se",
                    a -> Numbers.meanPlusMinus(a.costPerPatient().mean(), a.costPerPatient().standardError(), "%,.0f"));
        }
        notes();
        endpointNotes.forEach(this::wrapped);
    }

    /**
     * The first events a trial would count at each data cut asked for ({@code simulate --follow-up}): per
     * endpoint and kind of first event, the expected count among the arm's patients and its share.
     */
    private void dataCuts() {
        List<CohortResult.DataCut> first = result.arms().stream().map(ArmResult::dataCuts).filter(c -> c != null).findFirst()
                .orElse(List.of());
        for (int c = 0; c < first.size(); c++) {
            int ci = c;
            List<Double> months = first.get(c).followUpMonths();
            blank();
            wrapped("First events at a data cut, each patient followed from the endpoint's origin for " + (months.get(0).equals(months.get(1))
                    ? Numbers.given(months.get(0)) + " months" : "a time uniform over " + Numbers.given(months.get(0)) + "–"
                    + Numbers.given(months.get(1)) + " months") + ": the expected number of the arm's patients with each first"
                    + " event by the cut (its share of the patients the endpoint counts)");
            double largest = 0;
            for (String endpoint : protocol.endpoints().keySet()) {
                CohortResult.CutEndpoint any = result.arms().stream().map(a -> cut(a, ci, endpoint)).filter(e -> e != null).findFirst()
                        .orElse(null);
                if (any == null) {
                    continue;
                }
                var def = protocol.endpoints().get(endpoint);
                line(def.label() == null ? endpoint : def.label());
                row("  patients counted", a -> {
                    var e = cut(a, ci, endpoint);
                    return e == null ? Numbers.NONE : Numbers.count(e.patients());
                });
                for (int k = 0; k < any.events().size(); k++) {
                    int ki = k;
                    row("  " + any.events().get(k).event() + " first", a -> {
                        var e = cut(a, ci, endpoint);
                        if (e == null) {
                            return Numbers.NONE;
                        }
                        var ev = e.events().get(ki);
                        return Numbers.count(Math.round(ev.count())) + " (" + Numbers.fixed(100 * ev.share(), 1) + "%)";
                    });
                    for (ArmResult a : result.arms()) {
                        var e = cut(a, ci, endpoint);
                        largest = e == null ? largest : Math.max(largest, e.events().get(k).standardError());
                    }
                }
            }
            line("  Monte Carlo standard error of each share at most " + Numbers.fixed(100 * largest, 2) + " percentage points.");
        }
    }

    /** Each arm's hazard ratio against its control arm per endpoint ({@code simulate --hazard-ratio}). */
    private void hazardRatios() {
        List<String> controls = result.arms().stream().filter(a -> a.hazardRatios() != null)
                .flatMap(a -> a.hazardRatios().stream().map(CohortResult.HazardRatio::versus)).distinct().toList();
        for (String control : controls) {
            blank();
            wrapped("Hazard ratio against arm " + control + " (Cox regression of the first event on the arm, Efron ties, on the same"
                    + " virtual patients; 95% interval)");
            for (String endpoint : protocol.endpoints().keySet()) {
                if (result.arms().stream().noneMatch(a -> hazardRatio(a, control, endpoint) != null)) {
                    continue;
                }
                var def = protocol.endpoints().get(endpoint);
                row("  " + (def.label() == null ? endpoint : def.label()), a -> {
                    if (a.arm().equals(control)) {
                        return "control";
                    }
                    var h = hazardRatio(a, control, endpoint);
                    return h == null ? Numbers.NONE : ratio(h);
                });
            }
        }
    }

    private static CohortResult.HazardRatio hazardRatio(ArmResult a, String control, String endpoint) {
        return a.hazardRatios() == null ? null : a.hazardRatios().stream().filter(h -> h.versus().equals(control)
                && h.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** A hazard ratio with its interval, three decimals: 0.762 (0.701–0.829); "–" when it cannot be estimated. */
    static String ratio(CohortResult.HazardRatio h) {
        if (!Double.isFinite(h.hazardRatio()) || !Double.isFinite(h.lower())) {
            return Numbers.NONE;
        }
        return Numbers.fixed(h.hazardRatio(), 3) + " (" + Numbers.fixed(h.lower(), 3) + "–" + Numbers.fixed(h.upper(), 3) + ")";
    }

    private static CohortResult.CutEndpoint cut(ArmResult a, int c, String endpoint) {
        return a.dataCuts() == null ? null : a.dataCuts().get(c).endpoints().stream().filter(e -> e.endpoint().equals(endpoint))
                .findFirst().orElse(null);
    }

    /** Says, in words, why figures are left blank (–) where they cannot be computed. */
    private void notes() {
        var f = result.arms().get(0).flow();
        if (f.enrolled() == 0) {
            return; // said under screening
        }
        List<String> notOffered = new ArrayList<>();
        List<String> neverReached = new ArrayList<>();
        List<String> single = new ArrayList<>();
        for (ArmResult a : result.arms()) {
            if (a.flow().onArm() == 0) {
                (a.flow().notOffered() == f.enrolled() ? notOffered : neverReached).add(a.arm());
            } else if (a.flow().onArm() == 1) {
                single.add(a.arm());
            }
        }
        note(notOffered, "no allocation stratum that the enrolled patients reach offers it, so its figures are left blank (–).");
        note(neverReached, "every enrolled patient left the pathway (death, relapse or an end) before allocation to it, so its"
                + " figures are left blank (–); the flow of patients below shows where.");
        if (!single.isEmpty()) {
            wrapped((single.size() == 1 ? "Arm " + single.get(0) + " has" : "Arms " + String.join(", ", single) + " each have")
                    + " one patient: a spread or standard error needs two (–).");
        }
    }

    private void note(List<String> arms, String why) {
        if (!arms.isEmpty()) {
            wrapped("No patient was on " + (arms.size() == 1 ? "arm " + arms.get(0) : "arms " + String.join(", ", arms)) + ": "
                    + (arms.size() == 1 ? why : why.replace(" it,", " them,").replace(" its ", " their ").replace(" to it", " to them")));
        }
    }

    private void wrapped(String text) {
        page.wrapped(text, 100);
    }

    private void flow(ArmResult arm) {
        blank();
        line("Flow of patients on arm " + arm.arm() + (arm.label() == null ? "" : " (" + arm.label() + ")"));
        var f = arm.flow();
        if (f.nodes().stream().allMatch(n -> n.patients() == 0)) {
            line("  no patient");
        }
        if (f.notOffered() > 0) {
            line("  " + Numbers.count(f.notOffered()) + " patients reach allocation in a stratum without this arm and are not followed here");
        }
        for (CohortResult.NodeFlow n : f.nodes()) {
            if (n.patients() == 0) {
                continue;
            }
            String name = n.id() + (n.label() == null ? "" : " — " + n.label());
            switch (n.type()) {
                case "block" -> {
                    List<String> parts = new ArrayList<>();
                    parts.add(Numbers.count(n.given()) + " given");
                    if (n.substituted() > 0) {
                        parts.add(Numbers.count(n.substituted()) + " substituted");
                    }
                    if (n.skipped() > 0) {
                        parts.add(Numbers.count(n.skipped()) + " skipped (not eligible)");
                    }
                    if (n.died() > 0) {
                        parts.add(Numbers.count(n.died()) + " died (" + Numbers.percentOf(n.died(), n.given()) + ")");
                    }
                    if (n.relapsed() > 0) {
                        parts.add(Numbers.count(n.relapsed()) + " relapsed (" + Numbers.percentOf(n.relapsed(), n.given()) + ")");
                    }
                    line("  " + Layout.abbreviate(name, 96));
                    line("      " + String.join(" · ", parts));
                }
                case "end" -> line("  " + Layout.abbreviate(name, 60) + ": " + Numbers.count(n.patients()));
                default -> {
                    line("  " + Layout.abbreviate(name, 70) + ": " + Numbers.count(n.patients()));
                    List<CohortResult.Branch> branches = n.branches();
                    List<List<Route>> fallThrough = protocol.pathway().nodes().get(n.id()) instanceof Node.Decision d
                            && d.routes().size() == branches.size() ? FallThrough.of(d) : null;
                    for (int i = 0; i < branches.size(); i++) {
                        var b = branches.get(i);
                        line("    " + (i == branches.size() - 1 ? "└─ " : "├─ ") + String.format(Locale.ROOT, "%5.1f%%", b.percent())
                                + " " + Layout.pad(Numbers.count(b.patients()), 9) + Layout.abbreviate(b.label(), 58) + (b.to() == null ? "" : " → " + b.to()));
                        if (fallThrough != null && !fallThrough.get(i).isEmpty()) {
                            // the count holds patients the label does not describe: say which
                            for (String l : Layout.wrap(FallThrough.note(fallThrough.get(i)), 100 - 20)) {
                                line((i == branches.size() - 1 ? "       " : "    │  ") + "             " + l);
                            }
                        }
                    }
                }
            }
        }
    }

    private void toxicity(ArmResult arm) {
        if (arm.toxicities().isEmpty()) {
            return;
        }
        blank();
        line("Toxicity and death by block on arm " + arm.arm() + " (of patients starting the block)");
        for (var b : arm.toxicities()) {
            List<String> parts = new ArrayList<>();
            for (var t : b.toxicities()) {
                parts.add((t.label() == null ? t.toxicity() : t.label()) + " " + prop(t.rate()));
            }
            if (b.death().count() > 0) {
                parts.add("death " + prop(b.death()));
            }
            if (parts.isEmpty()) {
                continue;
            }
            line("  " + b.block() + " (" + Numbers.count(b.started()) + "):");
            for (String p : parts) {
                line("    " + p);
            }
        }
    }

    private void row(String label, Function<ArmResult, String> value) {
        StringBuilder s = new StringBuilder(Layout.pad(Layout.abbreviate(label, LABEL - 1), LABEL));
        for (ArmResult a : result.arms()) {
            s.append(Layout.right(value.apply(a), COLUMN));
        }
        line(s.toString().stripTrailing());
    }

    private static CohortResult.Response response(ArmResult a, String assessment) {
        return a.responses().stream().filter(r -> r.assessment().equals(assessment)).findFirst().orElse(null);
    }

    private static CohortResult.EndpointResult endpoint(ArmResult a, String endpoint) {
        return a.endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** A proportion in percent with its 95% interval; "–" when no patient was counted. */
    private static String prop(CohortResult.Proportion p) {
        return p.of() == 0 ? Numbers.NONE : Numbers.percentInterval(p.estimate(), p.lower(), p.upper());
    }

    /** A point of a survival or incidence curve in percent with its 95% interval. */
    private static String pct(CohortResult.SurvivalPoint p) {
        return Numbers.percentInterval(p.estimate(), p.lower(), p.upper());
    }

    private void blank() {
        page.blank();
    }

    /** Every line goes through the page, which makes control characters in the protocol's texts visible. */
    private void line(String s) {
        page.line(s);
    }
}
