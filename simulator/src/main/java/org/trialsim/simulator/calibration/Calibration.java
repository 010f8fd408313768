package org.trialsim.simulator.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Target;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.FollowUpWindow;

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
     * @param cohort   a cohort simulated on every arm of it with the {@link #options} for it
     */
    public static CalibrationResult of(Protocol protocol, CohortResult cohort) {
        List<TargetResult> results = protocol.targets().stream().map(t -> t.measure() == Target.Measure.HAZARD_RATIO
                ? TargetResult.ofHazardRatio(t, hazardRatio(t, protocol, cohort)) : TargetResult.of(t, measure(t, cohort))).toList();
        return new CalibrationResult(cohort.provenance(), results);
    }

    /**
     * The cohort options a calibration simulates: every arm, with the subgroups and data cuts the
     * protocol's targets are measured at.
     */
    public static CohortOptions options(Protocol protocol, CohortOptions options) {
        return new CohortOptions(options.patients(), options.seed(), options.threads(), null, subgroups(protocol), cuts(protocol),
                controls(protocol));
    }

    /** The control arms of the protocol's hazard-ratio targets: the cohort options' {@code versus} for {@link #of}. */
    public static List<String> controls(Protocol protocol) {
        return protocol.targets().stream().filter(t -> t.measure() == Target.Measure.HAZARD_RATIO).map(t -> control(t, protocol))
                .distinct().toList();
    }

    /** A hazard-ratio target's control arm: its {@code versus}, or the protocol's first arm. */
    static String control(Target t, Protocol protocol) {
        return t.versus() != null ? t.versus() : protocol.arms().keySet().iterator().next();
    }

    /**
     * The hazard ratio a target reads: the arm's against its control on the endpoint, from the cohort's
     * {@link CohortResult.HazardRatio}s; null if the endpoint counts no patient on one of the arms.
     */
    static CohortResult.HazardRatio hazardRatio(Target t, Protocol protocol, CohortResult cohort) {
        CohortResult.ArmResult arm = find(arms(t, cohort), a -> a.arm().equals(t.arm()), "arm", t.arm());
        String control = control(t, protocol);
        return (arm.hazardRatios() == null ? List.<CohortResult.HazardRatio>of() : arm.hazardRatios()).stream()
                .filter(h -> h.versus().equals(control) && h.endpoint().equals(t.endpoint())).findFirst().orElse(null);
    }

    private static List<CohortResult.ArmResult> arms(Target t, CohortResult cohort) {
        return t.among() == null ? cohort.arms()
                : find(cohort.subgroups() == null ? List.of() : cohort.subgroups(), g -> g.among().equals(t.among().text()),
                "subgroup", t.among().text()).arms();
    }

    /** The follow-up windows of the protocol's crude targets: the cohort options' data cuts for {@link #of}. */
    public static List<FollowUpWindow> cuts(Protocol protocol) {
        return protocol.targets().stream().filter(t -> t.measure() == Target.Measure.CRUDE).map(t -> FollowUpWindow.of(t.followUpMonths()))
                .distinct().toList();
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
        CohortResult.ArmResult arm = find(arms(t, cohort), a -> a.arm().equals(t.arm()), "arm", t.arm());
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
            case HAZARD_RATIO -> throw new IllegalArgumentException("a hazard ratio is measured by hazardRatio, with its error");
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
     * [a, b] months: read from the arm's data cut with that window ({@link CohortResult.DataCut}), the one
     * place it is computed, so that {@code simulate --follow-up} reports the same number.
     */
    private static double crude(Target t, CohortResult.ArmResult arm) {
        List<Double> window = FollowUpWindow.of(t.followUpMonths()).months();
        CohortResult.DataCut cut = find(arm.dataCuts() == null ? List.of() : arm.dataCuts(), c -> c.followUpMonths().equals(window),
                "data cut", window.toString());
        String event = t.event().name().toLowerCase(Locale.ROOT);
        Optional<CohortResult.CutEndpoint> endpoint = cut.endpoints().stream().filter(e -> e.endpoint().equals(t.endpoint())).findFirst();
        return endpoint.isEmpty() ? Double.NaN : find(endpoint.get().events(), e -> e.event().equals(event), "event", event).share();
    }

    /** The one element a validated protocol's target names: its absence is a programming error, not bad input. */
    private static <T> T find(List<T> items, Predicate<T> which, String what, String id) {
        Optional<T> found = items.stream().filter(which).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("the cohort result has no " + what + " '" + id + "'"));
    }
}
