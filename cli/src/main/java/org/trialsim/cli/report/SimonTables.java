package org.trialsim.cli.report;

import java.util.List;
import java.util.Locale;
import org.trialsim.simulator.design.simon.OperatingCharacteristics;
import org.trialsim.simulator.design.simon.SimonDesign;
import org.trialsim.simulator.design.simon.SimonSearchResult;

/**
 * Simon two-stage designs as tables for a person: the designs a search found (optimal, minimax and
 * the admissible ones between), and one design's exact operating characteristics over true response
 * rates. Both are parts of {@code design simon}'s report and of the phase 1-2 report. Their text is
 * the calculator's own (numbers and designs), so nothing here needs making visible.
 */
final class SimonTables {
    private static final String NL = System.lineSeparator();

    private SimonTables() {
    }

    /** The designs of a search, with what each is best for. */
    static void search(SimonSearchResult r, StringBuilder sb) {
        sb.append("Simon two-stage designs: p0 = ").append(Numbers.given(r.p0())).append(" against p1 = ")
                .append(Numbers.given(r.p1())).append(", type I error <= ").append(Numbers.given(r.alpha()))
                .append(", power >= ").append(Numbers.given(1 - r.beta())).append(NL);
        sb.append("Exact enumeration of all designs with n <= ").append(r.maxN())
                .append("; none can have n < ").append(r.singleStageSize()).append(" (the single-stage size).").append(NL)
                .append(NL);
        sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8s %8s %8s %8s %8s   %s%n", "design", "stage 1", "total",
                "EN(p0)", "PET(p0)", "EN(p1)", "type I", "power", "best for q in"));
        sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8s %8s %8s %8s %8s   %s%n", "", "r1/n1", "r/n", "", "", "",
                "error", "", ""));
        List<SimonSearchResult.Candidate> a = r.admissible();
        for (int i = 0; i < a.size(); i++) {
            SimonSearchResult.Candidate c = a.get(i);
            String name = a.size() == 1 ? "both" : i == 0 ? "minimax" : i == a.size() - 1 ? "optimal" : "admissible";
            SimonDesign d = c.design();
            sb.append(String.format(Locale.ROOT, "%-11s %-8s %-8s %8.2f %8.3f %8.2f %8.4f %8.4f   %.3f to %.3f%n", name,
                    d.r1() + "/" + d.n1(), d.r() + "/" + d.n(), c.underP0().expectedSampleSize(),
                    c.underP0().earlyStopProbability(), c.underP1().expectedSampleSize(), c.alpha(), c.power(),
                    c.qLow(), c.qHigh()));
        }
        sb.append(NL);
        sb.append("Stop after stage 1 if at most r1 of the first n1 patients respond; otherwise enrol n in all and")
                .append(NL).append("call the treatment promising if more than r respond in all. EN: expected number enrolled;")
                .append(NL).append("PET: chance of stopping after stage 1. Optimal: smallest EN(p0) (Simon 1989); minimax:")
                .append(NL).append("smallest n; admissible: smallest q n + (1 - q) EN(p0) for the weights q shown (Jung et al.")
                .append(NL).append("2004). Type I error and power are exact.").append(NL);
        if (r.optimalNearLimit()) {
            sb.append("Note: the optimal design's n is close to the largest n searched; a larger --nmax may find a design")
                    .append(NL).append("with a smaller EN(p0).").append(NL);
        }
    }

    /**
     * A design's operating characteristics at each true rate; the rows at p0 and p1, when known, are
     * marked and compared with alpha and the power asked for.
     */
    static void evaluation(SimonReport.Evaluation e, SimonReport.Parameters p, StringBuilder sb) {
        SimonDesign d = e.design();
        sb.append("Simon two-stage design ").append(d).append(e.protocolsDesign() ? " (the protocol's)" : "").append(": stop if at most ")
                .append(d.r1()).append(" of the first ").append(d.n1()).append(" respond;").append(NL)
                .append("promising if more than ").append(d.r()).append(" of all ").append(d.n()).append(" respond. Exact.")
                .append(NL).append(NL);
        sb.append(String.format(Locale.ROOT, "%-8s %-9s %14s %14s %18s%n", "true p", "", "P(stop after", "expected", "P(declared"));
        sb.append(String.format(Locale.ROOT, "%-8s %-9s %14s %14s %18s%n", "", "", "stage 1)", "patients", "promising)"));
        for (OperatingCharacteristics oc : e.curve()) {
            String mark = "";
            if (p.p0() != null && Math.abs(oc.p() - p.p0()) < 1e-12) {
                mark = "p0";
            } else if (p.p1() != null && Math.abs(oc.p() - p.p1()) < 1e-12) {
                mark = "p1";
            }
            String note = mark.equals("p0") ? "  type I error" : mark.equals("p1") ? "  power" : "";
            if (mark.equals("p0") && p.alpha() != null) {
                note += oc.rejectProbability() <= p.alpha() ? " <= " + Numbers.given(p.alpha()) : ", ABOVE alpha " + Numbers.given(p.alpha());
            }
            if (mark.equals("p1") && p.beta() != null) {
                note += oc.rejectProbability() >= 1 - p.beta() ? " >= " + Numbers.given(1 - p.beta())
                        : ", BELOW " + Numbers.given(1 - p.beta());
            }
            sb.append(String.format(Locale.ROOT, "%-8s %-9s %14.4f %14.2f %18.4f%s%n", Numbers.trimmed(oc.p(), 4), mark,
                    oc.earlyStopProbability(), oc.expectedSampleSize(), oc.rejectProbability(), note));
        }
    }
}
