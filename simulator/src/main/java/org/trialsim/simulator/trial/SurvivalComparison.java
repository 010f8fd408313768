package org.trialsim.simulator.trial;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.simulator.analysis.CoxEstimate;
import org.trialsim.simulator.analysis.CoxModel;
import org.trialsim.simulator.analysis.KaplanMeier;
import org.trialsim.simulator.analysis.LogRankTest;
import org.trialsim.simulator.analysis.SurvivalData;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.EndpointTime;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.engine.ScaledHazard;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.stats.Interval;

/**
 * A survival endpoint compared between two randomized arms: the (stratified) log-rank test at each
 * look against group-sequential boundaries, with optional non-binding futility bounds, and the Cox
 * hazard ratio with its Wald interval as the effect estimate when the trial concludes. With a margin θ₀
 * the log-rank test is the one at the null hazard ratio θ₀ ({@link LogRankTest#test(SurvivalData, double)}).
 *
 * @param label        what is compared
 * @param control      the control arm
 * @param experimental the experimental arm
 * @param endpoint     the survival endpoint
 * @param landmarkDays a day at which the Kaplan–Meier curves are also compared, or NaN
 * @param strataSlots  the state slots of the stratification factors (none: unstratified)
 * @param periodDays   the length of the calendar periods of enrolment that also stratify, or NaN
 * @param margin       the hazard-ratio margin, or null for superiority
 */
record SurvivalComparison(String label, int control, int experimental, EndpointTime endpoint, double landmarkDays, int[] strataSlots,
                          double periodDays, Margin margin) implements Analysis {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** A stratum code is built from factor levels in base 64: factors have fewer levels than that. */
    private static final int LEVELS_PER_FACTOR = 64;

    @Override
    public String test() {
        String test = strataSlots.length > 0 || periodDays == periodDays ? "stratified log-rank" : "log-rank";
        return margin == null ? test : test + " at " + margin.nullHypothesis() + " (" + margin.hypothesis().label() + ")";
    }

    @Override
    public String measure() {
        return "log hazard ratio (experimental vs control, Cox)";
    }

    @Override
    public boolean groupSequential() {
        return true;
    }

    /**
     * The log hazard ratio, when both arms' hazards are known multiples of the same curve: Cox's
     * estimate then targets exactly the log of the ratio of the multiples.
     */
    @Override
    public OptionalDouble exactEffect(CompiledProtocol protocol) {
        Optional<ScaledHazard> c = protocol.closedFormHazard(control, endpoint);
        Optional<ScaledHazard> e = protocol.closedFormHazard(experimental, endpoint);
        if (c.isEmpty() || e.isEmpty() || !c.get().curve().equals(e.get().curve())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.log(e.get().multiplier() / c.get().multiplier()));
    }

    @Override
    public Analysis.Data newData(TrialDesign design, RandomStreams streams, boolean nullScenario) {
        return new Data(design);
    }

    /**
     * The stratum of a patient: their stratification factors' levels as one code, after the number of
     * whole periods from the start of accrual to their arrival, when periods stratify too (the most
     * significant digit, since their number is not bounded in advance).
     */
    private int stratumOf(PatientOutcome o, double arrivalDay) {
        int s = periodDays == periodDays ? (int) (arrivalDay / periodDays) : 0;
        for (int slot : strataSlots) {
            s = s * LEVELS_PER_FACTOR + (int) o.state()[slot];
        }
        return s;
    }

    /** The comparison's patients in one replicate. */
    private final class Data implements Analysis.Data {
        private final TrialDesign design;
        private final SurvivalTimes times = new SurvivalTimes();
        /** Patient i's group in the data: 2·stratum + arm (0 control, 1 experimental). */
        private int[] group = new int[0];
        /** One more than the largest stratum of a patient recorded in the replicate. */
        private int strata;
        private double[] scratch = new double[0];

        Data(TrialDesign design) {
            this.design = design;
        }

        @Override
        public void resize(int patients) {
            times.resize(patients);
            strata = 1;
            if (group.length < patients) {
                group = new int[patients];
                scratch = new double[patients];
            }
        }

        @Override
        public void record(int i, PatientOutcome o, VirtualTrial trial) {
            if (!o.enrolled() || !includes(trial.arm(i))) {
                times.exclude(i);
                return;
            }
            int stratum = stratumOf(o, trial.arrival(i));
            strata = Math.max(strata, stratum + 1);
            group[i] = 2 * stratum + (trial.arm(i) == experimental ? 1 : 0);
            double origin = endpoint.origin(o);
            if (origin != origin) {
                times.exclude(i);
                return;
            }
            times.record(i, trial.arrival(i) + origin, endpoint.firstEvent(o) - origin,
                    Math.min(design.horizonDays - origin, trial.dropout(i) - origin));
        }

        @Override
        public Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale) {
            DataCuts cuts = design.cuts(SurvivalComparison.this);
            double[] days = cuts.days(times, trial.lastArrival(), scale, scratch);
            int finalLook = cuts.looks() - 1;
            for (int k = finalOnly ? days.length - 1 : 0; k < days.length; k++) {
                double cut = days[k];
                SurvivalData data = dataAt(cut);
                boolean last = k == days.length - 1;
                int look = finalOnly ? finalLook : k;
                // the log-rank z is oriented so that a benefit of the experimental arm is positive
                double z = data.events() == 0 ? Double.NaN
                        : -(margin == null ? LogRankTest.z(data) : LogRankTest.z(data, margin.value()));
                boolean efficacy = z >= cuts.boundaries().efficacyBound(look);
                boolean futility = !last && !efficacy && cuts.futilityBounds().length > 0 && !(z >= cuts.futilityBounds()[k]);
                if (trial.looks().on()) {
                    // counting the patients enrolled by an interim cut is a pass over the arrivals: only when kept
                    trial.looks().addZ(look, trial.enrolledBy(cut), data.events(), cut, z);
                }
                if (efficacy || futility || last) {
                    return conclusion(trial, data, look, efficacy, futility, cut, z);
                }
            }
            throw new IllegalStateException("no final analysis for " + days.length + " looks");
        }

        private Conclusion conclusion(VirtualTrial trial, SurvivalData data, int look, boolean efficacy, boolean futility, double cut, double z) {
            CoxEstimate cox = data.events() == 0 ? null : CoxModel.estimate(data);
            double landmark = Double.NaN;
            if (!Double.isNaN(landmarkDays) && data.events() > 0) {
                landmark = KaplanMeier.landmarkDifference(data, landmarkDays).difference();
            }
            double logHr = cox == null ? Double.NaN : cox.logHazardRatio();
            Interval ci = cox == null ? null : cox.hazardRatioInterval(0.95);
            return new Conclusion(look, efficacy, futility && !efficacy, trial.enrolledBy(cut), data.events(), cut, logHr,
                    ci == null ? Double.NaN : Math.log(ci.lower()), ci == null ? Double.NaN : Math.log(ci.upper()), landmark,
                    trial.allocatedBy(control, cut), trial.allocatedBy(experimental, cut),
                    z != z ? Double.NaN : STANDARD_NORMAL.survivalProbability(z));
        }

        /** The two arms' survival data at the cut, coded 0 control and 1 experimental. */
        private SurvivalData dataAt(double cut) {
            return times.dataAt(cut, group, strata);
        }
    }
}
