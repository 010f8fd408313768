package org.trialsim.simulator.trial;

import org.trialsim.protocol.condition.Check;
import org.trialsim.simulator.analysis.FarringtonManning;
import org.trialsim.simulator.analysis.FisherExactTest;
import org.trialsim.simulator.engine.PatientOutcome;
import org.trialsim.simulator.random.RandomStreams;

/**
 * A response (a condition on the patient's state at the end of their pathway, e.g. MRD negativity
 * after a block) compared between two randomized arms once every patient is enrolled: Fisher's exact
 * test, one-sided for a higher rate on the experimental arm, or with a margin δ Farrington and Manning's
 * score test of a difference above δ; the effect estimate is the difference in response rates with a Wald
 * interval.
 *
 * @param label        what is compared
 * @param control      the control arm
 * @param experimental the experimental arm
 * @param response     the condition that defines a response
 * @param margin       the margin on the difference in rates, or null for superiority
 */
record ResponseComparison(String label, int control, int experimental, Check response, Margin margin) implements Analysis {

    @Override
    public String test() {
        return margin == null ? "Fisher's exact test"
                : "Farrington-Manning at " + margin.nullHypothesis() + " (" + margin.hypothesis().label() + ")";
    }

    @Override
    public String measure() {
        return "difference in response rates (experimental minus control)";
    }

    @Override
    public Analysis.Data newData(TrialDesign design, RandomStreams streams, boolean nullScenario) {
        return new Data(design);
    }

    /** The compared patients of one replicate and whether each responded. */
    private final class Data implements Analysis.Data {
        private final TrialDesign design;
        private final Responses responses = new Responses();

        Data(TrialDesign design) {
            this.design = design;
        }

        @Override
        public void resize(int patients) {
            responses.resize(patients);
        }

        @Override
        public void record(int i, PatientOutcome o, VirtualTrial trial) {
            if (!o.enrolled() || !includes(trial.arm(i))) {
                responses.exclude(i);
            } else {
                responses.record(i, response.test(o.state()));
            }
        }

        @Override
        public Conclusion conclude(VirtualTrial trial, boolean finalOnly, double scale) {
            int nE = 0;
            int nC = 0;
            int rE = 0;
            int rC = 0;
            for (int i = 0; i < trial.patients(); i++) {
                if (!responses.included(i)) {
                    continue;
                }
                int r = responses.responded(i) ? 1 : 0;
                if (trial.arm(i) == experimental) {
                    nE++;
                    rE += r;
                } else {
                    nC++;
                    rC += r;
                }
            }
            double p = margin == null ? FisherExactTest.test(rE, nE, rC, nC).pGreater()
                    : FarringtonManning.test(rE, nE, rC, nC, margin.value()).pOneSided();
            trial.looks().add(design.cuts.looks() - 1, nE + nC, rE + rC, trial.lastArrival(), rE, p);
            double pE = nE == 0 ? Double.NaN : (double) rE / nE;
            double pC = nC == 0 ? Double.NaN : (double) rC / nC;
            double d = pE - pC;
            double se = Math.sqrt(pE * (1 - pE) / nE + pC * (1 - pC) / nC);
            double all = Double.POSITIVE_INFINITY;
            return new Conclusion(design.cuts.looks() - 1, p <= design.level(ResponseComparison.this), false, nE + nC, rE + rC, trial.lastArrival(), d,
                    d - 1.96 * se, d + 1.96 * se, Double.NaN, trial.allocatedBy(control, all), trial.allocatedBy(experimental, all), p);
        }
    }
}
