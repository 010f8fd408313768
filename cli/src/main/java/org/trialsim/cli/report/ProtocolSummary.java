package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialsim.protocol.Cited;
import org.trialsim.protocol.Covariate;
import org.trialsim.protocol.Criterion;
import org.trialsim.protocol.Distribution;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.EventRule;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.RiskGroups;

/**
 * A protocol as readable text, for {@code trialsim show}: title and description, population,
 * eligibility, risk groups, arms, the pathway ({@link PathwayTree}), outcome models, endpoints and the
 * design ({@link DesignSummary}). Figures are shown as the protocol's author wrote them
 * ({@link Numbers#parameter}), each with its source.
 */
final class ProtocolSummary {
    private final Protocol p;
    private final Page page = new Page();

    private ProtocolSummary(Protocol protocol) {
        this.p = protocol;
    }

    /** The table writer of {@link ProtocolReport}. */
    static void write(ProtocolReport report, Writer out) throws IOException {
        out.write(new ProtocolSummary(report.protocol()).render());
    }

    private String render() {
        line(p.title());
        line("id " + p.id() + (p.registry() == null ? "" : " · registry " + p.registry()));
        if (p.description() != null) {
            wrap(p.description().strip(), "");
        }
        population();
        eligibility();
        riskGroups();
        arms();
        new PathwayTree(p, page).write();
        outcomes();
        endpoints();
        new DesignSummary(p, page).write();
        return page.text();
    }

    private void population() {
        section("Population");
        if (p.population().description() != null) {
            wrap(p.population().description().strip(), "  ");
        }
        int width = p.population().covariates().keySet().stream().mapToInt(String::length).max().orElse(0);
        p.population().covariates().forEach((name, c) ->
                line("  " + Layout.pad(name, width) + "  " + distribution(c.distribution()) + unit(c) + cite(c)));
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
            line("  " + kind + "  " + Layout.pad(e.getKey(), width) + "  " + c.condition()
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

    private void outcomes() {
        section("Outcome models");
        rules("relapse (while in remission, time since enrolment)", p.outcomes().relapse());
        rules("death in remission (time since enrolment)", p.outcomes().deathInRemission());
        rules("death after relapse or failure (time since the event)", p.outcomes().deathAfterEvent());
        p.outcomes().armHazardRatios().forEach((arm, r) -> {
            List<String> ratios = new ArrayList<>();
            if (r.relapse() != 1.0) {
                ratios.add("relapse × " + Numbers.parameter(r.relapse()));
            }
            if (r.deathInRemission() != 1.0) {
                ratios.add("death in remission × " + Numbers.parameter(r.deathInRemission()));
            }
            if (r.deathAfterEvent() != 1.0) {
                ratios.add("death after relapse or failure × " + Numbers.parameter(r.deathAfterEvent()));
            }
            line("  on arm " + arm + ", every rule's hazard: " + (ratios.isEmpty() ? "unchanged" : String.join(", ", ratios)) + cite(r));
        });
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
                    + (r.hazardRatio() != 1.0 ? " × " + Numbers.parameter(r.hazardRatio()) : "")
                    + (r.curedFraction() != 0.0 ? ", cured " + Numbers.parameterPercent(r.curedFraction()) : ""));
        }
    }

    private static String curve(HazardCurve c) {
        if (c instanceof HazardCurve.Piecewise pw) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < pw.fromDays().size() && i < pw.ratesPerYear().size(); i++) {
                parts.add("from day " + Numbers.parameter(pw.fromDays().get(i)) + ": " + Numbers.parameter(pw.ratesPerYear().get(i)) + "/year");
            }
            return String.join(", ", parts);
        }
        HazardCurve.Survival s = (HazardCurve.Survival) c;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.atDays().size() && i < s.survival().size(); i++) {
            parts.add(Numbers.parameterPercent(s.survival().get(i)) + " at " + Numbers.parameterDays(s.atDays().get(i)));
        }
        return "event-free " + String.join(", ", parts) + (s.tailRatePerYear() > 0 ? ", then " + Numbers.parameter(s.tailRatePerYear()) + "/year" : "");
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
        line("  follow-up " + Numbers.parameter(p.followUp().horizonYears()) + " years");
    }

    private static String distribution(Distribution d) {
        if (d instanceof Distribution.Categorical c) {
            return c.probabilities().entrySet().stream().map(e -> e.getKey() + " " + Numbers.parameterPercent(e.getValue())).collect(Collectors.joining(", "));
        }
        if (d instanceof Distribution.Bernoulli b) {
            return "yes " + Numbers.parameterPercent(b.probability());
        }
        if (d instanceof Distribution.Constant c) {
            return "always " + Numbers.parameter(c.value());
        }
        if (d instanceof Distribution.Uniform u) {
            return "uniform " + Numbers.parameter(u.min()) + " to " + Numbers.parameter(u.max());
        }
        if (d instanceof Distribution.Normal n) {
            return "normal, mean " + Numbers.parameter(n.mean()) + ", sd " + Numbers.parameter(n.sd()) + bounds(n.min(), n.max());
        }
        if (d instanceof Distribution.LogNormal n) {
            return "log-normal, median " + Numbers.parameter(n.median()) + ", sd of log10 " + Numbers.parameter(n.log10Sd()) + bounds(n.min(), n.max());
        }
        if (d instanceof Distribution.Histogram h) {
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < h.probabilities().size() && i + 1 < h.breaks().size(); i++) {
                bins.add(Numbers.parameter(h.breaks().get(i)) + "–" + Numbers.parameter(h.breaks().get(i + 1)) + ": " + Numbers.parameterPercent(h.probabilities().get(i)));
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
        return ", within " + (min == null ? "-∞" : Numbers.parameter(min)) + " to " + (max == null ? "∞" : Numbers.parameter(max));
    }

    private String cite(Cited c) {
        return cite(p, c);
    }

    /** Where a figure comes from, as "   [reference]" or "   [assumption]", or nothing when the protocol does not say. */
    static String cite(Protocol p, Cited c) {
        if (c.source() != null) {
            String s = c.source().strip();
            return "   [" + p.references().getOrDefault(s, s) + "]";
        }
        if (c.assumption() != null) {
            return "   [assumption]";
        }
        return "";
    }

    private void section(String title) {
        line("");
        line(title);
    }

    /** The text's words (separated by any white space, line breaks included) in lines of at most 100 columns, each indented. */
    private void wrap(String text, String indent) {
        page.wrapped(String.join(" ", text.split("\\s+")), 100 - indent.length(), indent, indent);
    }

    /** Every line goes through the page, which makes control characters in the protocol's texts visible. */
    private void line(String s) {
        page.line(s);
    }
}
