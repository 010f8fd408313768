package org.trialsim.protocol.validation;

import static org.trialsim.protocol.validation.Context.at;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialsim.protocol.EventRule;
import org.trialsim.protocol.HazardCurve;
import org.trialsim.protocol.Outcomes;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.condition.Check;

/**
 * Checks the outcomes: hazard curves (pieces that start at day 0 and follow in order; survival that
 * never rises and never falls faster than the highest hazard) and the relapse, death-in-remission and
 * death-after-event rules (curves that exist, conditions that compile, and rules that cover every
 * patient where a gap would leave some without a risk), and that the arms' hazard ratios name arms.
 */
final class OutcomeCheck {
    private final Context c;
    private final Protocol protocol;
    private final ProblemSink sink;
    private final Values values;

    OutcomeCheck(Context context) {
        this.c = context;
        this.protocol = context.protocol;
        this.sink = context.sink;
        this.values = context.values;
    }

    void check() {
        Outcomes o = protocol.outcomes();
        if (o == null) {
            return;
        }
        JsonPointer base = at(JsonPointer.empty(), "outcomes");
        o.curves().forEach((id, curve) -> {
            if (curve != null) {
                curve(curve, at(base, "curves", id));
            }
        });
        if (o.relapse().isEmpty()) {
            sink.error(at(base, "relapse"), "there are no relapse rules; add at least one (a last rule without 'when' covers everyone)");
        }
        eventRules(o.relapse(), at(base, "relapse"), "relapse", true);
        eventRules(o.deathInRemission(), at(base, "deathInRemission"), "death in remission", false);
        eventRules(o.deathAfterEvent(), at(base, "deathAfterEvent"), "death after relapse or failure", true);
        o.armHazardRatios().keySet().forEach(arm ->
                c.reference(arm, protocol.arms().keySet(), at(base, "armHazardRatios", arm), "arm"));
        if (o.deathAfterEvent().isEmpty()) {
            sink.warning(at(base), "there are no deathAfterEvent rules, so no patient ever dies after relapse or treatment failure"
                    + " and overall survival will be too high");
        }
    }

    private void eventRules(List<EventRule> rules, JsonPointer base, String what, boolean warnIfNotCovering) {
        List<Coverage.Rule> coverageRules = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            EventRule rule = rules.get(i);
            if (rule == null) {
                return;
            }
            JsonPointer here = base.appendIndex(i);
            c.reference(rule.curve(), protocol.outcomes().curves().keySet(), at(here, "curve"), "hazard curve");
            Check check = rule.when() == null ? Check.ALWAYS : c.compile(rule.when(), at(here, "when"));
            if (check == null) {
                return;
            }
            coverageRules.add(new Coverage.Rule(check, true));
        }
        if (warnIfNotCovering && !coverageRules.isEmpty()) {
            c.coverage(coverageRules, Set.of(), base, "no " + what + " rule applies to a patient with ",
                    ", so such patients have no risk of it; add a last rule without 'when' if that is not intended", false);
        }
    }

    private void curve(HazardCurve curve, JsonPointer here) {
        if (curve instanceof HazardCurve.Piecewise p) {
            if (p.fromDays().size() != p.ratesPerYear().size()) {
                sink.error(here, "fromDays has " + p.fromDays().size() + " entries but ratesPerYear has " + p.ratesPerYear().size()
                        + "; each piece needs a start and a rate");
            }
            if (!p.fromDays().isEmpty() && p.fromDays().get(0) != null && p.fromDays().get(0) != 0) {
                sink.error(at(here, "fromDays"), "the first piece must start at day 0, not " + Values.fmt(p.fromDays().get(0)));
            }
            values.increasing(p.fromDays(), at(here, "fromDays"), "the start days");
        } else if (curve instanceof HazardCurve.Survival s) {
            if (s.atDays().size() != s.survival().size()) {
                sink.error(here, "atDays has " + s.atDays().size() + " entries but survival has " + s.survival().size()
                        + "; each landmark needs a survival");
            }
            if (s.atDays().isEmpty()) {
                sink.error(at(here, "atDays"), "give at least one landmark");
            }
            if (values.increasing(s.atDays(), at(here, "atDays"), "the landmark days")) {
                survivalSteps(s, here);
            }
        }
    }

    /**
     * Survival that does not rise, and falls no faster than the highest hazard: the constant hazard
     * between two landmarks is ln(S before / S after) per the time between them.
     */
    private void survivalSteps(HazardCurve.Survival s, JsonPointer here) {
        double previousDay = 0;
        double previous = 1;
        for (int i = 0; i < Math.min(s.atDays().size(), s.survival().size()); i++) {
            Double day = s.atDays().get(i);
            Double v = s.survival().get(i);
            if (day == null || v == null || !(day > previousDay) || !(v > 0 && v <= 1)) {
                return; // reported as a missing or out-of-range value
            }
            JsonPointer vAt = here.appendProperty("survival").appendIndex(i);
            // logs apart and the year length first, so that neither a tiny survival nor a tiny gap under- or overflows
            double ratePerYear = (Math.log(previous) - Math.log(v)) * TimeUnits.DAYS_PER_YEAR / (day - previousDay);
            if (v > previous) {
                sink.error(vAt, "survival cannot rise: " + Values.fmt(v) + " follows " + Values.fmt(previous));
                return;
            } else if (!(ratePerYear <= Range.MAX_RATE_PER_YEAR)) {
                sink.error(vAt, "survival falls from " + Values.fmt(previous) + " to " + Values.fmt(v) + " in "
                        + Values.fmt(day - previousDay) + " days, a hazard of " + Values.fmt(ratePerYear) + " a year; the highest"
                        + " is " + Values.fmt(Range.MAX_RATE_PER_YEAR) + " (" + Range.HAZARD_RATE + ")");
                return;
            }
            previousDay = day;
            previous = v;
        }
    }
}
