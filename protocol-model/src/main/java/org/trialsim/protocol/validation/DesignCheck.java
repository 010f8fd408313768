package org.trialsim.protocol.validation;

import com.fasterxml.jackson.core.JsonPointer;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.FollowUp;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.condition.VariableType;

/** Checks a protocol's trial design: sizes, error rates, and the arms, endpoints and curves it names. */
final class DesignCheck {
    /** The most combinations of factor levels stratified blocks keep (as the simulator's allocator). */
    static final int MAX_STRATA = 1 << 16;
    /**
     * The most covariates that stratify an analysis beside the period of enrolment: the analysis codes a
     * stratum as period · 64^k plus the covariates' levels, and keeps a table row for every code up to the
     * largest, so k is kept small (docs/limits.md).
     */
    static final int MAX_FACTORS_WITH_PERIOD = 2;
    /** The one-sided significance level of a single-arm response design that gives none. */
    private static final double DEFAULT_ALPHA = 0.025;

    private final Protocol protocol;
    private final ProblemSink sink;
    private final Values values;
    private final BiFunction<Condition, JsonPointer, Check> compile;
    private final org.trialsim.protocol.condition.Symbols symbols;

    DesignCheck(Protocol protocol, ProblemSink sink, Values values, BiFunction<Condition, JsonPointer, Check> compile,
                org.trialsim.protocol.condition.Symbols symbols) {
        this.protocol = protocol;
        this.sink = sink;
        this.values = values;
        this.compile = compile;
        this.symbols = symbols;
    }

    void check(JsonPointer at) {
        Design design = protocol.design();
        if (design instanceof Design.Randomized r) {
            if (r.comparisons().isEmpty()) {
                sink.error(at.appendProperty("comparisons"), "a randomized design compares at least one pair of arms");
            }
            for (int i = 0; i < r.comparisons().size(); i++) {
                Design.Comparison c = r.comparisons().get(i);
                if (c == null) {
                    continue;
                }
                JsonPointer cAt = at.appendProperty("comparisons").appendIndex(i);
                arm(c.control(), cAt.appendProperty("control"));
                arm(c.experimental(), cAt.appendProperty("experimental"));
                if (c.control() != null && c.control().equals(c.experimental())) {
                    sink.error(cAt, "the control and experimental arms are the same ('" + c.control() + "')");
                }
                if ((c.endpoint() == null) == (c.response() == null)) {
                    sink.error(cAt, "a comparison is on a survival 'endpoint' or on a binary 'response', and not both");
                }
                endpoint(c.endpoint(), cAt.appendProperty("endpoint"));
                compile.apply(c.response(), cAt.appendProperty("response"));
                if (c.landmarkYears() != null && c.endpoint() == null) {
                    sink.error(cAt.appendProperty("landmarkYears"), "a landmark difference needs a survival endpoint");
                }
                FollowUp followUp = protocol.followUp();
                if (c.landmarkYears() != null && followUp != null && followUp.horizonYears() != null
                        && c.landmarkYears() > followUp.horizonYears()) {
                    sink.error(cAt.appendProperty("landmarkYears"), "the landmark " + Values.fmt(c.landmarkYears())
                            + " years is after the follow-up horizon (" + Values.fmt(followUp.horizonYears()) + " years)");
                }
            }
            if (r.analysis() != null && r.analysis().informationFractions().size() > 1 && r.analysis().events() == null) {
                sink.error(at.appendProperty("analysis"), "interim looks are placed by events: give 'events', the number of events"
                        + " at the final analysis, with the information fractions");
            }
            accrual(r.accrual(), r.sampleSize(), at.appendProperty("accrual"));
            randomization(r.randomization(), at.appendProperty("randomization"));
            analysis(r.analysis(), r.sampleSize(), at.appendProperty("analysis"));
            margin(r, at.appendProperty("analysis"));
            multiplicity(r, at.appendProperty("analysis").appendProperty("multiplicity"));
        } else if (design instanceof Design.SingleArmSurvival s) {
            arm(s.arm(), at.appendProperty("arm"));
            endpoint(s.endpoint(), at.appendProperty("endpoint"));
            if (s.historicalCurve() != null && protocol.outcomes() != null) {
                exists(s.historicalCurve(), protocol.outcomes().curves().keySet(), at.appendProperty("historicalCurve"), "hazard curve");
            }
            accrual(s.accrual(), s.sampleSize(), at.appendProperty("accrual"));
            analysis(s.analysis(), s.sampleSize(), at.appendProperty("analysis"));
            if (s.analysis() != null && (s.analysis().margin() != null || s.analysis().hypothesis() != null)) {
                sink.error(at.appendProperty("analysis").appendProperty(s.analysis().margin() != null ? "margin" : "hypothesis"),
                        "a single-arm design compares its arm with a historical curve, where a margin has no meaning; a margin"
                                + " and a non-inferiority hypothesis belong to a randomized comparison of two arms");
            }
            if (s.analysis() != null && s.analysis().multiplicity() != null
                    && s.analysis().multiplicity() != Design.Analysis.Multiplicity.NONE) {
                sink.error(at.appendProperty("analysis").appendProperty("multiplicity"), "a single-arm design tests one hypothesis,"
                        + " so there is no family for a multiplicity adjustment to share alpha among; it belongs to a randomized design"
                        + " comparing several experimental arms with one control");
            }
        } else if (design instanceof Design.SingleArmResponse s) {
            arm(s.arm(), at.appendProperty("arm"));
            compile.apply(s.response(), at.appendProperty("response"));
            if (s.historicalRate() != null && s.expectedRate() != null && s.expectedRate() <= s.historicalRate()) {
                sink.error(at.appendProperty("expectedRate"), "the expected rate must be above the historical rate ("
                        + Values.fmt(s.historicalRate()) + ") for the trial to look for an improvement");
            }
            testable(s, at.appendProperty("sampleSize"));
        } else if (design instanceof Design.EarlyPhase e) {
            if (e.escalation() == null && e.twoStage() == null) {
                sink.error(at, "a phase-1-2 design has an 'escalation' part, a 'twoStage' part, or both");
            }
            if (e.escalation() != null) {
                escalation(e.escalation(), at.appendProperty("escalation"));
            }
            if (e.twoStage() != null) {
                twoStage(e.twoStage(), at.appendProperty("twoStage"));
            }
        }
    }

