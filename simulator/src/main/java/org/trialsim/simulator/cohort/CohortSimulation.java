package org.trialsim.simulator.cohort;

import java.io.IOException;
import java.io.InputStream;
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
        return result(runRange(options, IndexRange.of(options.patients()), progress));
    }

    /**
     * Runs the patients {@code [from, to)} of the run the options describe, on every arm it runs, and
     * returns their exact partial state: merged in order with the partials of the other ranges
     * ({@link #merge}), it gives what one run gives, to the bit, whatever the ranges and the threads.
     *
     * @throws IllegalArgumentException if the range is empty or reaches beyond the options' patients, or
     *         the options name an arm the protocol does not have
     */
    public CohortPartial runPart(CohortOptions options, IndexRange range, Progress progress) {
        if (range.size() == 0 || range.to() > options.patients()) {
            throw new IllegalArgumentException("patients [" + range.from() + ", " + range.to() + ") are not a slice of "
                    + options.patients());
        }
        return runRange(options, range, progress);
    }

    /**
     * Reads a partial written by {@link CohortPartial#write} for this protocol.
     *
     * @throws IOException if it cannot be read, or is not a partial of this protocol (the message says why)
     */
    public CohortPartial readPartial(InputStream in) throws IOException {
        return CohortPartial.read(in, protocol.loaded().contentHash(), index);
    }

    /**
     * The partial of the union of neighbouring ranges, given in order of their ranges: what one
     * {@link #runPart} over the union gives, to the bit. The partials are read one at a time (an
     * iterable may decode each as it is asked for), so memory holds the total and one partial.
     *
     * @throws IllegalArgumentException if the partials are of different runs (protocol, patients, seed,
     *         arm, subgroups), or do not follow one another without a gap or an overlap; the message says which
     */
    public CohortPartial combine(Iterable<CohortPartial> parts) {
        CohortPartial first = null;
        List<Tally> total = null;
        long next = 0;
        for (CohortPartial part : parts) {
            if (first == null) {
                first = part;
                next = part.range().from();
                total = new ArrayList<>();
                for (int arm : part.arms()) {
                    total.add(new Tally(index, arm, part.subgroups().size()));
                }
            } else if (!part.sameRun(first)) {
                throw new IllegalArgumentException("patients " + part.range().from() + " to " + (part.range().to() - 1)
                        + " are of another run than patients " + first.range().from() + " to " + (first.range().to() - 1));
            }
            if (part.range().from() != next) {
                throw new IllegalArgumentException(part.range().from() < next
                        ? "patients " + part.range().from() + " to " + (Math.min(next, part.range().to()) - 1) + " are held twice"
                        : "patients " + next + " to " + (part.range().from() - 1) + " are missing");
            }
            for (int k = 0; k < total.size(); k++) {
                total.get(k).merge(part.tallies().get(k));
            }
            next = part.range().to();
        }
        if (first == null) {
            throw new IllegalArgumentException("no partials to merge");
        }
        return new CohortPartial(first.contentHash(), first.options(), new IndexRange(first.range().from(), next), first.arms(), total);
    }

    /**
     * The result of the whole run from the partials of its slices, given in order of their ranges: what
     * {@link #run} gives, to the bit.
     *
     * @throws IllegalArgumentException as {@link #combine}, and if the partials do not cover every patient
     */
    public CohortResult merge(Iterable<CohortPartial> parts) {
        CohortPartial whole = combine(parts);
        if (whole.range().from() != 0 || whole.range().to() != whole.patients()) {
            throw new IllegalArgumentException(whole.range().from() != 0
                    ? "patients 0 to " + (whole.range().from() - 1) + " are missing"
                    : "patients " + whole.range().to() + " to " + (whole.patients() - 1) + " are missing");
        }
        return result(whole);
    }

    private CohortPartial runRange(CohortOptions options, IndexRange range, Progress progress) {
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
        long n = range.size();
        long total = n * toRun.size();
        List<Tally> tallies = new ArrayList<>();
        for (int k = 0; k < toRun.size(); k++) {
            int arm = toRun.get(k);
            long before = n * k;
            // progress over all arms: this arm's patients come after those of the arms before it
            RangeRunner runner = RangeRunner.of(options.threads(), (done, of) -> progress.update(before + done, total));
            tallies.add(runner.reduce(range, CHUNK, () -> {
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
            }));
        }
        return new CohortPartial(protocol.loaded().contentHash(), options, range, toRun, tallies);
    }

    /** The result of a partial that holds every patient. */
    private CohortResult result(CohortPartial whole) {
        CohortOptions options = whole.options();
        List<String> arms = protocol.arms();
        List<CohortResult.ArmResult> results = new ArrayList<>();
        List<List<CohortResult.ArmResult>> subgroupResults = new ArrayList<>();
        for (int g = 0; g < options.subgroups().size(); g++) {
            subgroupResults.add(new ArrayList<>());
        }
        ArmResults armResults = new ArmResults(protocol, index);
        List<Tally> tallies = whole.tallies();
        List<Integer> toRun = whole.arms();
        for (int k = 0; k < tallies.size(); k++) {
            Tally merged = tallies.get(k);
            results.add(armResults.of(merged.all, options.cuts(), versus(options, toRun, tallies, k, t -> t.all)));
            for (int g = 0; g < merged.subgroups.length; g++) {
                int gi = g;
                subgroupResults.get(g).add(armResults.of(merged.subgroups[g], options.cuts(),
                        versus(options, toRun, tallies, k, t -> t.subgroups[gi])));
            }
        }
        List<CohortResult.Subgroup> groups = new ArrayList<>();
        for (int g = 0; g < options.subgroups().size(); g++) {
            groups.add(new CohortResult.Subgroup(options.subgroups().get(g), subgroupResults.get(g)));
        }
        Provenance provenance = Provenance.ofCohort(protocol.loaded(), options.seed(), options.patients(),
                whole.arms().stream().map(arms::get).toList());
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
    static final class Tally implements RangeRunner.Mergeable<Tally> {
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
