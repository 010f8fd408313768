package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Endpoint;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.condition.Check;
import org.trialsim.protocol.condition.ConditionCompiler;
import org.trialsim.protocol.condition.ConditionSyntaxException;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.condition.Symbols;
import org.trialsim.protocol.condition.VariableType;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.PiecewiseConstantHazard;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.engine.Hazards;
import org.trialsim.simulator.trial.accrual.AccrualPlan;
import org.trialsim.simulator.trial.accrual.AccrualProcess;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * A protocol's trial design resolved for simulation: sample size, accrual, allocation method, and the
 * analyses (with their group-sequential boundaries, computed once). Built from the protocol's
 * {@code design}; immutable.
 */
public final class TrialSpec {
    /** Days per month, for accrual rates and follow-up given in months. */
    public static final double DAYS_PER_MONTH = AccrualProcess.DAYS_PER_MONTH;
    /** Without an accrual in the design, patients arrive evenly (as a Poisson process) over this many months. */
    public static final double DEFAULT_ACCRUAL_MONTHS = 24;

    /** What the analysis compares. */
    enum Kind { SURVIVAL_TWO_ARMS, RESPONSE_TWO_ARMS, SURVIVAL_VS_HISTORY, RESPONSE_VS_HISTORY }

    /** One analysis of the design. */
    record Analysis(String label, Kind kind, int control, int experimental, int endpoint, Endpoint.Origin origin,
                    Check response, double landmarkDays, PiecewiseConstantHazard historical, double historicalRate,
                    int[] strataSlots) {
    }

    final Protocol protocol;
    final String designType;
    final int sampleSize;
    final AccrualPlan accrual;
    final boolean regularArrivals;
    final AllocationMethod allocation;
    /** State slots of the factors that stratified blocks or minimization balance. */
    final int[] randomizationFactorSlots;
    /** Levels of each factor, the last standing for "not known at allocation". */
    final int[] randomizationFactorLevels;
    final List<Analysis> analyses;
    final double alpha;
    final Integer events;
    final double followUpDays;
    final double calendarDay;
    final double[] informationFractions;
    final double[] futilityBounds;
    final GroupSequentialDesign boundaries;

