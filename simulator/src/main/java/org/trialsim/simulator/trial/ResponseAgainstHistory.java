package org.trialsim.simulator.trial;

import org.trialsim.protocol.condition.Check;
import org.trialsim.simulator.analysis.ExactBinomialTest;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.stats.BinomialIntervals;
import org.trialsim.simulator.stats.Interval;

/**
 * A response rate of one arm against a historical rate once every patient is enrolled: the exact
 * one-sided binomial test, and the rate with its Clopper–Pearson interval as the estimate. Under the
 * null hypothesis each patient responds at the historical rate.
 *
 * @param label          what is compared
 * @param arm            the arm
 * @param response       the condition that defines a response
 * @param historicalRate the historical response rate
 */
record ResponseAgainstHistory(String label, int arm, Check response, double historicalRate) implements OneArmAnalysis {

    @Override
    public String test() {
        return "exact binomial test against the historical rate";
    }

    @Override
    public String measure() {
        return "response rate";
    }

    @Override
    public Analysis.Data newData(TrialDesign design, RandomStreams streams, boolean nullScenario) {
        return new Data(design, streams, nullScenario);
    }

    /** The arm's patients of one replicate and whether each responded. */
    private final class Data implements Analysis.Data {
        private final TrialDesign design;
        private final RandomStreams streams;
        private final boolean nullScenario;
        private final Responses responses = new Responses();

        Data(TrialDesign design, RandomStreams streams, boolean nullScenario) {
            this.design = design;
            this.streams = streams;
            this.nullScenario = nullScenario;
        }

        @Override
        public void resize(int patients) {
            responses.resize(patients);
        }

        @Override
        public void record(int i, PatientOutcome o, VirtualTrial trial) {
            if (!o.enrolled() || !includes(trial.arm(i))) {
                responses.exclude(i);
                return;
            }
            // under the null hypothesis the arm responds at the historical rate
            responses.record(i, nullScenario
                    ? streams.shortStream(NULL_OUTCOME, trial.enginePatient(i)).nextDouble() < historicalRate
                    : response.test(o.state()));
        }

        @Override
        public Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale) {
            int m = 0;
            int r = 0;
            for (int i = 0; i < trial.patients(); i++) {
                if (responses.included(i)) {
                    m++;
                    r += responses.responded(i) ? 1 : 0;
                }
            }
            double p = ExactBinomialTest.test(r, m, historicalRate).pGreater();
            trial.looks().add(0, m, r, trial.lastArrival(), r, p);
            Interval ci = BinomialIntervals.clopperPearson(r, m, 0.95);
            return new Conclusion(0, p <= design.alpha, false, m, r, trial.lastArrival(), m == 0 ? Double.NaN : (double) r / m,
                    ci.lower(), ci.upper(), Double.NaN, 0, 0, p);
        }
    }
}
