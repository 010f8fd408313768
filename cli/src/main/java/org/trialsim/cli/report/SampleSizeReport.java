package org.trialsim.cli.report;

import static org.trialsim.cli.report.Format.JSON;
import static org.trialsim.cli.report.Format.TABLE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.design.sizing.Hazards;
import org.trialsim.simulator.design.sizing.RatesResult;
import org.trialsim.simulator.design.sizing.SurvivalResult;

/**
 * The report of {@code design survival} and {@code design rates}: an analytic sample size (or a survival
 * design's power), its looks, and what it was computed for. docs/design-calculators.md documents the JSON.
 *
 * @param survival  the survival result, or null
 * @param hazards   the survival assumptions, or null
 * @param rates     the rates result, or null
 * @param spending  the α spending function's name
 * @param betaSpending the β spending function's name when the futility bounds come from one, else null
 * @param powerMode whether the power of given events was computed (else a sample size)
 * @param protocol  the protocol parameters came from, or null
 */
public record SampleSizeReport(SurvivalResult survival, Hazards hazards, RatesResult rates, String spending, String betaSpending,
                               boolean powerMode, LoadedProtocol protocol) implements Report {
    /** The formats an analytic sample size is written in. */
    public static final Set<Format> FORMATS = Format.setOf(TABLE, JSON);
    private static final String NL = System.lineSeparator();

    /** A survival sample size, or a survival design's power. */
    public static SampleSizeReport survival(SurvivalResult result, Hazards hazards, String spending, String betaSpending,
                                            boolean powerMode, LoadedProtocol protocol) {
        return new SampleSizeReport(result, hazards, null, spending, betaSpending, powerMode, protocol);
    }

    /** A sample size of rates. */
    public static SampleSizeReport rates(RatesResult result, String spending, String betaSpending, LoadedProtocol protocol) {
        return new SampleSizeReport(null, null, result, spending, betaSpending, false, protocol);
    }

    @Override
    public void write(Format format, Writer out) throws IOException {
        Writers.BY_FORMAT.write(this, format, out);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? f("%." + decimals + "f", v) : Numbers.NONE;
    }

    private static String z(double v) {
        return Double.isFinite(v) ? f("%.4f", v) : Numbers.NONE;
    }

    private static String looksLine(int looks, SampleSizeReport report) {
        return looks == 1 ? "one look (a fixed design)"
                : looks + " looks, " + report.spending() + " alpha spending (Lan-DeMets)"
                + (report.betaSpending() == null ? "" : ", futility bounds by " + report.betaSpending() + " beta spending");
    }

    private static void table(SampleSizeReport report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (report.survival() != null) {
            survivalTable(report, sb);
        } else {
            ratesTable(report, sb);
        }
        out.write(sb.toString().replaceAll("(?m)[ \t]+$", ""));
    }

    private static void survivalTable(SampleSizeReport report, StringBuilder sb) {
        SurvivalResult r = report.survival();
        Hazards h = report.hazards();
        sb.append("Two-arm survival, log-rank test: ").append(report.powerMode() ? "power" : "sample size").append(" by ")
                .append(r.formula().title()).append("'s formula").append(NL);
        sb.append("Hazard ratio ").append(Numbers.given(r.hazardRatio())).append(" (experimental / control) against ")
                .append(Numbers.given(r.margin())).append(r.margin() == 1 ? " (superiority)" : r.margin() > 1 ? " (non-inferiority margin)"
                        : " (superiority by a margin)").append(';').append(NL).append("one-sided alpha ").append(Numbers.given(r.alpha())).append(", ")
                .append(report.powerMode() ? "power " + f("%.4f", r.power()) + " (computed)" : "power " + Numbers.given(r.power()))
                .append('.').append(NL);
        sb.append("Control arm: ").append(hazardsText(h)).append('.').append(NL);
        sb.append("Allocation ").append(Numbers.given(r.allocationRatio())).append(":1 (experimental:control).").append(NL);
        sb.append(dropoutText(h)).append('.').append(NL);
        sb.append(f("Accrual over %s months (%s patients a month on average).", num(r.accrualMonths(), 2),
                num(r.patients() / r.accrualMonths(), 2))).append(NL);
        if (r.followUpMonths() >= 0) {
            sb.append(f("Follow-up %s months after accrual: final analysis at month %s.", num(r.followUpMonths(), 2),
                    num(r.studyMonths(), 2))).append(NL);
        } else {
            SurvivalResult.Look last = r.looks().get(r.looks().size() - 1);
            sb.append(f("The events come %s months before accrual would end: final analysis at month %s,",
                    num(-r.followUpMonths(), 2), num(r.studyMonths(), 2))).append(NL)
                    .append(f("with %s of the patients enrolled.", num(last.patients(), 2))).append(NL);
        }
        sb.append(looksLine(r.looks().size(), report).substring(0, 1).toUpperCase(Locale.ROOT))
                .append(looksLine(r.looks().size(), report).substring(1)).append('.').append(NL).append(NL);

        sb.append(f("%-28s %12s %12s%n", "", "expected", "rounded up"));
        sb.append(f("%-28s %12s %12d%n", "events", num(r.events(), 2), (long) Math.ceil(r.events() - 1e-9)));
        sb.append(f("%-28s %12s %12d%n", "patients", num(r.patients(), 2), (long) Math.ceil(r.patients() - 1e-9)));
        sb.append(f("%-28s %12s%n", "  experimental arm", num(r.patients() * r.allocationRatio() / (1 + r.allocationRatio()), 2)));
        sb.append(f("%-28s %12s%n", "  control arm", num(r.patients() / (1 + r.allocationRatio()), 2)));
        if (r.looks().size() > 1) {
            sb.append(f("%-28s %12s%n", "events, single look", num(r.fixedEvents(), 2)));
            sb.append(f("%-28s %12s%n", "inflation factor", f("%.4f", r.inflation())));
            sb.append(f("%-28s %12s%n", "expected events under H1", num(r.expectedEvents(), 2)));
            sb.append(f("%-28s %12s%n", "expected events under H0", num(r.expectedEventsNull(), 2)));
            sb.append(f("%-28s %12s%n", "expected patients under H1", num(r.expectedPatients(), 2)));
        }
        sb.append(NL);
        sb.append(f("%-4s %5s %8s %6s %8s %7s %6s %7s %6s %9s %7s %7s %7s%n", "look", "info", "events", "month", "patients",
                "reject", "HR <=", "futile", "HR >=", "cumul.", "P(rej.", "P(rej.", "P(fut."));
        sb.append(f("%-4s %5s %8s %6s %8s %7s %6s %7s %6s %9s %7s %7s %7s%n", "", "", "", "", "", "if z >=", "", "if z <=", "", "alpha",
                "here)", "by)", "here)"));
        int k = 1;
        for (SurvivalResult.Look look : r.looks()) {
            sb.append(f("%-4d %5.3f %8.1f %6.1f %8.1f %7s %6s %7s %6s %9.6f %7.4f %7.4f %7s%n", k, look.fraction(), look.events(),
                    look.month(), look.patients(), z(look.efficacyZ()), num(look.efficacyHazardRatio(), 4), z(look.futilityZ()),
                    num(look.futilityHazardRatio(), 4), look.cumulativeAlpha(), look.efficacyProbability(),
                    look.cumulativeEfficacyProbability(),
                    k == r.looks().size() || !Double.isFinite(look.futilityZ()) ? Numbers.NONE : f("%.4f", look.futilityProbability())));
            k++;
        }
        sb.append(NL);
        sb.append("Events and patients are expected values (rpact's maxNumberOfEvents and maxNumberOfSubjects);" + NL
                + "each look is at the month its events are expected under the assumed hazards. HR bounds are" + NL
                + "the observed hazard ratios at which Z meets the bound (Schoenfeld's relation). Futility bounds" + NL
                + "are non-binding: alpha is spent as if they were ignored; the probabilities apply them.").append(NL);
    }

    private static String hazardsText(Hazards h) {
        double[] c = h.controlHazards();
        if (h.isExponential()) {
            return f("exponential, median %s months (hazard %s a month)", num(Math.log(2) / c[0], 2), Numbers.trimmed(c[0], 6));
        }
        StringBuilder sb = new StringBuilder("piecewise-exponential, hazard a month ");
        double[] m = h.changeMonths();
        for (int j = 0; j < c.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(Numbers.trimmed(c[j], 6)).append(j == 0 ? " from month 0" : " from "
                    + Numbers.given(m[j - 1]));
        }
        return sb.toString();
    }

    private static String dropoutText(Hazards h) {
        if (h.dropoutExperimental() == 0 && h.dropoutControl() == 0) {
            return "No loss to follow-up";
        }
        return f("Lost to follow-up within 12 months: %s%% experimental, %s%% control",
                num(100 * -Math.expm1(-12 * h.dropoutExperimental()), 2), num(100 * -Math.expm1(-12 * h.dropoutControl()), 2));
    }

    private static void ratesTable(SampleSizeReport report, StringBuilder sb) {
        RatesResult r = report.rates();
        if (r.twoSample()) {
            sb.append("Two response rates, normal approximation: sample size").append(NL);
            sb.append("p1 = ").append(Numbers.given(r.experimentalRate())).append(" (experimental) against p2 = ")
                    .append(Numbers.given(r.controlRate())).append(" (control); H0: p1 - p2 <= ").append(Numbers.given(r.margin()))
                    .append(r.margin() == 0 ? " (superiority)" : r.margin() < 0 ? " (non-inferiority margin)" : " (superiority by a margin)")
                    .append('.').append(NL);
            sb.append("Variance under H0 at the restricted maximum-likelihood rates ").append(f("%.6f", r.nullExperimental()))
                    .append(" and ").append(f("%.6f", r.nullControl())).append(NL).append("(Farrington-Manning); allocation ")
                    .append(Numbers.given(r.allocationRatio())).append(":1.").append(NL);
        } else {
            sb.append("One response rate against a fixed rate, normal approximation: sample size").append(NL);
            sb.append("p1 = ").append(Numbers.given(r.experimentalRate())).append(" against H0: p <= ")
                    .append(Numbers.given(r.controlRate())).append('.').append(NL);
        }
        sb.append("One-sided alpha ").append(Numbers.given(r.alpha())).append(", power ").append(Numbers.given(r.power()))
                .append("; ").append(looksLine(r.looks().size(), report)).append('.').append(NL).append(NL);
        sb.append(f("%-28s %12s %12s%n", "", "expected", "rounded up"));
        sb.append(f("%-28s %12s %12d%n", "patients", num(r.patients(), 2), (long) Math.ceil(r.patients() - 1e-9)));
        if (r.twoSample()) {
            sb.append(f("%-28s %12s %12d%n", "  experimental arm", num(r.experimentalPatients(), 2),
                    (long) Math.ceil(r.experimentalPatients() - 1e-9)));
            sb.append(f("%-28s %12s %12d%n", "  control arm", num(r.controlPatients(), 2), (long) Math.ceil(r.controlPatients() - 1e-9)));
        }
        if (r.looks().size() > 1) {
            sb.append(f("%-28s %12s%n", "patients, single look", num(r.fixedPatients(), 2)));
            sb.append(f("%-28s %12s%n", "inflation factor", f("%.4f", r.inflation())));
            sb.append(f("%-28s %12s%n", "expected patients under H1", num(r.expectedPatients(), 2)));
            sb.append(f("%-28s %12s%n", "expected patients under H0", num(r.expectedPatientsNull(), 2)));
            sb.append(NL);
            sb.append(f("%-5s %6s %9s %9s %9s %10s %8s %8s%n", "look", "info", "patients", "reject if", "futile if", "cumulative",
                    "P(reject", "P(stop"));
            sb.append(f("%-5s %6s %9s %9s %9s %10s %8s %8s%n", "", "", "", "z >=", "z <=", "alpha", "here)", "futile)"));
            int k = 1;
            for (RatesResult.Look look : r.looks()) {
                sb.append(f("%-5d %6.3f %9.2f %9s %9s %10.6f %8.4f %8s%n", k, look.fraction(), look.patients(), z(look.efficacyZ()),
                        z(look.futilityZ()), look.cumulativeAlpha(), look.efficacyProbability(),
                        k == r.looks().size() || !Double.isFinite(look.futilityZ()) ? Numbers.NONE
                                : f("%.4f", look.futilityProbability())));
                k++;
            }
        }
        sb.append(NL).append("Patients are rpact's maxNumberOfSubjects, not rounded; round each arm up to plan a trial.").append(NL);
    }

    /** The document: provenance, what was asked, and the result (docs/design-calculators.md, "JSON"). */
    private static void json(SampleSizeReport report, Writer out) throws IOException {
        boolean survival = report.survival() != null;
        ObjectNode root = Json.envelope(survival ? "design survival" : "design rates", report.protocol());
        root.put("computed", report.powerMode() ? "power" : "sampleSize");
        root.put("spending", report.spending());
        if (report.betaSpending() != null) {
            root.put("betaSpending", report.betaSpending());
        }
        if (survival) {
            Hazards h = report.hazards();
            ObjectNode hz = root.putObject("hazards");
            ArrayNode changes = hz.putArray("changeMonths");
            for (double m : h.changeMonths()) {
                changes.add(m);
            }
            ArrayNode control = hz.putArray("controlHazardsPerMonth");
            for (double c : h.controlHazards()) {
                control.add(c);
            }
            hz.put("hazardRatio", h.hazardRatio());
            hz.put("dropoutPerMonthExperimental", h.dropoutExperimental());
            hz.put("dropoutPerMonthControl", h.dropoutControl());
            ObjectNode result = (ObjectNode) Json.tree(report.survival());
            result.put("formula", report.survival().formula().name().toLowerCase(Locale.ROOT));
            result.put("studyMonths", report.survival().studyMonths());
            root.set("result", result);
        } else {
            ObjectNode result = (ObjectNode) Json.tree(report.rates());
            result.put("experimentalPatients", report.rates().experimentalPatients());
            result.put("controlPatients", report.rates().controlPatients());
            root.set("result", result);
        }
        Json.write(root, out);
    }

    /** Each format's writer, made when the report is first written ({@link FormatWriters}). */
    private static final class Writers {
        static final FormatWriters<SampleSizeReport> BY_FORMAT = new FormatWriters<>(FORMATS, Map.of(
                TABLE, SampleSizeReport::table,
                JSON, SampleSizeReport::json));
    }
}
