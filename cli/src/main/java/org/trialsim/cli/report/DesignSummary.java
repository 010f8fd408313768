package org.trialsim.cli.report;

import java.util.Locale;
import java.util.stream.Collectors;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Protocol;

/** The design section of {@code show}: the trial design of each kind, its accrual, randomization and analysis. */
final class DesignSummary {
    private final Protocol p;
    private final Page page;

    DesignSummary(Protocol protocol, Page page) {
        this.p = protocol;
        this.page = page;
    }

    void write() {
        Design d = p.design();
        if (d == null) {
            return;
        }
        page.line("");
        page.line("Design");
        if (d.label() != null) {
            page.line("  " + d.label());
        }
        if (d instanceof Design.Randomized r) {
            page.line("  randomized, " + r.sampleSize() + " patients");
            for (Design.Comparison c : r.comparisons()) {
                page.line("    " + (c.label() == null ? "" : c.label() + ": ") + c.experimental() + " vs " + c.control() + " on "
                        + (c.endpoint() != null ? c.endpoint() : "response \"" + c.response() + "\""));
            }
            accrual(r.accrual());
            randomization(r.randomization());
            analysis(r.analysis());
        } else if (d instanceof Design.SingleArmSurvival s) {
            page.line("  single arm (" + s.arm() + "), " + s.sampleSize() + " patients, " + s.endpoint() + " vs historical curve "
                    + s.historicalCurve());
            accrual(s.accrual());
            analysis(s.analysis());
        } else if (d instanceof Design.SingleArmResponse s) {
            page.line("  single arm (" + s.arm() + "), " + s.sampleSize() + " patients, response \"" + s.response()
                    + "\" vs historical rate " + Numbers.parameterPercent(s.historicalRate())
                    + (s.expectedRate() == null ? "" : ", hoping for " + Numbers.parameterPercent(s.expectedRate()))
                    + (s.alpha() == null ? "" : ", one-sided alpha " + Numbers.parameter(s.alpha())));
        } else if (d instanceof Design.EarlyPhase e) {
            earlyPhase(e);
        }
        if (d.isCited()) {
            page.line("  " + ProtocolSummary.cite(p, d).strip());
        }
    }

    private void earlyPhase(Design.EarlyPhase e) {
        if (e.escalation() != null) {
            Design.Escalation x = e.escalation();
            page.line("  phase I: " + x.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", dose levels "
                    + x.levels().stream().map(l -> Numbers.parameter(l.dose()) + (l.unit() == null ? "" : " " + l.unit()) + " (DLT "
                    + Numbers.parameterPercent(l.dltProbability()) + ")").collect(Collectors.joining(", "))
                    + ", starting at level " + x.startLevel());
        }
        if (e.twoStage() != null) {
            Design.TwoStage t = e.twoStage();
            page.line("  phase II: Simon two-stage, p0 " + Numbers.parameter(t.p0()) + ", p1 " + Numbers.parameter(t.p1())
                    + (t.alpha() == null ? "" : ", alpha " + Numbers.parameter(t.alpha()))
                    + (t.beta() == null ? "" : ", beta " + Numbers.parameter(t.beta()))
                    + (t.n() == null ? "" : ", design " + t.r1() + "/" + t.n1() + ", " + t.r() + "/" + t.n())
                    + (t.response() == null ? "" : ", response \"" + t.response() + "\""));
        }
    }

    private void accrual(Design.Accrual a) {
        if (a != null) {
            page.line("  accrual " + Numbers.parameter(a.patientsPerMonth()) + " patients/month"
                    + (a.rampUpMonths() > 0 ? " after a " + Numbers.parameter(a.rampUpMonths()) + "-month ramp-up" : "")
                    + (a.dropoutPerYear() > 0 ? ", dropout " + Numbers.parameter(a.dropoutPerYear()) + "/year" : "")
                    + (a.arrivals() == Design.Accrual.Arrivals.REGULAR ? ", evenly spaced" : "")
                    + a.changes().stream().map(c -> ", " + Numbers.parameter(c.patientsPerMonth()) + "/month from month "
                    + Numbers.parameter(c.fromMonth())).collect(Collectors.joining()));
        }
    }

    private void randomization(Design.Randomization r) {
        String method = r == null ? Design.Randomization.SIMPLE : r.method();
        String text = "  randomization " + method;
        if (r != null) {
            text += (r.blockSizes().isEmpty() ? "" : ", blocks of " + r.blockSizes().stream().map(String::valueOf)
                    .collect(Collectors.joining(" or ")))
                    + (r.factors().isEmpty() ? "" : " by " + String.join(", ", r.factors()))
                    + (method.equals(Design.Randomization.MINIMIZATION) ? " (p " + Numbers.parameter(r.p()) + ", "
                    + r.imbalance().name().toLowerCase(Locale.ROOT) + ")" : r.p() == null ? "" : " (p " + Numbers.parameter(r.p()) + ")");
        }
        page.line(text);
    }

    private void analysis(Design.Analysis a) {
        if (a != null) {
            page.line("  analysis at one-sided alpha " + Numbers.parameter(a.alpha())
                    + (a.events() == null ? "" : ", after " + a.events() + " events")
                    + (a.followUpMonths() == null ? "" : ", " + Numbers.parameter(a.followUpMonths()) + " months after the last enrolment")
                    + (a.calendarMonths() == null ? "" : ", at month " + Numbers.parameter(a.calendarMonths()) + " of the trial")
                    + (a.informationFractions().size() > 1 ? ", looks at " + a.informationFractions().stream().map(Numbers::parameter)
                    .collect(Collectors.joining(", ")) + " (" + a.spending() + ")" : ""));
        }
    }
}
