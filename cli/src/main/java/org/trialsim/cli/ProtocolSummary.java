package org.trialsim.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.ControlCharacters;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Criterion;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Distribution;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.EventRule;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.MrdResponse;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.RiskGroups;
import org.trialsim.protocol.Route;
import org.trialsim.protocol.Stratum;
import org.trialsim.protocol.Toxicity;

/** Renders a protocol as readable text for {@code trialsim show}. */
final class ProtocolSummary {
    private final Protocol p;
    private final StringBuilder sb = new StringBuilder();

    ProtocolSummary(Protocol protocol) {
        this.p = protocol;
    }

    String render() {
        line(p.title());
        line("id " + p.id() + (p.registry() == null ? "" : " · registry " + p.registry()));
        if (p.description() != null) {
            wrap(p.description().strip(), "");
        }
        population();
        eligibility();
        riskGroups();
        arms();
        pathway();
        outcomes();
        endpoints();
        design();
        return sb.toString();
    }

    private void population() {
        section("Population");
        if (p.population().description() != null) {
            wrap(p.population().description().strip(), "  ");
        }
        int width = p.population().covariates().keySet().stream().mapToInt(String::length).max().orElse(0);
        p.population().covariates().forEach((name, c) ->
                line("  " + Columns.pad(name, width) + "  " + distribution(c.distribution()) + unit(c) + cite(c)));
        if (p.population().initialMrd() != null) {
            line("  MRD at enrolment: " + distribution(p.population().initialMrd()) + cite(p.population()));
        }
    }

    private static String unit(Covariate c) {
        return c.unit() == null ? "" : " (" + c.unit() + ")";
    }

