package org.trialsim.protocol.validation;

import static org.trialsim.protocol.validation.Context.at;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialsim.protocol.Assessment;
import org.trialsim.protocol.Criterion;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.FollowUp;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Target;
import org.trialsim.protocol.Target.Measure;

/**
 * Checks the protocol's calibration targets: each names what it measures by things the protocol has
 * (an arm, an assessment and one of its thresholds, an endpoint and one of its events, a landmark of the
 * follow-up, a block and one of its toxicities), gives only the fields its measure uses, a subgroup
 * condition that compiles, and a published interval that holds its value.
 */
final class TargetCheck {
    private final Context c;
    private final Protocol protocol;
    private final ProblemSink sink;

    TargetCheck(Context c) {
        this.c = c;
        this.protocol = c.protocol;
        this.sink = c.sink;
    }

    void check() {
        JsonPointer base = at(JsonPointer.empty(), "targets");
        for (int i = 0; i < protocol.targets().size(); i++) {
            Target t = protocol.targets().get(i);
            if (t != null) {
                check(t, base.appendIndex(i));
            }
        }
    }

    private void check(Target t, JsonPointer here) {
        c.reference(t.arm(), protocol.arms().keySet(), at(here, "arm"), "arm");
        if (t.among() != null) {
            c.compile(t.among(), at(here, "among"));
            if (t.measure() == Measure.SCREEN_FAILURE) {
                sink.error(at(here, "among"), "a screen-failure target counts presented patients, and a subgroup ('among') is"
                        + " of enrolled patients; measure it among all");
            }
        }
        if (t.measure() != null) {
            fields(t, here);
            switch (t.measure()) {
                case MRD_NEGATIVE, MRD_BELOW -> assessment(t, here);
                case SURVIVAL, INCIDENCE -> endpoint(t, here);
                case CRUDE -> crude(t, here);
                case HAZARD_RATIO -> hazardRatio(t, here);
                case TOXICITY -> toxicity(t, here);
                case SCREEN_FAILURE -> criterion(t, here);
                case RISK_GROUP -> c.reference(t.group(), protocol.riskGroups() == null || protocol.riskGroups().groups() == null ? Set.of()
                        : protocol.riskGroups().groups().keySet(), at(here, "group"), "risk group");
                case REMISSION, TRANSPLANT -> {
                }
            }
        }
        if (t.measure() != Measure.HAZARD_RATIO) {
            proportion(t.value(), at(here, "value"));
            proportion(t.lower(), at(here, "lower"));
            proportion(t.upper(), at(here, "upper"));
        }
        if (t.measure() != Measure.HAZARD_RATIO && t.versus() != null) {
            sink.error(at(here, "versus"), "'versus' names the control arm of a hazard-ratio target, and a " + measureName(t.measure())
                    + " target is measured on one arm");
        }
        if ((t.lower() == null) != (t.upper() == null)) {
            sink.error(at(here, t.lower() == null ? "upper" : "lower"), "a published interval has both 'lower' and 'upper',"
                    + " or neither");
        } else if (t.lower() != null && t.value() != null && !(t.lower() <= t.value() && t.value() <= t.upper())) {
            sink.error(at(here, "value"), "the published value " + Values.fmt(t.value()) + " is outside its interval "
                    + Values.fmt(t.lower()) + "–" + Values.fmt(t.upper()));
        }
    }

