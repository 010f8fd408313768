package org.trialsim.simulator.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.protocol.condition.Symbols;
import org.trialsim.protocol.condition.VariableType;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.SpendingFunction;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.EndpointTime;
import org.trialsim.simulator.trial.accrual.AccrualPlan;
import org.trialsim.simulator.trial.allocation.AllocationMethod;

/**
 * A protocol's trial design resolved for simulation: sample size, accrual, allocation method, data
 * cuts (with their group-sequential boundaries, computed once) and the analyses. Immutable.
 */
final class TrialDesign {
    /** Without an accrual in the design, patients arrive evenly (as a Poisson process) over this many months. */
    static final double DEFAULT_ACCRUAL_MONTHS = 24;
    /** The one-sided alpha of a design that states none. */
    static final double DEFAULT_ALPHA = 0.025;

    /** The design's type as the protocol names it: {@value Design#RANDOMIZED}, {@value Design#SINGLE_ARM_SURVIVAL} or {@value Design#SINGLE_ARM_RESPONSE}. */
    final String type;
    final String label;
    final int sampleSize;
    final AccrualPlan accrual;
    final boolean regularArrivals;
    final AllocationMethod allocation;
    /** State slots of the factors that stratified blocks or minimization balance. */
    final int[] factorSlots;
    /** Levels of each factor, the last standing for "not known at allocation". */
    final int[] factorLevels;
    final double alpha;
    final DataCuts cuts;
    final List<Analysis> analyses;
    /** How a family of comparisons shares alpha (none for designs that state none, and single-arm designs). */
    final Design.Analysis.Multiplicity multiplicity;
    /** The families of comparisons with one control and one endpoint, by analysis index; only those of two or more when adjusted. */
    final List<int[]> families;
    /** Per analysis, the one-sided level its own test is at: alpha, or alpha/m in a family of m adjusted by Bonferroni or Holm. */
    private final double[] levels;
    /** Per analysis, its data cuts: the design's, or with boundaries that spend its level when that is not alpha. */
    private final DataCuts[] cutsOf;
    /** Days from enrolment to the end of follow-up. */
    final double horizonDays;

