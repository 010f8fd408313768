package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.List;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.run.RangeRunner;

/**
 * Runs a cohort: for each arm, the same N virtual patients (indices 0..N−1) through the pathway, with
 * that arm given at allocation to every patient whose stratum offers it. The patients run on the
 * {@link RangeRunner} in chunks; each chunk is counted in integer structures, merged exactly in patient
 * order, so the result does not depend on the thread count.
 */
public final class CohortSimulation {
    /** Patients per unit of work handed to a thread. */
    static final int CHUNK = 8192;

    private final CompiledProtocol protocol;
    private final ProtocolIndex index;

    /** A simulation of the compiled protocol. */
    public CohortSimulation(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.index = protocol.index();
    }

    /**
     * Runs the cohort.
     *
     * @throws IllegalArgumentException if the options name an arm the protocol does not have
     */
    public CohortResult run(CohortOptions options, Progress progress) {
        List<String> arms = protocol.arms();
        List<Integer> toRun = new ArrayList<>();
        if (options.arm() == null) {
            for (int a = 0; a < arms.size(); a++) {
                toRun.add(a);
            }
        } else {
            int a = arms.indexOf(options.arm());
            if (a < 0) {
                throw new IllegalArgumentException("the protocol has no arm '" + options.arm() + "'; its arms are "
                        + String.join(", ", arms));
            }
            toRun.add(a);
        }
        RandomStreams streams = new RandomStreams(options.seed());
        long n = options.patients();
        long total = n * toRun.size();
        List<CohortResult.ArmResult> results = new ArrayList<>();
        for (int k = 0; k < toRun.size(); k++) {
            int arm = toRun.get(k);
            long before = n * k;
            // progress over all arms: this arm's patients come after those of the arms before it
            RangeRunner runner = RangeRunner.of(options.threads(), (done, of) -> progress.update(before + done, total));
            CohortAccumulator merged = runner.reduce(IndexRange.of(n), CHUNK, () -> {
                PatientSimulator simulator = new PatientSimulator(protocol, streams);
                ArmPolicy policy = ArmPolicy.forced(arm);
                return chunk -> {
                    CohortAccumulator acc = new CohortAccumulator(index, arm);
                    for (long patient = chunk.from(); patient < chunk.to(); patient++) {
                        acc.add(simulator.simulate(patient, policy));
                    }
                    return acc;
                };
            });
            results.add(new ArmResults(protocol, index).of(merged));
        }
        Provenance provenance = Provenance.ofCohort(protocol.loaded(), options.seed(), options.patients(),
                toRun.stream().map(arms::get).toList());
        return new CohortResult(provenance, results);
    }
}