    /**
     * A single-arm response trial whose exact test can never reject: even if all n patients respond,
     * P(X ≥ n) = p0^n under the historical rate p0 stays above alpha, so the power is 0 whatever the
     * true rate. It needs at least ln(alpha) / ln(p0) patients.
     */
    private void testable(Design.SingleArmResponse s, JsonPointer at) {
        Double p0 = s.historicalRate();
        double alpha = s.alpha() == null ? DEFAULT_ALPHA : s.alpha();
        if (s.sampleSize() == null || p0 == null || !(p0 > 0 && p0 < 1) || !(alpha > 0 && alpha < 0.5)
                || s.sampleSize() < 1 || s.sampleSize() > Range.MAX_SAMPLE_SIZE) {
            return; // out of range: reported with the field
        }
        double best = Math.pow(p0, s.sampleSize());
        if (best > alpha * (1 + 1e-9)) {
            long needed = (long) Math.ceil(Math.log(alpha) / Math.log(p0) - 1e-9);
            sink.error(at, "with " + s.sampleSize() + (s.sampleSize() == 1 ? " patient" : " patients") + " the exact test can never"
                    + " reject at alpha " + Values.fmt(alpha) + ": even if every one responds, that has probability "
                    + Values.fmt(best) + " at the historical rate " + Values.fmt(p0) + "; it needs at least " + needed + " patients");
        }
    }