    private TrialDesign(CompiledProtocol compiled, DesignImplementations registry) {
        Protocol protocol = compiled.loaded().protocol();
        Design design = protocol.design();
        Symbols symbols = compiled.symbols();
        List<String> arms = compiled.arms();
        Design.Accrual plannedAccrual = null;
        Design.Analysis analysis = null;
        Design.Randomization randomization = null;
        List<Analysis> list = new ArrayList<>();
        List<List<Integer>> comparisonFamilies = List.of();
        if (design instanceof Design.Randomized r) {
            comparisonFamilies = r.families();
            sampleSize = r.sampleSize();
            plannedAccrual = r.accrual();
            analysis = r.analysis();
            randomization = r.randomization() == null ? Design.Randomization.of(Design.Randomization.SIMPLE) : r.randomization();
            int[] strata = analysis == null ? new int[0] : analysis.stratifyBy().stream()
                    .filter(f -> !f.equals(Design.Analysis.PERIOD)).mapToInt(symbols::slot).toArray();
            double periodDays = analysis == null || !analysis.stratifyBy().contains(Design.Analysis.PERIOD) ? Double.NaN
                    : analysis.periodMonths() * TimeUnits.DAYS_PER_MONTH;
            for (Design.Comparison c : r.comparisons()) {
                String label = c.label() == null ? c.experimental() + " vs " + c.control() : c.label();
                int control = arms.indexOf(c.control());
                int experimental = arms.indexOf(c.experimental());
                if (c.endpoint() != null) {
                    double landmarkDays = c.landmarkYears() == null ? Double.NaN : c.landmarkYears() * TimeUnits.DAYS_PER_YEAR;
                    list.add(new SurvivalComparison(label, control, experimental, EndpointTime.of(protocol.endpoints().get(c.endpoint())),
                            landmarkDays, strata, periodDays, Margin.of(analysis, true)));
                } else {
                    list.add(new ResponseComparison(label, control, experimental, compiled.condition(c.response().text()),
                            Margin.of(analysis, false)));
                }
            }
        } else if (design instanceof Design.SingleArmSurvival s) {
            sampleSize = s.sampleSize();
            plannedAccrual = s.accrual();
            analysis = s.analysis();
            list.add(new SurvivalAgainstHistory(s.endpoint() + " vs " + s.historicalCurve(), arms.indexOf(s.arm()),
                    EndpointTime.of(protocol.endpoints().get(s.endpoint())),
                    compiled.curve(s.historicalCurve())));
        } else if (design instanceof Design.SingleArmResponse s) {
            sampleSize = s.sampleSize();
            analysis = new Design.Analysis(s.alpha() == null ? DEFAULT_ALPHA : s.alpha(), null, null, null, List.of(), null, List.of(),
                    List.of());
            list.add(new ResponseAgainstHistory("response vs historical rate " + s.historicalRate(), arms.indexOf(s.arm()),
                    compiled.condition(s.response().text()), s.historicalRate()));
        } else {
            throw new IllegalArgumentException("the protocol's design ("
                    + (design == null ? "none" : design.getClass().getSimpleName()) + ") is not a trial with analyses");
        }
        this.type = Design.typeOf(design);
        this.label = design.label();
        this.analyses = List.copyOf(list);
        this.accrual = plannedAccrual == null ? AccrualPlan.of(sampleSize / DEFAULT_ACCRUAL_MONTHS, 0, 0) : AccrualPlan.of(plannedAccrual);
        this.regularArrivals = plannedAccrual != null && plannedAccrual.arrivals() == Design.Accrual.Arrivals.REGULAR;
        this.allocation = randomization == null ? AllocationMethod.SIMPLE : registry.allocationMethod(compiled.loaded(), randomization);
        List<String> factors = randomization == null ? List.of() : randomization.factors();
        this.factorSlots = factors.stream().mapToInt(symbols::slot).toArray();
        this.factorLevels = factors.stream().mapToInt(f -> levels(symbols.variable(f).type()) + 1).toArray();
        if (analysis == null) {
            analysis = new Design.Analysis(DEFAULT_ALPHA, null, null, null, List.of(), null, List.of(), List.of());
        }
        this.alpha = analysis.alpha();
        this.cuts = cuts(analysis, alpha, spending(registry, compiled, analysis, alpha));
        this.horizonDays = compiled.horizonDays();
        this.multiplicity = analysis.multiplicity() == null ? Design.Analysis.Multiplicity.NONE : analysis.multiplicity();
        this.levels = new double[analyses.size()];
        this.cutsOf = new DataCuts[analyses.size()];
        Arrays.fill(levels, alpha);
        Arrays.fill(cutsOf, cuts);
        List<int[]> adjusted = new ArrayList<>();
        if (multiplicity != Design.Analysis.Multiplicity.NONE) {
            for (List<Integer> family : comparisonFamilies) {
                if (family.size() < 2) {
                    continue;
                }
                // Bonferroni, and Holm's first step: each comparison's own test at alpha/m
                double level = alpha / family.size();
                DataCuts familyCuts = cuts(analysis, level, spending(registry, compiled, analysis, level));
                for (int a : family) {
                    levels[a] = level;
                    cutsOf[a] = familyCuts;
                }
                adjusted.add(family.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        this.families = List.copyOf(adjusted);
    }

    /** The one-sided level of the analysis's own test: alpha, or alpha/m for a comparison in an adjusted family of m. */
    double level(Analysis analysis) {
        return levels[indexOf(analysis)];
    }

    /** The data cuts of the analysis, with the boundaries of its level. */
    DataCuts cuts(Analysis analysis) {
        return cutsOf[indexOf(analysis)];
    }

    private int indexOf(Analysis analysis) {
        for (int a = 0; a < analyses.size(); a++) {
            if (analyses.get(a) == analysis) {
                return a;
            }
        }
        throw new IllegalArgumentException("not an analysis of the design: " + analysis.label());
    }

    /**
     * The trial design of a compiled protocol, with the allocation method and spending function the
     * registry has under the names the design gives.
     *
     * @throws IllegalArgumentException if the protocol has no design with analyses (none, or a phase 1-2 design)
     * @throws org.trialsim.simulator.run.InvalidProtocolException if the registry has no such name,
     *         or its implementation refuses the design's settings
     */
    static TrialDesign of(CompiledProtocol protocol, DesignImplementations registry) {
        return new TrialDesign(protocol, registry);
    }

    /** Whether the design randomizes (single-arm designs give every patient their arm). */
    boolean randomizes() {
        return type.equals(Design.RANDOMIZED);
    }

    /** The looks at the data, interim and final. */
    int looks() {
        return cuts.looks();
    }

    /** The design's spending function: O'Brien–Fleming unless it names another (one look spends all of alpha with any). */
    private static SpendingFunction spending(DesignImplementations registry, CompiledProtocol compiled, Design.Analysis analysis, double alpha) {
        String name = analysis.spending() == null ? Design.Analysis.OBRIEN_FLEMING : analysis.spending();
        return registry.spendingFunction(compiled.loaded(), name, alpha);
    }

    private static DataCuts cuts(Design.Analysis analysis, double alpha, SpendingFunction spending) {
        double followUpDays = analysis.followUpMonths() == null ? Double.NaN : analysis.followUpMonths() * TimeUnits.DAYS_PER_MONTH;
        double calendarDay = analysis.calendarMonths() == null ? Double.NaN : analysis.calendarMonths() * TimeUnits.DAYS_PER_MONTH;
        double[] fractions = analysis.informationFractions().isEmpty() ? new double[] {1.0}
                : analysis.informationFractions().stream().mapToDouble(Double::doubleValue).toArray();
        double[] futility = analysis.futilityBounds().stream().mapToDouble(Double::doubleValue).toArray();
        GroupSequentialDesign gsd = GroupSequentialDesign.of(spending, fractions);
        return new DataCuts(analysis.events(), followUpDays, calendarDay, fractions, futility,
                futility.length == 0 ? gsd : gsd.withFutilityBounds(futility));
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
}
