package org.trialsim.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Node;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Stratum;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.design.sizing.Accrual;
import org.trialsim.simulator.design.sizing.Hazards;
import org.trialsim.simulator.design.sizing.Looks;
import org.trialsim.simulator.design.sizing.SurvivalSizing;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.EndpointTime;
import org.trialsim.simulator.engine.ScaledHazard;

/**
 * The analytic sizing question a protocol's two-arm survival comparison asks, when the protocol makes it
 * one: both arms' hazards are known multiples of one piecewise-exponential curve from enrolment
 * ({@link CompiledProtocol#closedFormHazard}, proportional hazards), the two arms are the only ones
 * allocated, in one ratio, by a method that does not adapt, and the log-rank test is unstratified and at
 * the full α. The question takes from the protocol what {@code trialsim design survival --protocol}
 * takes (α, looks, spending, futility bounds, accrual, loss to follow-up, follow-up after accrual) and
 * the hazards, hazard ratio, allocation ratio and margin besides, so that the answer is
 * {@code design survival}'s for the same inputs.
 *
 * @param question    the question, or null when the protocol does not make one
 * @param unavailable why not, or null
 */
record ProtocolSurvival(SurvivalSizing question, String unavailable) {

    /**
     * The question of a randomized design's comparison.
     *
     * @param loaded     a validated protocol
     * @param comparison the comparison's index (from 0) among the design's comparisons
     * @return the question, or why the protocol does not make one
     */
    static ProtocolSurvival of(LoadedProtocol loaded, int comparison) {
        Protocol protocol = loaded.protocol();
        if (!(protocol.design() instanceof Design.Randomized design)) {
            return no("the design is not a randomized comparison");
        }
        Design.Comparison c = design.comparisons().get(comparison);
        if (c.endpoint() == null) {
            return no("the comparison is of responses, not of a survival endpoint");
        }
        Design.Analysis analysis = design.analysis();
        if (analysis != null && !analysis.stratifyBy().isEmpty()) {
            return no("the log-rank test is stratified");
        }
        if (analysis != null && analysis.multiplicity() != null && analysis.multiplicity() != Design.Analysis.Multiplicity.NONE
                && design.families().stream().anyMatch(f -> f.size() > 1 && f.contains(comparison))) {
            return no("the comparison shares alpha with others (" + analysis.multiplicity().label() + ")");
        }
        if (design.randomization() != null && Design.Randomization.RESPONSE_ADAPTIVE.equals(design.randomization().method())) {
            return no("the allocation is response-adaptive");
        }
        Double ratio = allocationRatio(protocol, c);
        if (ratio == null) {
            return no("the pathway does not allocate only " + c.experimental() + " and " + c.control() + ", in one ratio, at one"
                    + " allocation point");
        }
        CompiledProtocol compiled = CompiledProtocol.of(loaded);
        EndpointTime endpoint = EndpointTime.of(protocol.endpoints().get(c.endpoint()));
        Optional<ScaledHazard> control = compiled.closedFormHazard(compiled.arms().indexOf(c.control()), endpoint);
        Optional<ScaledHazard> experimental = compiled.closedFormHazard(compiled.arms().indexOf(c.experimental()), endpoint);
        if (control.isEmpty() || experimental.isEmpty() || !control.get().curve().equals(experimental.get().curve())) {
            return no("the hazards of " + c.endpoint() + " are not known in closed form as proportional (piecewise-)exponential"
                    + " hazards from enrolment (that needs a pathway that only allocates, remission at enrolment, rules chosen by the"
                    + " arm alone, no cure and no competing event)");
        }
        Looks looks;
        try {
            looks = looks(analysis);
        } catch (IllegalArgumentException e) {
            return no(e.getMessage());
        }
        double[] days = control.get().curve().breakpoints();
        double[] months = new double[days.length];
        for (int j = 0; j < days.length; j++) {
            months[j] = days[j] / TimeUnits.DAYS_PER_MONTH;
        }
        double[] perMonth = control.get().curve().rates();
        for (int j = 0; j < perMonth.length; j++) {
            perMonth[j] *= control.get().multiplier() * TimeUnits.DAYS_PER_MONTH;
        }
        double hazardRatio = experimental.get().multiplier() / control.get().multiplier();
        Hazards hazards = Hazards.piecewise(months, perMonth, hazardRatio);
        Design.Accrual accrual = design.accrual();
        if (accrual != null && accrual.dropoutPerYear() > 0) {
            hazards = hazards.withDropoutHazards(accrual.dropoutPerYear() / 12, accrual.dropoutPerYear() / 12);
        }
        SurvivalSizing question = SurvivalSizing.of(hazards, looks).withAllocationRatio(ratio);
        if (analysis != null && analysis.margin() != null) {
            question = question.withMargin(analysis.margin());
        }
        if (accrual == null) {
            question = question.withAccrual(Accrual.uniform(), SurvivalSizing.DEFAULT_ACCRUAL_MONTHS);
        } else {
            question = question.withAccrual(Accrual.of(accrual.patientsPerMonth(), accrual.rampUpMonths(),
                    accrual.changes().stream().mapToDouble(Design.RateChange::fromMonth).toArray(),
                    accrual.changes().stream().mapToDouble(Design.RateChange::patientsPerMonth).toArray()), null);
        }
        if (analysis != null && analysis.followUpMonths() != null) {
            question = question.withFollowUp(analysis.followUpMonths());
        }
        return new ProtocolSurvival(question, null);
    }

    private static ProtocolSurvival no(String why) {
        return new ProtocolSurvival(null, why);
    }

    /** Experimental patients per control patient, if one allocation point gives only the two arms, in one ratio in every stratum. */
    private static Double allocationRatio(Protocol protocol, Design.Comparison c) {
        List<Node.Allocation> allocations = protocol.pathway().nodes().values().stream()
                .filter(Node.Allocation.class::isInstance).map(Node.Allocation.class::cast).toList();
        if (allocations.size() != 1) {
            return null;
        }
        Double ratio = null;
        for (Stratum stratum : allocations.get(0).strata().values()) {
            Map<String, Integer> weights = stratum.ratio();
            Integer e = weights.get(c.experimental());
            Integer k = weights.get(c.control());
            boolean others = weights.entrySet().stream().anyMatch(w -> w.getValue() > 0 && !w.getKey().equals(c.experimental())
                    && !w.getKey().equals(c.control()));
            if (e == null || k == null || e == 0 || k == 0 || others || ratio != null && ratio != (double) e / k) {
                return null;
            }
            ratio = (double) e / k;
        }
        return ratio;
    }

    /** The protocol analysis's α, looks, spending and futility bounds, as {@code design survival --protocol} reads them. */
    private static Looks looks(Design.Analysis analysis) {
        if (analysis == null) {
            return Looks.single(0.025);
        }
        double[] fractions = analysis.informationFractions().isEmpty() ? new double[] {1}
                : analysis.informationFractions().stream().mapToDouble(Double::doubleValue).toArray();
        String spending = analysis.spending() == null ? Design.Analysis.OBRIEN_FLEMING : analysis.spending();
        Looks.Spending function = switch (spending) {
            case Design.Analysis.OBRIEN_FLEMING -> Looks.Spending.OBRIEN_FLEMING;
            case Design.Analysis.POCOCK -> Looks.Spending.POCOCK;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT, "the spending function %s has no analytic"
                    + " sizing (obrien-fleming and pocock have)", spending));
        };
        return Looks.of(analysis.alpha(), function, fractions, analysis.futilityBounds().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
