package org.trialsim.simulator.trial;

import java.util.List;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Simulates the design's replicates one at a time and has each analysis conclude on it: what a
 * worker thread keeps from replicate to replicate (the trial builder and the analyses' data). Not
 * thread-safe.
 */
final class ReplicateAnalyser {
    private final TrialDesign design;
    private final VirtualTrial trial;
    private final List<Analysis.Data> data;
    private final List<RandomizedStratum> strata;

    ReplicateAnalyser(TrialDesign design, CompiledProtocol protocol, RandomStreams streams, boolean nullScenario) {
        this.design = design;
        this.data = design.analyses.stream().map(a -> a.newData(design, streams, nullScenario)).toList();
        this.trial = new VirtualTrial(design, protocol, streams, data, nullScenario, protocol.index().nodes());
        this.strata = RandomizedStratum.of(protocol, design);
    }

    /** Simulates replicate r of the design and analyses it. */
    ReplicateResult run(long r, AccrualProcess accrual) {
        trial.simulate(r, design.sampleSize, accrual);
        return conclude(false, 1);
    }

    /** Simulates a trial of the given size and accrual (replicate -1) and analyses it at its final look only. */
    ReplicateResult runLarge(int patients, AccrualProcess accrual) {
        trial.simulate(-1, patients, accrual);
        return conclude(true, patients / (double) design.sampleSize);
    }

    /** The design. */
    TrialDesign design() {
        return design;
    }

    /** The trial last simulated; for tests. */
    VirtualTrial trial() {
        return trial;
    }

    private ReplicateResult conclude(boolean finalOnly, double scale) {
        Conclusion[] conclusions = new Conclusion[data.size()];
        for (int a = 0; a < conclusions.length; a++) {
            conclusions[a] = data.get(a).conclude(trial, finalOnly, scale);
        }
        int[][] counts = new int[strata.size()][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new int[strata.get(k).arms().size()];
        }
        double[] imbalance = new double[strata.size()];
        double[] factorImbalance = new double[strata.size()];
        trial.reportAllocation(strata, counts, imbalance, factorImbalance);
        return new ReplicateResult(conclusions, counts, imbalance, factorImbalance);
    }
}