    private void eligibility() {
        if (p.eligibility().isEmpty()) {
            return;
        }
        section("Eligibility");
        int width = p.eligibility().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Criterion> e : p.eligibility().entrySet()) {
            Criterion c = e.getValue();
            String kind = c.include() != null ? "include" : "exclude";
            line("  " + kind + "  " + Columns.pad(e.getKey(), width) + "  " + c.condition()
                    + (c.treatment() == null ? "" : "   (excludes from " + c.treatment() + " only)"));
        }
    }

    private void riskGroups() {
        section("Risk groups");
        RiskGroups r = p.riskGroups();
        r.groups().forEach((id, g) -> line("  " + id + (g.label() == null ? "" : "  " + g.label())
                + (g.description() == null ? "" : " — " + g.description())));
        line("  assigned at enrolment:");
        for (RiskGroups.Rule rule : r.initial()) {
            line("    " + (rule.when() == null ? "otherwise" : "if " + rule.when()) + " → " + rule.group());
        }
    }

    private void arms() {
        section("Arms");
        p.arms().forEach((id, a) -> line("  " + id + (a.label() == null ? "" : "  " + a.label())
                + (a.description() == null ? "" : " — " + a.description())));
    }

    private void pathway() {
        section("Pathway");
        tree(p.pathway().start(), "  ");
        if (!p.assessments().isEmpty()) {
            line("  MRD assessments:");
            p.assessments().forEach((id, a) -> line("    " + id + (a.label() == null ? "" : " (" + a.label() + ")")
                    + (a.method() == null ? "" : ", " + a.method()) + ", negative below " + num(a.detectionLimit())
                    + (a.thresholds().isEmpty() ? "" : ", reported at " + a.thresholds().stream().map(ProtocolSummary::num)
                    .collect(Collectors.joining(", ")))));
        }
    }

    /** A node still to be drawn, at its indent. */
    private record Walk(String id, String indent) {
    }

    /**
     * Draws the pathway from a node as an indented tree, depth first. The walk keeps its own stack of
     * lines and nodes still to draw rather than recursing: a pathway may nest thousands of decisions.
     */
    private void tree(String start, String indent) {
        Set<String> shown = new HashSet<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(new Walk(start, indent));
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof String text) {
                line(text);
            } else if (next instanceof Walk walk && walk.id() != null) {
                List<Object> steps = new ArrayList<>();
                node(walk.id(), walk.indent(), shown, steps);
                for (int i = steps.size() - 1; i >= 0; i--) {
                    todo.push(steps.get(i));
                }
            }
        }
    }

    /**
     * The lines of one node, and the nodes to draw after them (as {@link Walk}s): a block's successor at
     * the same indent, a decision's routes and an allocation's arms indented.
     */
    private void node(String id, String indent, Set<String> shown, List<Object> steps) {
        Node node = p.pathway().nodes().get(id);
        if (!shown.add(id)) {
            steps.add(indent + "→ " + id + " (shown above)");
            return;
        }
        if (node instanceof Node.Block b) {
            wrapped(indent, id + ": ", block(b), steps);
            if (b.substitute() != null && p.pathway().nodes().get(b.substitute()) instanceof Node.Block sub) {
                if (shown.add(b.substitute())) {
                    wrapped(indent + "  ", "(not eligible: " + b.substitute() + " instead) ", block(sub), steps);
                    if (sub.next() != null && !sub.next().equals(b.next())) {
                        steps.add(new Walk(sub.next(), indent + "    "));
                    }
                } else {
                    steps.add(indent + "  (not eligible: " + b.substitute() + " instead, shown above)");
                }
            }
            steps.add(new Walk(b.next(), indent));
        } else if (node instanceof Node.Decision d) {
            steps.add(indent + id + ": decision" + (d.label() == null ? "" : " — " + d.label()));
            List<Route> routes = d.routes();
            for (int i = 0; i < routes.size(); i++) {
                Route r = routes.get(i);
                boolean last = i == routes.size() - 1;
                steps.add(indent + (last ? "└─ " : "├─ ") + route(r));
                steps.add(new Walk(r.to(), indent + (last ? "     " : "│    ")));
            }
        } else if (node instanceof Node.Allocation a) {
            steps.add(indent + id + ": allocation" + (a.label() == null ? "" : " — " + a.label()));
            for (Map.Entry<String, Stratum> e : a.strata().entrySet()) {
                Stratum s = e.getValue();
                steps.add(indent + "  stratum " + e.getKey() + (s.when() == null ? "" : " (" + s.when() + ")") + ": "
                        + s.ratio().entrySet().stream().map(x -> x.getKey() + " " + x.getValue())
                        .collect(Collectors.joining(" : ")));
            }
            List<Map.Entry<String, String>> arms = new ArrayList<>(a.to().entrySet());
            for (int i = 0; i < arms.size(); i++) {
                boolean last = i == arms.size() - 1;
                steps.add(indent + (last ? "└─ " : "├─ ") + "arm " + arms.get(i).getKey() + " → " + arms.get(i).getValue());
                steps.add(new Walk(arms.get(i).getValue(), indent + (last ? "     " : "│    ")));
            }
        } else if (node instanceof Node.End e) {
            steps.add(indent + id + ": end, " + e.status().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (e.label() == null ? "" : " — " + e.label()));
        }
    }

    private static String route(Route r) {
        StringBuilder s = new StringBuilder();
        if (r.label() != null) {
            s.append('[').append(r.label()).append("] ");
        }
        if (r.when() != null) {
            s.append("if ").append(r.when());
        }
        if (r.probability() != null) {
            s.append(r.when() == null ? "with probability " : ", with probability ").append(pct(r.probability()));
        } else if (r.when() == null) {
            s.append("otherwise");
        }
        if (r.setRisk() != null) {
            s.append(": risk → ").append(r.setRisk());
        }
        return s.append(" → ").append(r.to()).toString();
    }

    /** Lines of parts joined by " · ", wrapped at 100 columns with continuation lines indented under the first. */
    private static void wrapped(String indent, String head, List<String> parts, List<Object> lines) {
        String continuation = indent + "    ";
        StringBuilder current = new StringBuilder(indent).append(head);
        boolean first = true;
        for (String part : parts) {
            String piece = first ? part : " · " + part;
            if (!first && current.length() + piece.length() > 100) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(continuation).append(part);
            } else {
                current.append(piece);
            }
            first = false;
        }
        lines.add(current.toString());
    }

    private static List<String> block(Node.Block b) {
        List<String> parts = new ArrayList<>();
        if (b.label() != null) {
            parts.add(b.label());
        }
        parts.add(b.kind().name().toLowerCase(Locale.ROOT) + ", " + num(b.durationDays()) + " days");
        if (b.dose() != null) {
            parts.add((b.dose().agent() == null ? "" : b.dose().agent() + " ")
                    + (b.dose().amount() == null ? "" : num(b.dose().amount()) + " ") + (b.dose().unit() == null ? "" : b.dose().unit()));
        }
        if (!b.requires().isEmpty()) {
            parts.add("requires " + String.join(", ", b.requires()));
        }
        MrdResponse m = b.mrdResponse();
        if (m != null) {
            parts.add("MRD " + signed(m.log10Shift()) + " logs (sd " + num(m.log10Sd()) + ")"
                    + (m.resistant() == null ? "" : ", resistant " + pct(m.resistant().probability())));
        }
        if (!b.assessments().isEmpty()) {
            parts.add("assessed: " + String.join(", ", b.assessments()));
        }
        if (b.deathProbability() != null) {
            parts.add("death " + pct(b.deathProbability()));
        }
        for (Map.Entry<String, Toxicity> t : b.toxicities().entrySet()) {
            parts.add((t.getValue().label() == null ? t.getKey() : t.getValue().label()) + " " + pct(t.getValue().probability()));
        }
        if (b.cost() != null) {
            parts.add("cost " + num(b.cost()));
        }
        return parts;
    }

    private void outcomes() {
        section("Outcome models");
        rules("relapse (while in remission, time since enrolment)", p.outcomes().relapse());
        rules("death in remission (time since enrolment)", p.outcomes().deathInRemission());
        rules("death after relapse or failure (time since the event)", p.outcomes().deathAfterEvent());
        line("  hazard curves:");
        p.outcomes().curves().forEach((id, c) -> line("    " + id + ": " + curve(c) + cite(c)));
    }

    private void rules(String title, List<EventRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        line("  " + title + ":");
        for (EventRule r : rules) {
            line("    " + (r.when() == null ? "otherwise" : "if " + r.when()) + " → " + r.curve()
                    + (r.hazardRatio() != 1.0 ? " × " + num(r.hazardRatio()) : "")
                    + (r.curedFraction() != 0.0 ? ", cured " + pct(r.curedFraction()) : ""));
        }
    }

    private static String curve(HazardCurve c) {
        if (c instanceof HazardCurve.Piecewise pw) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < pw.fromDays().size() && i < pw.ratesPerYear().size(); i++) {
                parts.add("from day " + num(pw.fromDays().get(i)) + ": " + num(pw.ratesPerYear().get(i)) + "/year");
            }
            return String.join(", ", parts);
        }
        HazardCurve.Survival s = (HazardCurve.Survival) c;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.atDays().size() && i < s.survival().size(); i++) {
            parts.add(pct(s.survival().get(i)) + " at " + days(s.atDays().get(i)));
        }
        return "event-free " + String.join(", ", parts) + (s.tailRatePerYear() > 0 ? ", then " + num(s.tailRatePerYear()) + "/year" : "");
    }

    private void endpoints() {
        section("Endpoints");
        for (Map.Entry<String, Endpoint> e : p.endpoints().entrySet()) {
            Endpoint ep = e.getValue();
            line("  " + e.getKey() + (ep.label() == null ? "" : "  " + ep.label()) + ": "
                    + ep.events().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " from " + ep.origin().name().toLowerCase(Locale.ROOT)
                    + (ep.remissionOnly() ? ", patients in remission only" : ""));
        }
        line("  follow-up " + num(p.followUp().horizonYears()) + " years");
    }

    private void design() {
        Design d = p.design();
        if (d == null) {
            return;
        }
        section("Design");
        if (d.label() != null) {
            line("  " + d.label());
        }
        if (d instanceof Design.Randomized r) {
            line("  randomized, " + r.sampleSize() + " patients");
            for (Design.Comparison c : r.comparisons()) {
                line("    " + (c.label() == null ? "" : c.label() + ": ") + c.experimental() + " vs " + c.control() + " on "
                        + (c.endpoint() != null ? c.endpoint() : "response \"" + c.response() + "\""));
            }
            accrual(r.accrual());
            randomization(r.randomization());
            analysis(r.analysis());
        } else if (d instanceof Design.SingleArmSurvival s) {
            line("  single arm (" + s.arm() + "), " + s.sampleSize() + " patients, " + s.endpoint() + " vs historical curve "
                    + s.historicalCurve());
            accrual(s.accrual());
            analysis(s.analysis());
        } else if (d instanceof Design.SingleArmResponse s) {
            line("  single arm (" + s.arm() + "), " + s.sampleSize() + " patients, response \"" + s.response() + "\" vs historical rate "
                    + pct(s.historicalRate()) + (s.expectedRate() == null ? "" : ", hoping for " + pct(s.expectedRate()))
                    + (s.alpha() == null ? "" : ", one-sided alpha " + num(s.alpha())));
        } else if (d instanceof Design.EarlyPhase e) {
            if (e.escalation() != null) {
                Design.Escalation x = e.escalation();
                line("  phase I: " + x.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", dose levels "
                        + x.levels().stream().map(l -> num(l.dose()) + (l.unit() == null ? "" : " " + l.unit()) + " (DLT "
                        + pct(l.dltProbability()) + ")").collect(Collectors.joining(", ")) + ", starting at level " + x.startLevel());
            }
            if (e.twoStage() != null) {
                Design.TwoStage t = e.twoStage();
                line("  phase II: Simon two-stage, p0 " + num(t.p0()) + ", p1 " + num(t.p1())
                        + (t.alpha() == null ? "" : ", alpha " + num(t.alpha())) + (t.beta() == null ? "" : ", beta " + num(t.beta()))
                        + (t.n() == null ? "" : ", design " + t.r1() + "/" + t.n1() + ", " + t.r() + "/" + t.n())
                        + (t.response() == null ? "" : ", response \"" + t.response() + "\""));
            }
        }
        if (d.isCited()) {
            line("  " + cite(d).strip());
        }
    }

    private void accrual(Design.Accrual a) {
        if (a != null) {
            line("  accrual " + num(a.patientsPerMonth()) + " patients/month"
                    + (a.rampUpMonths() > 0 ? " after a " + num(a.rampUpMonths()) + "-month ramp-up" : "")
                    + (a.dropoutPerYear() > 0 ? ", dropout " + num(a.dropoutPerYear()) + "/year" : "")
                    + (a.arrivals() == Design.Accrual.Arrivals.REGULAR ? ", evenly spaced" : "")
                    + a.changes().stream().map(c -> ", " + num(c.patientsPerMonth()) + "/month from month " + num(c.fromMonth()))
                    .collect(Collectors.joining()));
        }
    }

    private void randomization(Design.Randomization r) {
        String method = r == null ? Design.Randomization.SIMPLE : r.method();
        String text = "  randomization " + method;
        if (r != null) {
            text += (r.blockSizes().isEmpty() ? "" : ", blocks of " + r.blockSizes().stream().map(String::valueOf)
                    .collect(Collectors.joining(" or ")))
                    + (r.factors().isEmpty() ? "" : " by " + String.join(", ", r.factors()))
                    + (method.equals(Design.Randomization.MINIMIZATION) ? " (p " + num(r.p()) + ", "
                    + r.imbalance().name().toLowerCase(Locale.ROOT) + ")" : r.p() == null ? "" : " (p " + num(r.p()) + ")");
        }
        line(text);
    }

    private void analysis(Design.Analysis a) {
        if (a != null) {
            line("  analysis at one-sided alpha " + num(a.alpha())
                    + (a.events() == null ? "" : ", after " + a.events() + " events")
                    + (a.followUpMonths() == null ? "" : ", " + num(a.followUpMonths()) + " months after the last enrolment")
                    + (a.calendarMonths() == null ? "" : ", at month " + num(a.calendarMonths()) + " of the trial")
                    + (a.informationFractions().size() > 1 ? ", looks at " + a.informationFractions().stream().map(ProtocolSummary::num)
                    .collect(Collectors.joining(", ")) + " (" + a.spending() + ")" : ""));
        }
    }

    static String distribution(Distribution d) {
        if (d instanceof Distribution.Categorical c) {
            return c.probabilities().entrySet().stream().map(e -> e.getKey() + " " + pct(e.getValue())).collect(Collectors.joining(", "));
        }
        if (d instanceof Distribution.Bernoulli b) {
            return "yes " + pct(b.probability());
        }
        if (d instanceof Distribution.Constant c) {
            return "always " + num(c.value());
        }
        if (d instanceof Distribution.Uniform u) {
            return "uniform " + num(u.min()) + " to " + num(u.max());
        }
        if (d instanceof Distribution.Normal n) {
            return "normal, mean " + num(n.mean()) + ", sd " + num(n.sd()) + bounds(n.min(), n.max());
        }
        if (d instanceof Distribution.LogNormal n) {
            return "log-normal, median " + num(n.median()) + ", sd of log10 " + num(n.log10Sd()) + bounds(n.min(), n.max());
        }
        if (d instanceof Distribution.Histogram h) {
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < h.probabilities().size() && i + 1 < h.breaks().size(); i++) {
                bins.add(num(h.breaks().get(i)) + "–" + num(h.breaks().get(i + 1)) + ": " + pct(h.probabilities().get(i)));
            }
            return String.join(", ", bins);
        }
        Distribution.Conditional c = (Distribution.Conditional) d;
        return "by " + c.on() + ": " + c.cases().entrySet().stream().map(e -> e.getKey() + " → " + distribution(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String bounds(Double min, Double max) {
        if (min == null && max == null) {
            return "";
        }
        return ", within " + (min == null ? "-∞" : num(min)) + " to " + (max == null ? "∞" : num(max));
    }

    private String cite(Cited c) {
        if (c.source() != null) {
            String s = c.source().strip();
            return "   [" + p.references().getOrDefault(s, s) + "]";
        }
        if (c.assumption() != null) {
            return "   [assumption]";
        }
        return "";
    }

    private static String days(double d) {
        if (d % 365 == 0) {
            long years = (long) (d / 365);
            return years + (years == 1 ? " year" : " years");
        }
        return num(d) + " days";
    }

    static String pct(Double p) {
        if (p == null) {
            return "?";
        }
        double v = p * 100;
        String s = v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2g", v);
        return (s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s) + "%";
    }

    static String num(Double v) {
        if (v == null) {
            return "?";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf(v.longValue());
        }
        if (Math.abs(v) < 1e-3) {
            // 1.0e-4 rather than 0.000100: MRD levels read best in scientific notation
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e").replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    private static String signed(Double v) {
        return v != null && v > 0 ? "+" + num(v) : num(v);
    }

    private void section(String title) {
        line("");
        line(title);
    }

    private void wrap(String text, String indent) {
        int width = 100 - indent.length();
        StringBuilder current = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (current.length() + word.length() + 1 > width && current.length() > 0) {
                line(indent + current);
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            line(indent + current);
        }
    }

    /** Every line goes through here, so that control characters in the protocol's texts are made visible. */
    private void line(String s) {
        sb.append(ControlCharacters.visible(s)).append(System.lineSeparator());
    }

}
