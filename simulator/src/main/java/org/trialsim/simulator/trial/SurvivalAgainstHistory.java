package org.trialsim.simulator.trial;

import org.trialsim.simulator.analysis.OneSampleLogRank;
import org.trialsim.simulator.analysis.OneSampleLogRankResult;
import org.trialsim.simulator.engine.EndpointTime;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;
import org.trialsim.simulator.random.RandomStreams;

/**
 * A survival endpoint of one arm against a historical curve: the one-sample log-rank test (observed
 * events against those the curve expects over the same follow-up) at each look, rejecting at the
 * design's one-sided alpha; the effect estimate is log(observed/expected) with the interval ±1.96/√O.
 * Under the null hypothesis the arm's event times are drawn from the historical curve itself.
 *
 * @param label      what is compared
 * @param arm        the arm
 * @param endpoint   the survival endpoint
 * @param historical the historical curve's hazard
 */
record SurvivalAgainstHistory(String label, int arm, EndpointTime endpoint, PiecewiseConstantHazard historical) implements OneArmAnalysis {

    @Override
    public String test() {
        return "one-sample log-rank against the historical curve";
    }

    @Override
    public String measure() {
        return "log observed/expected events against the historical curve";
    }

    @Override
    public Analysis.Data newData(TrialDesign design, RandomStreams streams, boolean nullScenario) {
        return new Data(design, streams, nullScenario);
    }

    /** The arm's patients in one replicate. */
    private final class Data implements Analysis.Data {
        private final TrialDesign design;
        private final RandomStreams streams;
        private final boolean nullScenario;
        private final SurvivalTimes times = new SurvivalTimes();
        private double[] scratch = new double[0];

        Data(TrialDesign design, RandomStreams streams, boolean nullScenario) {
            this.design = design;
            this.streams = streams;
            this.nullScenario = nullScenario;
        }

        @Override
        public void resize(int patients) {
            times.resize(patients);
            if (scratch.length < patients) {
                scratch = new double[patients];
            }
        }

        @Override
        public void record(int i, PatientOutcome o, VirtualTrial trial) {
            double origin = endpoint.origin(o);
            if (!o.enrolled() || !includes(trial.arm(i)) || origin != origin) {
                times.exclude(i);
                return;
            }
            double after = endpoint.firstEvent(o) - origin;
            if (nullScenario) {
                // under the null hypothesis the arm's event times follow the historical curve
                double budget = -Math.log1p(-streams.shortStream(NULL_OUTCOME, trial.enginePatient(i)).nextDouble());
                after = historical.inverse(budget);
            }
            times.record(i, trial.arrival(i) + origin, after, Math.min(design.horizonDays - origin, trial.dropout(i) - origin));
        }

        @Override
        public Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale) {
            double[] days = design.cuts.days(times, trial.lastArrival(), scale, scratch);
            for (int k = finalOnly ? days.length - 1 : 0; k < days.length; k++) {
                double cut = days[k];
                OneSampleLogRankResult test = test(trial, cut);
                boolean efficacy = test.observed() + test.expected() > 0 && test.pOneSided() <= design.alpha;
                if (trial.looks().on()) {
                    trial.looks().add(k, trial.enrolledBy(cut), (int) Math.round(test.observed()), cut, -test.z(), test.pOneSided());
                }
                if (k == days.length - 1 || efficacy) {
                    double logRatio = Math.log(test.ratio());
                    double se = test.observed() > 0 ? 1 / Math.sqrt(test.observed()) : Double.NaN;
                    return new Conclusion(k, efficacy, false, trial.enrolledBy(cut), (int) Math.round(test.observed()), cut, logRatio,
                            logRatio - 1.96 * se, logRatio + 1.96 * se, Double.NaN, 0, 0, test.pOneSided());
                }
            }
            throw new IllegalStateException("no final analysis for " + days.length + " looks");
        }

        private OneSampleLogRankResult test(VirtualTrial trial, double cut) {
            int m = times.inData(cut);
            double[] time = new double[m];
            boolean[] event = new boolean[m];
            int j = 0;
            for (int i = 0; i < trial.patients(); i++) {
                if (times.inData(i, cut)) {
                    event[j] = times.observedBy(i, cut);
                    time[j] = times.timeAt(i, cut, event[j]);
                    j++;
                }
            }
            return OneSampleLogRank.test(time, event, historical);
        }
    }
}