    /** The fields each measure needs, and those it does not use (given, they would be silently ignored). */
    private void fields(Target t, JsonPointer here) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("assessment", t.assessment());
        given.put("of", t.measure() == Measure.MRD_NEGATIVE || t.measure() == Measure.MRD_BELOW ? null : t.of());
        given.put("threshold", t.threshold());
        given.put("endpoint", t.endpoint());
        given.put("event", t.event());
        given.put("years", t.years());
        given.put("block", t.block());
        given.put("toxicity", t.toxicity());
        given.put("criterion", t.criterion());
        given.put("group", t.group());
        given.put("followUpMonths", t.followUpMonths());
        Set<String> needed = switch (t.measure()) {
            case MRD_NEGATIVE -> Set.of("assessment");
            case MRD_BELOW -> Set.of("assessment", "threshold");
            case SURVIVAL -> Set.of("endpoint", "years");
            case INCIDENCE -> Set.of("endpoint", "event", "years");
            case CRUDE -> Set.of("endpoint", "event", "followUpMonths");
            case HAZARD_RATIO -> Set.of("endpoint");
            case TOXICITY -> Set.of("block", "toxicity");
            case SCREEN_FAILURE -> Set.of("criterion");
            case RISK_GROUP -> Set.of("group");
            case REMISSION, TRANSPLANT -> Set.of();
        };
        String measure = measureName(t.measure());
        given.forEach((field, value) -> {
            if (needed.contains(field) && value == null) {
                sink.error(at(here, field), "a " + measure + " target needs '" + field + "'");
            } else if (!needed.contains(field) && value != null) {
                sink.error(at(here, field), "'" + field + "' does not apply to a " + measure + " target; it needs "
                        + (needed.isEmpty() ? "only the arm" : needed.stream().sorted().map(f -> "'" + f + "'")
                        .collect(Collectors.joining(", "))));
            }
        });
    }

    private void assessment(Target t, JsonPointer here) {
        if (!c.reference(t.assessment(), protocol.assessments().keySet(), at(here, "assessment"), "assessment")
                || t.measure() != Measure.MRD_BELOW || t.threshold() == null) {
            return;
        }
        Assessment a = protocol.assessments().get(t.assessment());
        if (a != null && !a.thresholds().contains(t.threshold())) {
            sink.error(at(here, "threshold"), "the assessment '" + t.assessment() + "' reports no threshold "
                    + Values.fmt(t.threshold()) + (a.thresholds().isEmpty() ? "; it has none (add it to its 'thresholds')"
                    : "; its thresholds are " + a.thresholds().stream().map(Values::fmt).collect(Collectors.joining(", "))));
        }
    }

    private void endpoint(Target t, JsonPointer here) {
        if (c.reference(t.endpoint(), protocol.endpoints().keySet(), at(here, "endpoint"), "endpoint")
                && t.measure() == Measure.INCIDENCE && t.event() != null) {
            Endpoint e = protocol.endpoints().get(t.endpoint());
            if (e != null && e.events().size() < 2) {
                sink.error(at(here, "event"), "the endpoint '" + t.endpoint() + "' counts one kind of event, so its cumulative"
                        + " incidence is one minus its survival; give a survival target, or name an endpoint with competing events");
            } else if (e != null && !e.events().contains(t.event())) {
                sink.error(at(here, "event"), "the endpoint '" + t.endpoint() + "' does not count " + eventName(t.event())
                        + "; it counts " + e.events().stream().map(TargetCheck::eventName).collect(Collectors.joining(", ")));
            }
        }
        List<Double> landmarks = landmarks(protocol.followUp());
        if (t.years() != null && landmarks != null && !landmarks.contains(t.years())) {
            sink.error(at(here, "years"), "survival is reported at the follow-up's landmarks, and " + Values.fmt(t.years())
                    + " years is not one of them (" + landmarks.stream().map(Values::fmt).collect(Collectors.joining(", "))
                    + "); add it to followUp.landmarkYears");
        }
    }

    /** A screen failure: a trial-wide criterion (one that excludes from a treatment only screens nobody out). */
    private void criterion(Target t, JsonPointer here) {
        Map<String, Criterion> criteria = protocol.eligibility() == null ? Map.of() : protocol.eligibility();
        if (c.reference(t.criterion(), criteria.keySet(), at(here, "criterion"), "eligibility criterion") && t.criterion() != null
                && criteria.get(t.criterion()) != null && criteria.get(t.criterion()).treatment() != null) {
            sink.error(at(here, "criterion"), "the criterion '" + t.criterion() + "' excludes from the treatment '"
                    + criteria.get(t.criterion()).treatment() + "' only, and screens nobody out of the trial");
        }
    }

    /**
     * A crude share: the endpoint counts the event (one event is enough: its curve is one minus survival),
     * and the follow-up is two numbers, the shortest first, within the follow-up's horizon.
     */
    private void crude(Target t, JsonPointer here) {
        if (c.reference(t.endpoint(), protocol.endpoints().keySet(), at(here, "endpoint"), "endpoint") && t.event() != null) {
            Endpoint e = protocol.endpoints().get(t.endpoint());
            if (e != null && !e.events().contains(t.event())) {
                sink.error(at(here, "event"), "the endpoint '" + t.endpoint() + "' does not count " + eventName(t.event())
                        + "; it counts " + e.events().stream().map(TargetCheck::eventName).collect(Collectors.joining(", ")));
            }
        }
        List<Double> months = t.followUpMonths();
        if (months == null) {
            return;
        }
        if (months.size() != 2 || months.contains(null)) {
            sink.error(at(here, "followUpMonths"), "followUpMonths is two numbers, the shortest and the longest follow-up at the"
                    + " data cut, e.g. [12, 69.5]");
        } else if (!(months.get(0) <= months.get(1))) {
            sink.error(at(here, "followUpMonths"), "the shortest follow-up " + Values.fmt(months.get(0)) + " is longer than the"
                    + " longest, " + Values.fmt(months.get(1)));
        } else if (protocol.followUp() != null && protocol.followUp().horizonYears() != null
                && months.get(1) > protocol.followUp().horizonYears() * 12 + 1e-9) {
            sink.error(at(here, "followUpMonths"), "the longest follow-up, " + Values.fmt(months.get(1)) + " months, is beyond the"
                    + " follow-up's horizon of " + Values.fmt(protocol.followUp().horizonYears() * 12) + " months; a cohort is followed"
                    + " no further");
        }
    }

    /** A proportion target's value or interval limit: the model's range admits hazard ratios up to a thousand. */
    private void proportion(Double v, JsonPointer at) {
        if (v != null && v > 1) {
            sink.error(at, Values.fmt(v) + " is not a proportion: a target's value and interval are in [0, 1], except a"
                    + " hazard-ratio target's");
        }
    }

    /**
     * A hazard ratio: an endpoint of the protocol, an experimental arm compared with another (the control,
     * by default the first arm), and a published value and 95% interval above 0 (a verdict and a fit weigh
     * the ratio on the log scale by that interval).
     */
    private void hazardRatio(Target t, JsonPointer here) {
        c.reference(t.endpoint(), protocol.endpoints().keySet(), at(here, "endpoint"), "endpoint");
        String control = t.versus() != null ? t.versus() : protocol.arms().keySet().stream().findFirst().orElse(null);
        if (t.versus() != null) {
            c.reference(t.versus(), protocol.arms().keySet(), at(here, "versus"), "arm");
        }
        if (control != null && control.equals(t.arm())) {
            sink.error(at(here, t.versus() != null ? "versus" : "arm"), "a hazard ratio compares the arm '" + t.arm() + "' with another"
                    + " arm, not with itself" + (t.versus() == null ? " (without 'versus' the control is the first arm); name the"
                    + " control with 'versus'" : ""));
        }
        for (String field : List.of("value", "lower", "upper")) {
            Double v = field.equals("value") ? t.value() : field.equals("lower") ? t.lower() : t.upper();
            if (v != null && !(v > 0)) {
                sink.error(at(here, field), "a hazard ratio is above 0, not " + Values.fmt(v));
            }
        }
        if (t.lower() == null && t.upper() == null) {
            sink.error(at(here, "lower"), "a hazard-ratio target needs its published 95% interval ('lower' and 'upper'): the"
                    + " verdict and the fit weigh the ratio by it");
        }
    }

    /** The landmarks a cohort reports: those given, or every whole year up to the horizon; null if unknown. */
    static List<Double> landmarks(FollowUp f) {
        if (f == null) {
            return null;
        }
        if (!f.landmarkYears().isEmpty()) {
            return f.landmarkYears();
        }
        if (f.horizonYears() == null) {
            return null;
        }
        List<Double> years = new ArrayList<>();
        for (int y = 1; y <= Math.floor(f.horizonYears()); y++) {
            years.add((double) y);
        }
        return years;
    }

    private void toxicity(Target t, JsonPointer here) {
        if (protocol.pathway() == null || t.block() == null) {
            return;
        }
        Map<String, Node.Block> blocks = new LinkedHashMap<>();
        protocol.pathway().nodes().forEach((id, node) -> {
            if (node instanceof Node.Block b) {
                blocks.put(id, b);
            }
        });
        if (c.reference(t.block(), blocks.keySet(), at(here, "block"), "block") && t.toxicity() != null) {
            Set<String> toxicities = blocks.get(t.block()).toxicities().keySet();
            if (!toxicities.contains(t.toxicity())) {
                sink.error(at(here, "toxicity"), "the block '" + t.block() + "' has no toxicity '" + t.toxicity() + "'"
                        + (toxicities.isEmpty() ? "" : "; its toxicities are " + String.join(", ", toxicities)));
            }
        }
    }

    private static String measureName(Measure m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String eventName(Endpoint.EventKind e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
