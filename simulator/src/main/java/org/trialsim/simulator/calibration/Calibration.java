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
     * @param cohort   a cohort simulated on every arm of it
     */
    public static CalibrationResult of(Protocol protocol, CohortResult cohort) {
        List<TargetResult> results = protocol.targets().stream().map(t -> TargetResult.of(t, measure(t, cohort))).toList();
        return new CalibrationResult(cohort.provenance(), results);
    }

    /** The simulated proportion a target measures; NaN if the cohort has no patients to measure it on. */
    static double measure(Target t, CohortResult cohort) {
        CohortResult.ArmResult arm = find(cohort.arms(), a -> a.arm().equals(t.arm()), "arm", t.arm());
        return switch (t.measure()) {
            case MRD_NEGATIVE -> mrd(t, arm, response(t, arm).negative());
            case MRD_BELOW -> mrd(t, arm, find(response(t, arm).belowThreshold(), r -> r.threshold() == t.threshold(),
                    "threshold", String.valueOf(t.threshold())).rate());
            case SURVIVAL, INCIDENCE -> survival(t, arm);
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

    /** The one element a validated protocol's target names: its absence is a programming error, not bad input. */
    private static <T> T find(List<T> items, Predicate<T> which, String what, String id) {
        Optional<T> found = items.stream().filter(which).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("the cohort result has no " + what + " '" + id + "'"));
    }
}