    private void accrual(Design.Accrual a, Integer sampleSize, JsonPointer at) {
        if (a == null) {
            return;
        }
        accrualDuration(a, sampleSize, at);
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.changes().size(); i++) {
            Design.RateChange c = a.changes().get(i);
            if (c == null) {
                continue;
            }
            JsonPointer cAt = at.appendProperty("changes").appendIndex(i);
            if (c.fromMonth() == null || !Double.isFinite(c.fromMonth())) {
                continue;
            }
            if (i == 0 && a.rampUpMonths() != null && c.fromMonth() < a.rampUpMonths()) {
                sink.error(cAt.appendProperty("fromMonth"), "the first rate change (month " + Values.fmt(c.fromMonth())
                        + ") must come at or after the end of the ramp-up (month " + Values.fmt(a.rampUpMonths()) + ")");
            } else if (!(c.fromMonth() > previous)) {
                sink.error(cAt.appendProperty("fromMonth"), "rate changes must be at increasing months; month "
                        + Values.fmt(c.fromMonth()) + " does not come after month " + Values.fmt(previous));
            }
            previous = c.fromMonth();
        }
        if (!a.changes().isEmpty()) {
            Design.RateChange last = a.changes().get(a.changes().size() - 1);
            if (last != null && last.patientsPerMonth() != null && last.patientsPerMonth() == 0) {
                sink.error(at.appendProperty("changes").appendIndex(a.changes().size() - 1).appendProperty("patientsPerMonth"),
                        "the last accrual rate must be positive, or accrual would stop before the sample size is reached");
            }
        }
    }

    /**
     * Accrual that cannot finish within a hundred years even at its fastest rate: enrolment would take
     * the sample size divided by the fastest of the accrual rates, at least.
     */
    private void accrualDuration(Design.Accrual a, Integer sampleSize, JsonPointer at) {
        if (sampleSize == null || sampleSize > Range.MAX_SAMPLE_SIZE || a.patientsPerMonth() == null
                || !(a.patientsPerMonth() >= Range.MIN_ACCRUAL)) {
            return; // out of range: reported with the field
        }
        double fastest = a.patientsPerMonth();
        for (Design.RateChange c : a.changes()) {
            if (c != null && c.patientsPerMonth() != null) {
                fastest = Math.max(fastest, c.patientsPerMonth());
            }
        }
        double months = sampleSize / fastest;
        if (months > Range.CENTURY_MONTHS) {
            sink.error(at.appendProperty("patientsPerMonth"), "enrolling " + sampleSize + " patients at " + Values.fmt(fastest)
                    + " a month takes " + Values.fmt(Math.rint(months)) + " months at least; accrual must be able to finish within a"
                    + " hundred years (" + Values.fmt(Range.CENTURY_MONTHS) + " months)");
        }
    }

    private void randomization(Design.Randomization r, JsonPointer at) {
        if (r == null || r.method() == null) {
            return;
        }
        String name = r.method();
        boolean blocks = name.equals(Design.Randomization.PERMUTED_BLOCKS) || name.equals(Design.Randomization.STRATIFIED_BLOCKS);
        boolean minimization = name.equals(Design.Randomization.MINIMIZATION);
        boolean balances = name.equals(Design.Randomization.STRATIFIED_BLOCKS) || minimization;
        // an extension's method decides for itself which settings it takes, when the simulator compiles the trial
        boolean adaptive = name.equals(Design.Randomization.RESPONSE_ADAPTIVE);
        boolean builtIn = blocks || minimization || adaptive || name.equals(Design.Randomization.SIMPLE);
        if (adaptive && r.adaptive() == null) {
            sink.error(at, "response-adaptive needs its settings under 'adaptive': at least the MRD 'assessment' and 'mrdBelow',"
                    + " the threshold below which a patient responds");
        }
        if (builtIn && !adaptive && r.adaptive() != null) {
            sink.error(at.appendProperty("adaptive"), "'adaptive' holds the settings of response-adaptive, not of " + name);
        }
        if (adaptive && r.adaptive() != null) {
            adaptive(r.adaptive(), at.appendProperty("adaptive"));
        }
        if (blocks && r.blockSizes().isEmpty()) {
            sink.error(at.appendProperty("blockSizes"), name + " need at least one block size");
        }
        if (builtIn && !blocks && !r.blockSizes().isEmpty()) {
            sink.error(at.appendProperty("blockSizes"), "block sizes are for permuted-blocks and stratified-blocks, not " + name);
        }
        if (balances && r.factors().isEmpty()) {
            sink.error(at.appendProperty("factors"), name + " balances the levels of 'factors': name at least one categorical"
                    + " or yes/no covariate (or risk)");
        }
        if (builtIn && !balances && !r.factors().isEmpty()) {
            sink.error(at.appendProperty("factors"), "factors are balanced by stratified-blocks and minimization; " + name
                    + " would ignore them");
        }
        long strata = 1;
        for (int i = 0; i < r.factors().size(); i++) {
            int levels = levels(r.factors().get(i), at.appendProperty("factors").appendIndex(i), "a factor");
            strata *= levels + 1; // a level for 'not known at allocation'
        }
        if (name.equals(Design.Randomization.STRATIFIED_BLOCKS) && strata > MAX_STRATA) {
            sink.error(at.appendProperty("factors"), "these factors make " + strata + " combinations of levels (counting"
                    + " 'not known'), more than the " + MAX_STRATA + " stratified blocks can keep; use fewer factors or minimization");
        }
        if (builtIn && !minimization) {
            if (r.p() != null) {
                sink.error(at.appendProperty("p"), "'p' is the probability of minimization, not of " + name);
            }
            if (r.imbalance() != null) {
                sink.error(at.appendProperty("imbalance"), "'imbalance' is a setting of minimization, not of " + name);
            }
        } else if (minimization && r.p() != null && !(r.p() > 0 && r.p() <= 1)) {
            return; // out of its range: reported with the field
        }
        if (protocol.pathway() == null) {
            return;
        }
        protocol.pathway().nodes().forEach((id, node) -> {
            if (node instanceof Node.Allocation allocation) {
                allocation.strata().forEach((stratumId, stratum) -> {
                    if (stratum != null) {
                        ratio(r, at, id, stratumId, stratum.ratio());
                    }
                });
            }
        });
    }

    /** The references and the consistency of response-adaptive settings; each value's range is checked with its field. */
    private void adaptive(Design.ResponseAdaptive a, JsonPointer at) {
        exists(a.assessment(), protocol.assessments().keySet(), at.appendProperty("assessment"), "MRD assessment");
        arm(a.control(), at.appendProperty("control"));
        if (a.matchesControl()) {
            if (a.controlShare() != null) {
                sink.error(at.appendProperty("controlMatched"), "'controlMatched' matches the control's probability to the best"
                        + " other arm's, and 'controlShare' fixes it: give one of them, not both");
            } else if (a.control() == null) {
                sink.error(at.appendProperty("controlMatched"), "'controlMatched' needs the 'control' arm whose probability is matched");
            }
        } else if ((a.control() == null) != (a.controlShare() == null)) {
            sink.error(at, "a control arm kept at a fixed share needs both 'control' and 'controlShare'");
        }
        if (a.updateEvery() != null && a.updateEveryDays() != null) {
            sink.error(at, "the probabilities are updated every 'updateEvery' patients or every 'updateEveryDays' days, not both");
        }
        double min = a.minProbability() == null ? 0 : a.minProbability();
        double max = a.maxProbability() == null ? 1 : a.maxProbability();
        if (a.controlShare() != null && (a.controlShare() < min || a.controlShare() > max)) {
            sink.error(at.appendProperty("controlShare"), "the control's share " + Values.fmt(a.controlShare()) + " is outside ["
                    + Values.fmt(min) + ", " + Values.fmt(max) + "], the least and largest probability of an arm");
        }
        for (String arm : a.priors().keySet()) {
            arm(arm, at.appendProperty("priors").appendProperty(arm));
        }
        rule(a, at);
        if (a.stopSuperiorityAbove() != null && a.stopFutilityBelow() != null && a.stopFutilityBelow() >= a.stopSuperiorityAbove()) {
            sink.error(at.appendProperty("stopFutilityBelow"), "the futility bound " + Values.fmt(a.stopFutilityBelow())
                    + " is not below the superiority bound stopSuperiorityAbove " + Values.fmt(a.stopSuperiorityAbove())
                    + ": an update could find an arm both good enough to stop for superiority and poor enough to stop for futility;"
                    + " set stopFutilityBelow below stopSuperiorityAbove (for example 0.05 and 0.95)");
        }
    }

    /**
     * Each rule's own settings, refused with the other rule: the thompson rule's power, growth, arm dropping and matched
     * control; dbcd's target and gamma. A control at a fixed share is for both rules.
     */
    private void rule(Design.ResponseAdaptive a, JsonPointer at) {
        if (a.rule() == Design.ResponseAdaptive.Rule.DBCD) {
            if (a.target() == null) {
                sink.error(at.appendProperty("target"), "rule dbcd needs the 'target' allocation it steers to: neyman or rsihr");
            }
            String rest = " applies to the thompson rule only; the doubly adaptive biased coin (rule dbcd) follows its 'target' with"
                    + " Hu and Zhang's 'gamma'";
            refuse(a.power() != null, "power", at, rest);
            refuse(a.growth() == Design.ResponseAdaptive.Growth.SAMPLE_FRACTION, "growth", at, rest);
            refuse(a.dropBelow() != null, "dropBelow", at, rest);
            refuse(a.matchesControl(), "controlMatched", at, rest + "; a control may keep a fixed share with 'controlShare' instead");
        } else {
            String rest = " belongs to the doubly adaptive biased coin; add 'rule: dbcd' to use it";
            refuse(a.target() != null, "target", at, rest);
            refuse(a.gamma() != null, "gamma", at, rest);
        }
    }

    private void refuse(boolean given, String field, JsonPointer at, String rest) {
        if (given) {
            sink.error(at.appendProperty(field), "'" + field + "'" + rest);
        }
    }

    /**
     * Response-adaptive limits against one stratum's arms: every arm must be able to have a probability
     * within [min, max] (k·min ≤ 1 ≤ k·max), each arm's share of the ratio (its probability during the
     * burn-in and at power 0) must lie within them, and a control kept at a share must be one of the arms.
     */
    private void adaptiveRatio(Design.ResponseAdaptive a, JsonPointer at, String where, Map<String, Integer> ratio, int sum, int gcd) {
        double min = a.minProbability() == null ? 0 : a.minProbability();
        double max = a.maxProbability() == null ? 1 : a.maxProbability();
        int k = ratio.size();
        if (k * min > 1 + 1e-12 || k * max < 1 - 1e-12) {
            sink.error(at, "the probabilities of the " + k + " arms of " + where + " cannot all lie within [" + Values.fmt(min) + ", "
                    + Values.fmt(max) + "] and sum to 1");
            return;
        }
        for (Map.Entry<String, Integer> e : ratio.entrySet()) {
            double share = (double) (e.getValue() / gcd) / sum;
            if (share < min - 1e-12 || share > max + 1e-12) {
                sink.error(at, "arm '" + e.getKey() + "' has the share " + Values.fmt(share) + " in " + where + ", outside ["
                        + Values.fmt(min) + ", " + Values.fmt(max) + "], the least and largest probability of an arm");
            }
        }
        if (a.control() != null && (a.controlShare() != null || a.matchesControl()) && !ratio.containsKey(a.control())) {
            sink.error(at.appendProperty("control"), "the control arm '" + a.control() + "' is not one of the arms of " + where);
        }
        double share = a.controlShare() == null ? 0 : a.controlShare();
        if (a.controlShare() != null && k > 2 && ((k - 1) * min > 1 - share + 1e-12 || (k - 1) * max < 1 - share - 1e-12)) {
            sink.error(at.appendProperty("controlShare"), "with the control's share " + Values.fmt(share) + " the other " + (k - 1)
                    + " arms of " + where + " cannot all have probabilities within [" + Values.fmt(min) + ", " + Values.fmt(max) + "]");
        }
        if (a.controlShare() != null && k == 2) {
            sink.error(at.appendProperty("controlShare"), "with two arms in " + where + " a fixed control share leaves nothing to"
                    + " adapt; a control share is for three arms or more");
        }
        if (a.matchesControl() && a.rule() != Design.ResponseAdaptive.Rule.DBCD && k == 2) {
            sink.error(at.appendProperty("controlMatched"), "with two arms in " + where + " a control matched to the other arm is"
                    + " 1:1 allocation, nothing adapts; a matched control is for three arms or more");
        }
    }

    /** Checks block sizes and minimization's p against one allocation stratum's ratio, in lowest terms. */
    private void ratio(Design.Randomization r, JsonPointer at, String node, String stratum, Map<String, Integer> ratio) {
        int gcd = 0;
        for (Integer w : ratio.values()) {
            if (w == null || w < 1) {
                return; // reported with the pathway
            }
            gcd = BigInteger.valueOf(gcd).gcd(BigInteger.valueOf(w)).intValue();
        }
        if (ratio.size() < 2) {
            return;
        }
        int sum = 0;
        int max = 0;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> e : ratio.entrySet()) {
            int w = e.getValue() / gcd;
            sum += w;
            max = Math.max(max, w);
            text.append(text.length() == 0 ? "{" : ", ").append(e.getKey()).append(": ").append(w);
        }
        String where = "the ratio " + text + "} of stratum '" + stratum + "' of allocation '" + node + "'";
        boolean blocks = Design.Randomization.PERMUTED_BLOCKS.equals(r.method()) || Design.Randomization.STRATIFIED_BLOCKS.equals(r.method());
        for (int i = 0; blocks && i < r.blockSizes().size(); i++) {
            Integer size = r.blockSizes().get(i);
            if (size != null && size > 0 && size % sum != 0) {
                sink.error(at.appendProperty("blockSizes").appendIndex(i), "a block of " + size + " cannot hold " + where
                        + " whole: block sizes must be multiples of " + sum);
            }
        }
        if (Design.Randomization.RESPONSE_ADAPTIVE.equals(r.method()) && r.adaptive() != null) {
            adaptiveRatio(r.adaptive(), at.appendProperty("adaptive"), where, ratio, sum, gcd);
        }
        if (Design.Randomization.MINIMIZATION.equals(r.method()) && r.p() != null && r.p() * sum < max * (1 - 1e-12)) {
            sink.error(at.appendProperty("p"), "p = " + Values.fmt(r.p()) + " is below " + max + "/" + sum + ", the largest arm's"
                    + " share in " + where + ": minimization would give that arm too rarely and shift the ratio");
        }
    }

    /** The number of levels of a categorical or yes/no variable, or 0 after reporting that it is neither. */
    private int levels(String v, JsonPointer at, String what) {
        if (v == null) {
            return 0;
        }
        var variable = symbols.variable(v);
        if (variable != null && variable.type() instanceof VariableType.Category c) {
            return c.levels().size();
        }
        if (variable != null && variable.type() instanceof VariableType.Flag) {
            return 2;
        }
        sink.error(at, "'" + v + "' is not a categorical or yes/no covariate (or risk); " + what + " is a level"
                + Spelling.hint(v, symbols.names()));
        return 0;
    }

    private void analysis(Design.Analysis a, Integer sampleSize, JsonPointer at) {
        if (a == null) {
            return;
        }
        if (a.events() != null && sampleSize != null && a.events() > sampleSize) {
            sink.error(at.appendProperty("events"), "the final analysis waits for " + a.events() + " events, but only " + sampleSize
                    + " patients are enrolled and each has at most one event of the endpoint");
        }
        if ((a.events() != null ? 1 : 0) + (a.followUpMonths() != null ? 1 : 0) + (a.calendarMonths() != null ? 1 : 0) > 1) {
            sink.error(at, "give one of 'events', 'followUpMonths' (after the last enrolment) or 'calendarMonths' (after"
                    + " accrual starts) to say when the final analysis is, not several");
        }
        if (values.increasing(a.informationFractions(), at.appendProperty("informationFractions"), "the information fractions")
                && !a.informationFractions().isEmpty()) {
            Double last = a.informationFractions().get(a.informationFractions().size() - 1);
            if (last != null && last != 1.0 && last > 0 && last < 1) {
                sink.error(at.appendProperty("informationFractions"), "the last look is the final analysis, at information fraction 1, not "
                        + Values.fmt(last));
            }
        }
        if (a.informationFractions().size() > 1 && a.spending() == null) {
            sink.error(at.appendProperty("spending"), "interim looks need an alpha-spending function: obrien-fleming or pocock");
        }
        int interims = Math.max(0, a.informationFractions().size() - 1);
        if (!a.futilityBounds().isEmpty() && a.futilityBounds().size() != interims) {
            sink.error(at.appendProperty("futilityBounds"), "give one futility bound per interim look (" + interims + "), not "
                    + a.futilityBounds().size());
        }
        boolean period = false;
        for (int i = 0; i < a.stratifyBy().size(); i++) {
            String v = a.stratifyBy().get(i);
            JsonPointer place = at.appendProperty("stratifyBy").appendIndex(i);
            if (!Design.Analysis.PERIOD.equals(v)) {
                levels(v, place, "a stratum");
                continue;
            }
            period = true;
            if (symbols.variable(v) != null) {
                sink.error(place, "'period' names the calendar period of enrolment, so a covariate named 'period' cannot"
                        + " stratify the analysis; rename the covariate");
            }
            if (a.periodMonths() == null) {
                sink.error(place, "'period' stratifies by the calendar period of enrolment: give its length as"
                        + " design.analysis.periodMonths (for example 12 for years from the start of accrual)");
            }
            if (a.stratifyBy().size() > MAX_FACTORS_WITH_PERIOD + 1) {
                sink.error(place, "with 'period', at most " + MAX_FACTORS_WITH_PERIOD + " other factors can stratify the analysis"
                        + " (each period holds a stratum for every combination of their levels)");
            }
        }
        if (a.periodMonths() != null && !period) {
            sink.error(at.appendProperty("periodMonths"), "periodMonths is the length of the periods that 'period' in"
                    + " stratifyBy names, but stratifyBy does not name it; add 'period' to stratifyBy or remove periodMonths");
        }
    }

    /**
     * A multiplicity adjustment needs a family to act on: at least two comparisons with one control arm on
     * one endpoint (or response). Holm's step-down orders the family's final p-values, which with interim
     * looks do not exist for every comparison at one time, so it takes one look only.
     */
    private void multiplicity(Design.Randomized r, JsonPointer at) {
        Design.Analysis a = r.analysis();
        if (a == null || a.multiplicity() == null || a.multiplicity() == Design.Analysis.Multiplicity.NONE) {
            return;
        }
        if (r.families().stream().allMatch(f -> f.size() < 2)) {
            sink.error(at, "'" + a.multiplicity().label() + "' adjusts the comparisons of several experimental arms against one"
                    + " control on one endpoint (or response), but no two comparisons share a control and an endpoint here, so"
                    + " there is no family to share alpha among; remove it, or compare each experimental arm with the same control");
        }
        if (a.multiplicity() == Design.Analysis.Multiplicity.HOLM && a.informationFractions().size() > 1) {
            sink.error(at, "Holm's step-down compares the family's p-values at one final analysis, but this design has "
                    + a.informationFractions().size() + " looks; use 'bonferroni' (each comparison's group-sequential bounds"
                    + " spend alpha/m) or a single look");
        }
    }

    /**
     * The margin of a randomized design's comparisons and the hypothesis it belongs to. The direction is
     * never guessed from the number: a margin that is not the no-effect value (hazard ratio 1, difference
     * 0) must come with its hypothesis, and the two must agree, so that a hazard ratio of 0.8 written as a
     * non-inferiority margin is refused rather than tested as superiority by a margin.
     */
    private void margin(Design.Randomized r, JsonPointer at) {
        Design.Analysis a = r.analysis();
        if (a == null || a.margin() == null && a.hypothesis() == null) {
            return;
        }
        JsonPointer marginAt = at.appendProperty("margin");
        JsonPointer hypothesisAt = at.appendProperty("hypothesis");
        if (a.margin() == null) {
            if (a.hypothesis() == Design.Analysis.Hypothesis.NON_INFERIORITY) {
                sink.error(hypothesisAt, "a non-inferiority hypothesis needs a 'margin': the hazard ratio (above 1) or the loss"
                        + " of response rate (below 0) that the experimental arm must be shown not to reach");
            }
            return;
        }
        long survival = r.comparisons().stream().filter(c -> c.endpoint() != null).count();
        if (survival > 0 && survival < r.comparisons().size()) {
            sink.error(marginAt, "one margin cannot serve both a survival comparison (a hazard ratio) and a response comparison"
                    + " (a difference in rates); give the design comparisons of one kind");
            return;
        }
        double m = a.margin();
        if (!Double.isFinite(m)) {
            return; // the range check has said so
        }
        boolean onHazards = survival > 0;
        double none = onHazards ? 1 : 0;
        if (onHazards && !(m > 0)) {
            sink.error(marginAt, "a survival margin is a hazard ratio (experimental vs control), above 0, not " + Values.fmt(m));
            return;
        }
        if (!onHazards && !(m < 1)) {
            sink.error(marginAt, "a response margin is a difference in response rates (experimental minus control), strictly"
                    + " between -1 and 1, not " + Values.fmt(m));
            return;
        }
        String scale = onHazards ? "hazard ratio" : "difference in response rates";
        if (m == none) {
            if (a.hypothesis() == Design.Analysis.Hypothesis.NON_INFERIORITY) {
                sink.error(marginAt, "a " + scale + " margin of " + Values.fmt(m) + " is no margin: non-inferiority needs "
                        + (onHazards ? "a hazard ratio above 1" : "a difference below 0") + "; this margin tests plain superiority");
            }
            return;
        }
        boolean worse = onHazards ? m > 1 : m < 0;
        if (a.hypothesis() == null) {
            sink.error(hypothesisAt, "state what the margin " + Values.fmt(m) + " tests: 'hypothesis: "
                    + (worse ? "non-inferiority" : "superiority") + "'" + (worse ? "" : " (superiority by a margin)"));
        } else if (worse && a.hypothesis() == Design.Analysis.Hypothesis.SUPERIORITY) {
            sink.error(marginAt, "superiority by a margin needs " + (onHazards ? "a hazard ratio below 1" : "a difference above 0")
                    + "; a " + scale + " margin of " + Values.fmt(m) + " is a non-inferiority margin ('hypothesis: non-inferiority')");
        } else if (!worse && a.hypothesis() == Design.Analysis.Hypothesis.NON_INFERIORITY) {
            sink.error(marginAt, "a non-inferiority margin is " + (onHazards ? "a hazard ratio above 1" : "a difference below 0")
                    + " (how much worse the experimental arm may be); a " + scale + " margin of " + Values.fmt(m) + " asks for"
                    + " superiority by a margin: write 'hypothesis: superiority' if that is meant");
        }
    }

    private void escalation(Design.Escalation e, JsonPointer at) {
        if (e.levels().isEmpty()) {
            sink.error(at.appendProperty("levels"), "a dose escalation needs at least one dose level");
        }
        Double previous = null;
        for (int i = 0; i < e.levels().size(); i++) {
            Design.DoseLevel level = e.levels().get(i);
            if (level == null) {
                continue;
            }
            JsonPointer lAt = at.appendProperty("levels").appendIndex(i);
            Design.DoseLevel before = i == 0 ? null : e.levels().get(i - 1);
            if (before != null && before.dltProbability() != null && level.dltProbability() != null
                    && level.dltProbability() < before.dltProbability()) {
                sink.error(lAt.appendProperty("dltProbability"), "the DLT probability falls from " + Values.fmt(before.dltProbability())
                        + " to " + Values.fmt(level.dltProbability()) + " at a higher dose; toxicity does not decrease with dose");
            }
            if (previous != null && level.dose() != null && !(level.dose() > previous)) {
                sink.error(lAt.appendProperty("dose"), "dose levels must increase, but " + Values.fmt(level.dose()) + " follows "
                        + Values.fmt(previous));
            }
            previous = level.dose();
        }
        if (e.startLevel() > Math.max(1, e.levels().size()) && e.startLevel() <= Range.MAX_DOSE_LEVELS) {
            sink.error(at.appendProperty("startLevel"), "the start level is " + e.startLevel() + "; levels are numbered from 1 to "
                    + e.levels().size());
        }
        if (e.method() != null) {
            modelBased(e, at);
        }
    }

    /** The parameters of BOIN, the CRM and their time-to-event versions, which tie several fields together. */
    private void modelBased(Design.Escalation e, JsonPointer at) {
        Design.Escalation.Method method = e.method();
        double target = e.targetDltRate();
        if (method.targetBased() && target > 0 && target < 1 && !(target > Range.MIN_MODEL_TARGET && target < Range.MAX_MODEL_TARGET)) {
            sink.error(at.appendProperty("targetDltRate"), "the target DLT rate is " + Values.fmt(target) + ", but " + methodName(method)
                    + " needs a target above " + Values.fmt(Range.MIN_MODEL_TARGET) + " and below " + Values.fmt(Range.MAX_MODEL_TARGET)
                    + " (the BOIN package's bounds: its boundaries and the CRM's skeleton need room on both sides of the target)");
        }
        if (method.crm() && !e.skeleton().isEmpty()) {
            JsonPointer sAt = at.appendProperty("skeleton");
            if (e.skeleton().size() != e.levels().size()) {
                sink.error(sAt, "the skeleton gives " + e.skeleton().size() + " DLT probabilities for " + e.levels().size()
                        + " dose levels; give one per level, lowest dose first");
            }
            for (int i = 1; i < e.skeleton().size(); i++) {
                Double before = e.skeleton().get(i - 1);
                Double here = e.skeleton().get(i);
                if (before != null && here != null && !(here > before)) {
                    sink.error(sAt.appendIndex(i), "the skeleton must increase with dose, but " + Values.fmt(here) + " follows "
                            + Values.fmt(before));
                }
            }
        }
        if (method.cohorts() && e.maxPatients() != null) {
            int cohort = e.cohortSize() == null ? 3 : e.cohortSize();
            if (e.maxPatients() % cohort != 0 && cohort <= Range.MAX_COHORT_SIZE && e.maxPatients() <= Range.MAX_ESCALATION_PATIENTS) {
                sink.error(at.appendProperty("maxPatients"), "the sample size " + e.maxPatients() + " is not a whole number of cohorts"
                        + " of " + cohort + (e.cohortSize() == null ? " (the default cohort size)" : "") + "; " + methodName(method)
                        + " treats whole cohorts");
            }
        }
    }

    private static String methodName(Design.Escalation.Method method) {
        return switch (method) {
            case ROLLING_SIX -> "the rolling six";
            case THREE_PLUS_THREE -> "the 3+3";
            case BOIN -> "BOIN";
            case TITE_BOIN -> "TITE-BOIN";
            case CRM -> "the CRM";
            case TITE_CRM -> "the TITE-CRM";
        };
    }

    private void twoStage(Design.TwoStage t, JsonPointer at) {
        compile.apply(t.response(), at.appendProperty("response"));
        if (t.p0() != null && t.p1() != null && !(t.p0() < t.p1())) {
            sink.error(at.appendProperty("p1"), "p1 (" + Values.fmt(t.p1()) + ") must be above p0 (" + Values.fmt(t.p0()) + ")");
        }
        boolean any = t.n1() != null || t.r1() != null || t.n() != null || t.r() != null;
        boolean all = t.n1() != null && t.r1() != null && t.n() != null && t.r() != null;
        if (any && !all) {
            sink.error(at, "give all of n1, r1, n and r for a fixed design, or none of them for the design to be searched");
        } else if (all && !(0 <= t.r1() && t.r1() < t.n1() && t.n1() < t.n() && t.r1() <= t.r() && t.r() < t.n())) {
            sink.error(at, "the design " + t.r1() + "/" + t.n1() + ", " + t.r() + "/" + t.n() + " is impossible; it needs"
                    + " 0 ≤ r1 < n1 < n and r1 ≤ r < n");
        }
        if (!all && (t.alpha() == null || t.beta() == null)) {
            sink.error(at, "to search for a design, give alpha and beta");
        }
    }

    private void arm(String arm, JsonPointer at) {
        exists(arm, protocol.arms().keySet(), at, "arm");
    }

    private void endpoint(String endpoint, JsonPointer at) {
        exists(endpoint, protocol.endpoints().keySet(), at, "endpoint");
    }

    private void exists(String id, Set<String> known, JsonPointer at, String what) {
        if (id != null && !known.contains(id)) {
            sink.error(at, "there is no " + what + " '" + id + "'" + Spelling.hint(id, known)
                    + (known.isEmpty() ? "" : "; the " + what + "s are " + String.join(", ", known)));
        }
    }
}
