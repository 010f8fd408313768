package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortResult.ArmResult;

/**
 * The cohort result as long-format CSV, one estimate per row, for R, Python or a spreadsheet:
 * {@code arm,section,item,detail,years,count,of,estimate,standard_error,lower,upper}.
 */
final class CohortCsv {
    private CohortCsv() {
    }

    /** The CSV writer of {@link CohortReport}. */
    static void write(CohortReport report, Writer w) throws IOException {
        CohortResult result = report.result();
        Csv csv = new Csv(w);
        csv.row("arm", "section", "item", "detail", "years", "count", "of", "estimate", "standard_error", "lower", "upper");
        for (ArmResult a : result.arms()) {
            String arm = a.arm();
            var f = a.flow();
            csv.row(arm, "flow", "presented", null, null, f.presented(), null, null, null, null, null);
            for (var s : f.screenFailures()) {
                csv.row(arm, "flow", "screen-failure", s.criterion(), null, s.failed(), f.presented(), null, null, null, null);
            }
            csv.row(arm, "flow", "enrolled", null, null, f.enrolled(), f.presented(), null, null, null, null);
            for (var t : f.treatmentExclusions()) {
                csv.row(arm, "flow", "not-eligible-for", t.treatment(), null, t.patients(), f.enrolled(), null, null, null, null);
            }
            for (var e : f.riskAtEnrolment().entrySet()) {
                csv.row(arm, "flow", "risk-at-enrolment", e.getKey(), null, e.getValue(), f.enrolled(), null, null, null, null);
            }
            csv.row(arm, "flow", "not-offered", null, null, f.notOffered(), null, null, null, null, null);
            csv.row(arm, "flow", "on-arm", null, null, f.onArm(), f.enrolled(), null, null, null, null);
            for (var n : f.nodes()) {
                csv.row(arm, "flow", "node", n.id(), null, n.patients(), null, null, null, null, null);
                if (n.branches() != null) {
                    for (var b : n.branches()) {
                        csv.row(arm, "flow", "branch", n.id() + " → " + b.label(), null, b.patients(), n.patients(), null, null, null, null);
                    }
                }
                if (n.given() != null) {
                    csv.row(arm, "flow", "died-during", n.id(), null, n.died(), n.given(), null, null, null, null);
                    csv.row(arm, "flow", "relapsed-during", n.id(), null, n.relapsed(), n.given(), null, null, null, null);
                }
            }
            proportion(csv, arm, "remission", "reached", null, a.remission());
            proportion(csv, arm, "transplant", "transplanted", null, a.transplant());
            for (var r : a.responses()) {
                proportion(csv, arm, "mrd", r.assessment(), "negative", r.negative());
                for (var t : r.belowThreshold()) {
                    proportion(csv, arm, "mrd", r.assessment(), "below " + Numbers.csv(t.threshold()), t.rate());
                }
                proportion(csv, arm, "mrd", r.assessment(), "remission", r.remission());
            }
            for (var e : a.endpoints()) {
                points(csv, arm, "survival-landmark", e.endpoint(), e.landmarks());
                points(csv, arm, "survival-curve", e.endpoint(), e.curve());
                for (var inc : e.incidence()) {
                    points(csv, arm, "incidence-landmark", e.endpoint() + ":" + inc.event(), inc.landmarks());
                    points(csv, arm, "incidence-curve", e.endpoint() + ":" + inc.event(), inc.curve());
                }
            }
            for (var b : a.toxicities()) {
                for (var t : b.toxicities()) {
                    proportion(csv, arm, "toxicity", b.block(), t.toxicity(), t.rate());
                }
                proportion(csv, arm, "toxicity", b.block(), "death", b.death());
            }
            if (a.dataCuts() != null) {
                for (var cut : a.dataCuts()) {
                    String window = Numbers.csv(cut.followUpMonths().get(0)) + "-" + Numbers.csv(cut.followUpMonths().get(1)) + " months";
                    for (var e : cut.endpoints()) {
                        for (var ev : e.events()) {
                            csv.row(arm, "data-cut", e.endpoint() + ":" + ev.event(), window, null, ev.count(), e.patients(), ev.share(),
                                    ev.standardError(), null, null);
                        }
                    }
                }
            }
            if (a.hazardRatios() != null) {
                for (var h : a.hazardRatios()) {
                    // the standard error is that of the log hazard ratio, the scale of its interval
                    csv.row(arm, "hazard-ratio", h.endpoint(), "versus " + h.versus(), null, h.events(), h.patients(), h.hazardRatio(),
                            h.standardError(), h.lower(), h.upper());
                }
            }
            var t = a.timeOnTherapyDays();
            csv.row(arm, "time-on-therapy", "days", "mean", null, t.patients(), null, t.mean(), t.standardError(), null, null);
            if (a.costPerPatient() != null) {
                var c = a.costPerPatient();
                csv.row(arm, "cost", a.currency(), "mean", null, c.patients(), null, c.mean(), c.standardError(), null, null);
            }
        }
    }

    private static void proportion(Csv csv, String arm, String section, String item, String detail, CohortResult.Proportion p)
            throws IOException {
        csv.row(arm, section, item, detail, null, p.count(), p.of(), p.estimate(), p.standardError(), p.lower(), p.upper());
    }

    private static void points(Csv csv, String arm, String section, String item, java.util.List<CohortResult.SurvivalPoint> points)
            throws IOException {
        for (var p : points) {
            csv.row(arm, section, item, null, p.years(), p.atRisk(), null, p.estimate(), p.standardError(), p.lower(), p.upper());
        }
    }
}