    private TrialSpec(Protocol protocol, Design design) {
        this.protocol = protocol;
        Symbols symbols = ProtocolVariables.of(protocol);
        ConditionCompiler compiler = new ConditionCompiler(symbols);
        List<String> arms = List.copyOf(protocol.arms().keySet());
        List<String> endpoints = List.copyOf(protocol.endpoints().keySet());
        Design.Accrual accrual = null;
        Design.Analysis analysis = null;
        Design.Randomization randomization;
        List<Analysis> list = new ArrayList<>();
        if (design instanceof Design.Randomized r) {
            designType = "randomized";
            sampleSize = r.sampleSize();
            accrual = r.accrual();
            analysis = r.analysis();
            randomization = r.randomization() == null ? Design.Randomization.of(Design.Randomization.Method.SIMPLE) : r.randomization();
            int[] strata = analysis == null ? new int[0]
                    : analysis.stratifyBy().stream().mapToInt(symbols::slot).toArray();
            for (Design.Comparison c : r.comparisons()) {
                boolean survival = c.endpoint() != null;
                int endpoint = survival ? endpoints.indexOf(c.endpoint()) : -1;
                list.add(new Analysis(c.label() == null ? c.experimental() + " vs " + c.control() : c.label(),
                        survival ? Kind.SURVIVAL_TWO_ARMS : Kind.RESPONSE_TWO_ARMS, arms.indexOf(c.control()),
                        arms.indexOf(c.experimental()), endpoint,
                        survival ? protocol.endpoints().get(c.endpoint()).origin() : Endpoint.Origin.ENROLMENT,
                        survival ? null : compile(compiler, c.response().text()),
                        c.landmarkYears() == null ? Double.NaN : c.landmarkYears() * 365.25, null, Double.NaN, strata));
            }
        } else if (design instanceof Design.SingleArmSurvival s) {
            designType = "single-arm-survival";
            sampleSize = s.sampleSize();
            accrual = s.accrual();
            analysis = s.analysis();
            randomization = null;
            int endpoint = endpoints.indexOf(s.endpoint());
            list.add(new Analysis(s.endpoint() + " vs " + s.historicalCurve(), Kind.SURVIVAL_VS_HISTORY, -1, arms.indexOf(s.arm()),
                    endpoint, protocol.endpoints().get(s.endpoint()).origin(), null, Double.NaN,
                    Hazards.of(protocol.outcomes().curves().get(s.historicalCurve())), Double.NaN, new int[0]));
        } else if (design instanceof Design.SingleArmResponse s) {
            designType = "single-arm-response";
            sampleSize = s.sampleSize();
            randomization = null;
            analysis = new Design.Analysis(s.alpha() == null ? 0.025 : s.alpha(), null, null, null, List.of(), null, List.of(), List.of());
            list.add(new Analysis("response vs historical rate " + s.historicalRate(), Kind.RESPONSE_VS_HISTORY, -1,
                    arms.indexOf(s.arm()), -1, Endpoint.Origin.ENROLMENT, compile(compiler, s.response().text()), Double.NaN,
                    null, s.historicalRate(), new int[0]));
        } else {
            throw new IllegalArgumentException("the protocol's design ("
                    + (design == null ? "none" : design.getClass().getSimpleName()) + ") is not a trial with analyses");
        }
        this.analyses = List.copyOf(list);
        this.accrual = accrual == null ? AccrualPlan.of(sampleSize / DEFAULT_ACCRUAL_MONTHS, 0, 0) : AccrualPlan.of(accrual);
        this.regularArrivals = accrual != null && accrual.arrivals() == Design.Accrual.Arrivals.REGULAR;
        this.allocation = randomization == null ? AllocationMethod.SIMPLE : AllocationMethod.of(randomization);
        List<String> factors = randomization == null ? List.of() : randomization.factors();
        this.randomizationFactorSlots = factors.stream().mapToInt(symbols::slot).toArray();
        this.randomizationFactorLevels = factors.stream().mapToInt(f -> levels(symbols.variable(f).type()) + 1).toArray();
        if (analysis == null) {
            analysis = new Design.Analysis(0.025, null, null, null, List.of(), null, List.of(), List.of());
        }
        this.alpha = analysis.alpha();
        this.events = analysis.events();
        this.followUpDays = analysis.followUpMonths() == null ? Double.NaN : analysis.followUpMonths() * DAYS_PER_MONTH;
        this.calendarDay = analysis.calendarMonths() == null ? Double.NaN : analysis.calendarMonths() * DAYS_PER_MONTH;
        double[] fractions = analysis.informationFractions().isEmpty() ? new double[] {1.0}
                : analysis.informationFractions().stream().mapToDouble(Double::doubleValue).toArray();
        this.informationFractions = fractions;
        this.futilityBounds = analysis.futilityBounds().stream().mapToDouble(Double::doubleValue).toArray();
        SpendingFunction spending = analysis.spending() == Design.Analysis.Spending.POCOCK
                ? SpendingFunction.pocock(alpha) : SpendingFunction.obrienFleming(alpha);
        GroupSequentialDesign gsd = GroupSequentialDesign.of(spending, fractions);
        this.boundaries = futilityBounds.length == 0 ? gsd : gsd.withFutilityBounds(futilityBounds);
    }

    /**
     * The trial design of a protocol.
     *
     * @throws IllegalArgumentException if the protocol has no design with analyses (none, or a phase 1-2 design)
     */
    public static TrialSpec of(Protocol protocol) {
        return new TrialSpec(protocol, protocol.design());
    }

    /** Whether a protocol's design can be simulated as a trial with analyses. */
    public static boolean hasAnalyses(Protocol protocol) {
        return protocol.design() instanceof Design.Randomized || protocol.design() instanceof Design.SingleArmSurvival
                || protocol.design() instanceof Design.SingleArmResponse;
    }

    /** The number of levels of a categorical or yes/no variable. */
    private static int levels(VariableType type) {
        if (type instanceof VariableType.Category c) {
            return c.levels().size();
        }
        if (type instanceof VariableType.Flag) {
            return 2;
        }
        throw new IllegalArgumentException("the protocol was not validated: a randomization factor is " + type.describe());
    }

    /** Whether the design randomizes (single-arm designs give every patient their arm). */
    boolean randomizes() {
        return designType.equals("randomized");
    }

    /** The number of looks (interim and final). */
    int looks() {
        return informationFractions.length;
    }

    private static Check compile(ConditionCompiler compiler, String text) {
        try {
            return compiler.compile(text);
        } catch (ConditionSyntaxException e) {
            throw new IllegalArgumentException("the protocol was not validated: " + e.describe(), e);
        }
    }
}
