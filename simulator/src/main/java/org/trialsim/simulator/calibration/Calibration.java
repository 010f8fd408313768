package org.trialsim.simulator.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Target;
import org.trialsim.simulator.cohort.CohortResult;

/**
 * Measures a protocol's targets on a simulated cohort of every arm. Each measure reads one figure the
 * cohort result already reports (docs/cohort-json.md), so {@code calibrate} and {@code simulate}
 * agree on every number.
 */
public final class Calibration {
    private Calibration() {
    }

    /**
     * Every target of the protocol against the cohort.
     *
     * @param protocol a validated protocol (its targets name arms, assessments, endpoints and blocks it has)
     * @param cohort   a cohort simulated on every arm of it, with the subgroups of {@link #subgroups}
     */
    public static CalibrationResult of(Protocol protocol, CohortResult cohort) {
        List<TargetResult> results = protocol.targets().stream().map(t -> TargetResult.of(t, measure(t, cohort))).toList();
        return new CalibrationResult(cohort.provenance(), results);
    }

    /**
     * The subgroups the protocol's targets are measured among: the cohort options' subgroups for
     * {@link #of}.
     */
    public static List<String> subgroups(Protocol protocol) {
        return protocol.targets().stream().filter(t -> t.among() != null).map(t -> t.among().text()).distinct().toList();
    }

    /**
     * The simulated proportion a target measures; NaN if the cohort has no patients to measure it on.
     * A target among a subgroup reads the cohort's results for that subgroup.
     */
    static double measure(Target t, CohortResult cohort) {
        List<CohortResult.ArmResult> arms = t.among() == null ? cohort.arms()
                : find(cohort.subgroups() == null ? List.of() : cohort.subgroups(), g -> g.among().equals(t.among().text()),
                "subgroup", t.among().text()).arms();
        CohortResult.ArmResult arm = find(arms, a -> a.arm().equals(t.arm()), "arm", t.arm());
        return switch (t.measure()) {
            case MRD_NEGATIVE -> mrd(t, arm, response(t, arm).negative());
            case MRD_BELOW -> mrd(t, arm, find(response(t, arm).belowThreshold(), r -> r.threshold() == t.threshold(),
                    "threshold", String.valueOf(t.threshold())).rate());
            case SURVIVAL, INCIDENCE -> survival(t, arm);
            case CRUDE -> crude(t, arm);
            case SCREEN_FAILURE -> arm.flow().presented() == 0 ? Double.NaN : (double) find(arm.flow().screenFailures(),
                    f -> f.criterion().equals(t.criterion()), "criterion", t.criterion()).failed() / arm.flow().presented();
            case RISK_GROUP -> arm.flow().enrolled() == 0 ? Double.NaN
                    : (double) arm.flow().riskAtEnrolment().getOrDefault(t.group(), 0L) / arm.flow().enrolled();
            case REMISSION -> estimate(arm.remission());
            case TRANSPLANT -> estimate(arm.transplant());
            case TOXICITY -> estimate(find(find(arm.toxicities(), b -> b.block().equals(t.block()), "block", t.block()).toxicities(),
                    x -> x.toxicity().equals(t.toxicity()), "toxicity", t.toxicity()).rate());
        };
    }

    /** An MRD rate of those assessed, or of all patients on the arm (the unassessed counted as not responding). */
    private static double mrd(Target t, CohortResult.ArmResult arm, CohortResult.Proportion rate) {
        if (t.of() == Target.Denominator.ARM) {
            long onArm = arm.flow().onArm();
            return onArm == 0 ? Double.NaN : (double) rate.count() / onArm;
        }
        return estimate(rate);
    }

    private static double estimate(CohortResult.Proportion p) {
        return p.of() == 0 ? Double.NaN : p.estimate();
    }

    private static CohortResult.Response response(Target t, CohortResult.ArmResult arm) {
        return find(arm.responses(), r -> r.assessment().equals(t.assessment()), "assessment", t.assessment());
    }

    /**
     * Survival, or the cumulative incidence of an event, at a landmark. An endpoint no patient of the arm
     * counts for has no result: NaN then.
     */
    private static double survival(Target t, CohortResult.ArmResult arm) {
        Optional<CohortResult.EndpointResult> endpoint = arm.endpoints().stream().filter(e -> e.endpoint().equals(t.endpoint()))
                .findFirst();
        if (endpoint.isEmpty()) {
            return Double.NaN;
        }
        List<CohortResult.SurvivalPoint> landmarks = endpoint.get().landmarks();
        if (t.measure() == Target.Measure.INCIDENCE) {
            String event = t.event().name().toLowerCase(Locale.ROOT);
            landmarks = find(endpoint.get().incidence(), i -> i.event().equals(event), "event", event).landmarks();
        }
        // the result gives landmark times rounded to 1e-4 years
        return find(landmarks, p -> Math.abs(p.years() - t.years()) < 0.5e-4, "landmark", String.valueOf(t.years())).estimate();
    }

    /**
     * The share with the event as first event by a data cut, each patient followed for a time uniform over
     * [a, b] months: the average of the event's cumulative incidence over that time, read from the monthly
     * curve (linear between months; 0 at the origin). With one event the incidence is one minus survival.
     */
    private static double crude(Target t, CohortResult.ArmResult arm) {
        Optional<CohortResult.EndpointResult> endpoint = arm.endpoints().stream().filter(e -> e.endpoint().equals(t.endpoint()))
                .findFirst();
        if (endpoint.isEmpty() || endpoint.get().curve().isEmpty()) {
            return Double.NaN;
        }
        String event = t.event().name().toLowerCase(Locale.ROOT);
        Optional<CohortResult.Incidence> incidence = endpoint.get().incidence().stream().filter(i -> i.event().equals(event)).findFirst();
        List<CohortResult.SurvivalPoint> curve = incidence.isPresent() ? incidence.get().curve() : endpoint.get().curve();
        int n = curve.size() + 1;
        double[] months = new double[n];
        double[] share = new double[n];
        for (int i = 1; i < n; i++) {
            CohortResult.SurvivalPoint p = curve.get(i - 1);
            months[i] = p.years() * 12;
            share[i] = incidence.isPresent() ? p.estimate() : 1 - p.estimate();
        }
        return averageBetween(months, share, t.followUpMonths().get(0), t.followUpMonths().get(1));
    }

    /**
     * The average over [a, b] of the function linear between the points (x increasing from 0), constant
     * after the last; its value at a when a = b.
     */
    static double averageBetween(double[] x, double[] y, double a, double b) {
        if (b - a < 1e-12) {
            return interpolate(x, y, a);
        }
        double sum = 0;
        double from = a;
        for (int i = 0; i < x.length && from < b; i++) {
            double to = i + 1 < x.length ? Math.min(b, x[i + 1]) : b;
            if (to > from) {
                sum += (to - from) * (interpolate(x, y, from) + interpolate(x, y, to)) / 2;
                from = to;
            }
        }
        return sum / (b - a);
    }

    private static double interpolate(double[] x, double[] y, double at) {
        if (at >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int i = 0;
        while (x[i + 1] < at) {
            i++;
        }
        double w = x[i + 1] == x[i] ? 1 : (at - x[i]) / (x[i + 1] - x[i]);
        return y[i] + w * (y[i + 1] - y[i]);
    }

    /** The one element a validated protocol's target names: its absence is a programming error, not bad input. */
    private static <T> T find(List<T> items, Predicate<T> which, String what, String id) {
        Optional<T> found = items.stream().filter(which).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("the cohort result has no " + what + " '" + id + "'"));
    }
}
