package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trialsim.protocol.condition.Check;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientOutcome;
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
 * order, so the result does not depend on the thread count. Each subgroup asked for has accumulators
 * of its own, fed the enrolled patients who meet its condition.
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
        for (String control : options.versus()) {
            if (!toRun.contains(arms.indexOf(control))) {
                throw new IllegalArgumentException("a hazard ratio against the arm '" + control + "' needs that arm simulated; the"
                        + " protocol's arms are " + String.join(", ", arms));
            }
        }
        RandomStreams streams = new RandomStreams(options.seed());
        Check[] subgroups = options.subgroups().stream().map(protocol::condition).toArray(Check[]::new);
        long n = options.patients();
        long total = n * toRun.size();
        // Hazard ratios need the control's counts beside each arm's: then every arm's tally is kept to the
        // end; otherwise each arm's result is made as soon as it is run, and its tally dropped.
        boolean keep = !options.versus().isEmpty();
        ArmResults armResults = new ArmResults(protocol, index);
        List<Tally> tallies = new ArrayList<>();
        List<CohortResult.ArmResult> results = new ArrayList<>();
        List<List<CohortResult.ArmResult>> among = new ArrayList<>();
        for (int g = 0; g < subgroups.length; g++) {
            among.add(new ArrayList<>());
        }
        for (int k = 0; k < toRun.size(); k++) {
            int arm = toRun.get(k);
            long before = n * k;
            // progress over all arms: this arm's patients come after those of the arms before it
            RangeRunner runner = RangeRunner.of(options.threads(), (done, of) -> progress.update(before + done, total));
            Tally merged = runner.reduce(IndexRange.of(n), CHUNK, () -> {
                PatientSimulator simulator = new PatientSimulator(protocol, streams);
                ArmPolicy policy = ArmPolicy.forced(arm);
                double[] atEnrolment = new double[protocol.symbols().slotCount()];
                return chunk -> {
                    Tally tally = new Tally(index, arm, subgroups.length);
                    for (long patient = chunk.from(); patient < chunk.to(); patient++) {
                        PatientOutcome o = simulator.simulate(patient, policy);
                        tally.all.add(o);
                        if (subgroups.length > 0 && o.enrolled()) {
                            riskAtEnrolment(o, atEnrolment);
                            for (int g = 0; g < subgroups.length; g++) {
                                if (Check.holds(subgroups[g], atEnrolment)) {
                                    tally.subgroups[g].add(o);
                                }
                            }
                        }
                    }
                    return tally;
                };
            });
            if (keep) {
                tallies.add(merged);
            } else {
                results.add(armResults.of(merged.all, options.cuts(), List.of()));
                for (int g = 0; g < subgroups.length; g++) {
                    among.get(g).add(armResults.of(merged.subgroups[g], options.cuts(), List.of()));
                }
            }
        }
        for (int k = 0; k < tallies.size(); k++) {
            results.add(armResults.of(tallies.get(k).all, options.cuts(), versus(options, toRun, tallies, k, t -> t.all)));
            for (int g = 0; g < subgroups.length; g++) {
                int gi = g;
                among.get(g).add(armResults.of(tallies.get(k).subgroups[g], options.cuts(),
                        versus(options, toRun, tallies, k, t -> t.subgroups[gi])));
            }
        }
        List<CohortResult.Subgroup> groups = new ArrayList<>();
        for (int g = 0; g < subgroups.length; g++) {
            groups.add(new CohortResult.Subgroup(options.subgroups().get(g), among.get(g)));
        }
        Provenance provenance = Provenance.ofCohort(protocol.loaded(), options.seed(), options.patients(),
                toRun.stream().map(arms::get).toList());
        return new CohortResult(provenance, results, groups);
    }

    /** The k-th arm run's hazard ratios against each control arm asked for (none against itself). */
    private List<CohortResult.HazardRatio> versus(CohortOptions options, List<Integer> toRun, List<Tally> tallies, int k,
                                                  Function<Tally, CohortAccumulator> which) {
        List<CohortResult.HazardRatio> ratios = new ArrayList<>();
        for (String control : options.versus()) {
            int c = toRun.indexOf(protocol.arms().indexOf(control));
            if (c != k) {
                ratios.addAll(HazardRatios.of(index, control, which.apply(tallies.get(c)), which.apply(tallies.get(k))));
            }
        }
        return ratios;
    }

    /**
     * The patient's state at the end of follow-up, with {@code risk} the risk group at enrolment: the
     * state a subgroup's condition is tested on.
     */
    private void riskAtEnrolment(PatientOutcome o, double[] into) {
        System.arraycopy(o.state(), 0, into, 0, into.length);
        into[index.riskSlot()] = o.initialRisk() < 0 ? Double.NaN : o.initialRisk();
    }

    /** One chunk's accumulators: all patients, and each subgroup's. */
    private static final class Tally implements RangeRunner.Mergeable<Tally> {
        final CohortAccumulator all;
        final CohortAccumulator[] subgroups;

        Tally(ProtocolIndex index, int arm, int count) {
            all = new CohortAccumulator(index, arm);
            subgroups = new CohortAccumulator[count];
            for (int g = 0; g < count; g++) {
                subgroups[g] = new CohortAccumulator(index, arm);
            }
        }

        @Override
        public void merge(Tally next) {
            all.merge(next.all);
            for (int g = 0; g < subgroups.length; g++) {
                subgroups[g].merge(next.subgroups[g]);
            }
        }
    }
}
