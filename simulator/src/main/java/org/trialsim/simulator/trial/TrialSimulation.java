package org.trialsim.simulator.trial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.trialsim.simulator.engine.ClosedFormPatients;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.Patients;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.InvalidProtocolException;
import org.trialsim.simulator.run.NotEnoughMemoryException;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.run.RangeRunner;
import org.trialsim.simulator.stats.QuantileSketch;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

/**
 * Simulates a trial design many times and reports its operating characteristics. The replicates run
 * on the {@link RangeRunner} in chunks, each tallied in fixed memory ({@link TrialTally}) and merged
 * exactly, so the result does not depend on the thread count and memory does not grow with the number
 * of replicates.
 */
public final class TrialSimulation {
    /**
     * Replicates per unit of work: the result does not depend on it, since tallies merge exactly ({@code TrialChunksTest}).
     * Larger chunks for large runs (a range cut into 256 chunks of 64 to 1,024 replicates) saved the merging thread
     * about 40 µs a chunk but were not faster as whole processes (docs/performance.md, "The main thread of a large run").
     */
    private static final int CHUNK = 64;
    /** Patients of the large trial that estimates the true effect. */
    static final int TRUTH_PATIENTS = 200_000;
    /** Bytes of a virtual trial's arrays per patient: arrival, loss, allocation day, node, stratum, arm, order, index. */
    static final int BYTES_PER_PATIENT = 72;
    /** Bytes per patient for each analysis: entry, time, follow-up, stratum, and the data of a cut (time, status, arm, stratum). */
    static final int BYTES_PER_PATIENT_AND_ANALYSIS = 64;

    private final CompiledProtocol protocol;
    private final TrialDesign design;
    private final AccrualProcess accrual;
    private final DesignImplementations registry;
    /** Whether patients may take the closed form ({@link ClosedFormPatients}) where the protocol allows it. */
    private final boolean closedForm;
    /** Replicates per chunk, or 0 for {@link #CHUNK}. */
    private final int replicatesPerChunk;

    /**
     * A simulation of the protocol's trial design, with the allocation method and spending function
     * the registry has under the names the design gives.
     *
     * @throws IllegalArgumentException if the protocol has no design with analyses (none, or a phase 1-2 design)
     * @throws org.trialsim.simulator.run.InvalidProtocolException if the registry has no implementation
     *         of a name the design gives, or one refuses the design's settings or an allocation stratum
     */
    public TrialSimulation(CompiledProtocol protocol, DesignImplementations registry) {
        this(protocol, registry, true, 0);
    }

    private TrialSimulation(CompiledProtocol protocol, DesignImplementations registry, boolean closedForm, int replicatesPerChunk) {
        this.protocol = protocol;
        this.registry = registry;
        this.closedForm = closedForm;
        this.replicatesPerChunk = replicatesPerChunk;
        this.design = TrialDesign.of(protocol, registry);
        this.accrual = AccrualProcess.of(design.accrual);
        Randomizer.checkStrata(design, protocol, RandomizedStratum.of(protocol, design));
    }

    /**
     * The same simulation with every patient walked through the general pathway engine, even where the
     * closed form ({@link ClosedFormPatients}) applies: the same results to the bit, more slowly. For
     * tests and benchmarks that compare the two.
     */
    public TrialSimulation withGeneralEngine() {
        return new TrialSimulation(protocol, registry, false, replicatesPerChunk);
    }

    /** The same simulation cut into chunks of the given number of replicates: the same results to the bit. For tests. */
    TrialSimulation withChunks(int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("a chunk holds at least 1 replicate, not " + replicates);
        }
        return new TrialSimulation(protocol, registry, closedForm, replicates);
    }

    /** The simulator of one worker's patients. */
    private Patients patients(RandomStreams streams) {
        return closedForm ? Patients.of(protocol, streams) : Patients.general(protocol, streams);
    }

    /** What each of the design's analyses compares, in the design's order. */
    public List<String> analysisLabels() {
        return design.analyses.stream().map(Analysis::label).toList();
    }

    /**
     * Runs the replicates.
     *
     * @param options  replicates, seed, threads, scenario
     * @param progress receives progress from worker threads
     */
    public TrialResult run(TrialOptions options, Progress progress) {
        try {
            return run(options, progress, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: there is no listener to throw it
        }
    }

    /**
     * Runs the replicates and hands each one's looks to the listener, in replicate order.
     *
     * @param options   replicates, seed, threads, scenario
     * @param progress  receives progress from worker threads
     * @param replicates receives every replicate's looks, or null for none
     * @throws IOException what the listener threw
     */
    public TrialResult run(TrialOptions options, Progress progress, ReplicateListener replicates) throws IOException {
        try {
            return runReplicates(options, progress, replicates);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private TrialResult runReplicates(TrialOptions options, Progress progress, ReplicateListener listener) {
        return result(runRange(options, IndexRange.of(options.replicates()), progress, listener, null));
    }

    /**
     * Runs the replicates {@code [from, to)} of the run the options describe, and returns their exact
     * partial state: merged in order with the partials of the other ranges ({@link #merge}), it gives
     * what one run gives, to the bit. Each part finds the true effects itself (running the large trial
     * where one is needed), since coverage is counted against them.
     *
     * @throws IllegalArgumentException if the range is empty or reaches beyond the options' replicates
     */
    public TrialPartial runPart(TrialOptions options, IndexRange range, Progress progress) {
        if (range.size() == 0 || range.to() > options.replicates()) {
            throw new IllegalArgumentException("replicates [" + range.from() + ", " + range.to() + ") are not a slice of "
                    + options.replicates());
        }
        return runRange(options, range, progress, null, null);
    }

    /**
     * As {@link #runPart(TrialOptions, IndexRange, Progress)}, handing every replicate's looks to the
     * listener, in replicate order, as the replicates run.
     */
    public TrialPartial runPart(TrialOptions options, IndexRange range, Progress progress, ReplicateListener replicates) {
        if (range.size() == 0 || range.to() > options.replicates()) {
            throw new IllegalArgumentException("replicates [" + range.from() + ", " + range.to() + ") are not a slice of "
                    + options.replicates());
        }
        return runRange(options, range, progress, replicates, null);
    }

    /**
     * As {@link #runPart(TrialOptions, IndexRange, Progress)}, with the true effects taken from a partial
     * of the same run rather than found again: where they come from the large trial, that saves running
     * it for every slice (a resumed shard runs its replicates in several slices). The result is the same.
     *
     * @throws IllegalArgumentException also if the partial is of another run (seed, replicates, scenario)
     */
    public TrialPartial runPart(TrialOptions options, IndexRange range, Progress progress, TrialPartial sameRun) {
        return runPart(options, range, progress, null, sameRun);
    }

    /**
     * As {@link #runPart(TrialOptions, IndexRange, Progress, TrialPartial)}, handing every replicate's looks
     * to the listener (or none if null), in replicate order, as the replicates run.
     */
    public TrialPartial runPart(TrialOptions options, IndexRange range, Progress progress, ReplicateListener replicates,
            TrialPartial sameRun) {
        if (sameRun.seed() != options.seed() || sameRun.replicates() != options.replicates()
                || sameRun.nullScenario() != options.nullScenario() || sameRun.truths().size() != design.analyses.size()) {
            throw new IllegalArgumentException("replicates " + sameRun.range().from() + " to " + (sameRun.range().to() - 1)
                    + " are of another run than the one to run");
        }
        if (range.size() == 0 || range.to() > options.replicates()) {
            throw new IllegalArgumentException("replicates [" + range.from() + ", " + range.to() + ") are not a slice of "
                    + options.replicates());
        }
        return runRange(options, range, progress, replicates, sameRun.truths());
    }

    /**
     * Whether a run of this design, and each slice of it ({@link #runPart}), finds a true effect by a large
     * trial (at least {@value #TRUTH_PATIENTS} patients): then slices given a partial of
     * the same run ({@link #runPart(TrialOptions, IndexRange, Progress, TrialPartial)}) are spared it.
     */
    public boolean runsLargeTrial(boolean nullScenario) {
        return design.analyses.stream().anyMatch(a -> a.exactEffect(protocol).isEmpty() && (!nullScenario || a.margin() != null));
    }

    /**
     * Reads a partial written by {@link TrialPartial#write} for this protocol's design.
     *
     * @throws IOException if it cannot be read, or is not a partial of this design (the message says why)
     */
    public TrialPartial readPartial(InputStream in) throws IOException {
        return TrialPartial.read(in, design, RandomizedStratum.of(protocol, design), 1);
    }

    /**
     * The partial of the union of neighbouring slices, given in order of their ranges: what one
     * {@link #runPart} over the union gives, to the bit. The partials are read one at a time (an iterable
     * may decode each as it is asked for), so memory holds the total and one partial.
     *
     * @throws IllegalArgumentException if the partials are of different runs (seed, replicates, scenario,
     *         true effects) or do not follow one another without a gap or an overlap; the message says which
     */
    public TrialPartial combine(Iterable<TrialPartial> parts) {
        TrialPartial first = null;
        String firstRange = null;
        TrialTally total = new TrialTally(design, RandomizedStratum.of(protocol, design));
        long next = 0;
        // one partial at a time besides the total (parts may read each one as it is asked for): a bucketed sketch is megabytes
        for (TrialPartial part : parts) {
            if (first == null) {
                first = part;
                firstRange = "replicates " + part.range().from() + " to " + (part.range().to() - 1);
                next = part.range().from();
            } else if (part.seed() != first.seed() || part.replicates() != first.replicates()
                    || part.nullScenario() != first.nullScenario() || !part.truths().equals(first.truths())) {
                throw new IllegalArgumentException("replicates " + part.range().from() + " to " + (part.range().to() - 1)
                        + " are of another run than " + firstRange);
            }
            if (part.range().from() != next) {
                throw new IllegalArgumentException(part.range().from() < next
                        ? "replicates " + part.range().from() + " to " + (Math.min(next, part.range().to()) - 1) + " are held twice"
                        : "replicates " + next + " to " + (part.range().from() - 1) + " are missing");
            }
            total.merge(part.tally());
            next = part.range().to();
        }
        if (first == null) {
            throw new IllegalArgumentException("no partials to merge");
        }
        return new TrialPartial(new TrialOptions(first.replicates(), first.seed(), 1, first.nullScenario()),
                new IndexRange(first.range().from(), next), first.truths(), total);
    }

    /**
     * The result of the whole run from the partials of its slices, given in order of their ranges.
     *
     * @throws IllegalArgumentException as {@link #combine}, and if the partials do not cover every replicate
     */
    public TrialResult merge(Iterable<TrialPartial> parts) {
        TrialPartial whole = combine(parts);
        if (whole.range().from() != 0) {
            throw new IllegalArgumentException("replicates 0 to " + (whole.range().from() - 1) + " are missing");
        }
        if (whole.range().to() != whole.replicates()) {
            throw new IllegalArgumentException("replicates " + whole.range().to() + " to " + (whole.replicates() - 1) + " are missing");
        }
        return result(whole);
    }

    /** Runs the range; the true effects are found, or {@code known} when a partial of the same run gave them. */
    private TrialPartial runRange(TrialOptions options, IndexRange range, Progress progress, ReplicateListener listener,
            List<Truth> known) {
        RandomStreams streams = new RandomStreams(options.seed());
        List<RandomizedStratum> strata = RandomizedStratum.of(protocol, design);
        if (options.nullScenario()) {
            refuseNullAtAResponseMargin();
        }
        // under a null hypothesis at a hazard-ratio margin the true effect is ln θ₀ only where the hazards are
        // known multiples of one curve; elsewhere the large trial measures it, under the same null hypothesis
        boolean largeTrialNeeded = known == null && runsLargeTrial(options.nullScenario());
        long needed = bytesNeeded(options.threads(), largeTrialNeeded);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            throw new NotEnoughMemoryException(String.format(Locale.ROOT, "this trial (%,d patients a replicate, %d thread%s%s)",
                    design.sampleSize, options.threads(), options.threads() == 1 ? "" : "s",
                    largeTrialNeeded ? ", and a " + String.format(Locale.ROOT, "%,d", largePatients()) + "-patient trial for the true effect"
                            : ""), needed, available);
        }
        CompletableFuture<List<Truth>> truths = new CompletableFuture<>();
        if (known != null) {
            truths.complete(known);
        } else if (!largeTrialNeeded) {
            truths.complete(truths(null, options.nullScenario()));
        }
        AtomicBoolean truthTaken = new AtomicBoolean(!largeTrialNeeded);
        TrialTally total = new TrialTally(design, strata);
        RangeRunner.of(options.threads(), progress).run(range, replicatesPerChunk > 0 ? replicatesPerChunk : CHUNK, () -> {
            ReplicateAnalyser analyser = new ReplicateAnalyser(design, protocol, streams, options.nullScenario(), patients(streams));
            return chunk -> {
                // the large trial that estimates the true effect runs beside the replicates, on the first worker free
                if (truthTaken.compareAndSet(false, true)) {
                    truths.complete(truths(largeTrial(streams, options.nullScenario()), options.nullScenario()));
                }
                TrialTally tally = new TrialTally(design, strata);
                List<ReplicateLook> rows = listener == null ? List.of() : new ArrayList<>();
                for (long r = chunk.from(); r < chunk.to(); r++) {
                    tally.add(listener == null ? analyser.run(r, accrual) : analyser.run(r, accrual, rows));
                }
                return new Chunk(tally, rows);
            };
        }, chunk -> {
            chunk.tally().countCoverage(truths.join());
            total.merge(chunk.tally());
            if (listener != null) {
                try {
                    listener.accept(chunk.rows());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return new TrialPartial(options, range, truths.join(), total);
    }

    /** The result of a partial that holds every replicate. */
    private TrialResult result(TrialPartial whole) {
        TrialOptions options = whole.options();
        TrialTally total = whole.tally();
        List<RandomizedStratum> strata = RandomizedStratum.of(protocol, design);
        List<TrialResult.AnalysisResult> analyses = new ArrayList<>();
        for (int a = 0; a < design.analyses.size(); a++) {
            analyses.add(total.result(a, whole.truths().get(a)));
        }
        Provenance provenance = Provenance.ofTrials(protocol.loaded(), options.seed(), options.replicates());
        return new TrialResult(provenance, design.type + (design.label == null ? "" : ": " + design.label),
                options.nullScenario() ? "null" : "alternative", analyses,
                total.strataAllocation(strata, whole.truths(), protocol.arms()), total.families(protocol.arms()));
    }

    /** A chunk's tally, and its replicates' looks when they are asked for. */
    private record Chunk(TrialTally tally, List<ReplicateLook> rows) {
    }

    /**
     * A null hypothesis at a margin on response rates would need the experimental arm's rate set to the
     * control's plus the margin, which the simulator does not know before it runs: refused, at the field.
     */
    private void refuseNullAtAResponseMargin() {
        for (Analysis a : design.analyses) {
            if (a.margin() != null && !a.margin().onHazardRatio()) {
                throw new InvalidProtocolException(protocol.loaded(), "design.analysis.margin", "--null cannot simulate a response"
                        + " comparison at a margin (" + a.margin().nullHypothesis() + "): the experimental arm's response rate would"
                        + " have to be the control's plus the margin, which is not known before the trial is simulated; simulate the"
                        + " type I error of a design whose arms' rates differ by the margin instead (docs/limits.md, non-inferiority)");
            }
        }
    }

    /**
     * The effect each analysis targets. Under the null hypothesis: none, or at a margin ln θ₀ where the
     * hazards are known multiples of one curve (else the large trial's estimate under the null);
     * otherwise the exact value where the protocol gives it, or the large trial's estimate with its
     * standard error.
     */
    private List<Truth> truths(ReplicateResult large, boolean nullScenario) {
        List<Truth> truths = new ArrayList<>();
        for (int a = 0; a < design.analyses.size(); a++) {
            Analysis analysis = design.analyses.get(a);
            OptionalDouble exact = analysis.exactEffect(protocol);
            if (nullScenario && analysis.margin() == null) {
                truths.add(Truth.NONE);
            } else if (nullScenario && exact.isPresent()) {
                truths.add(new Truth(analysis.margin().nullEffect(), 0, Truth.Method.NULL_HYPOTHESIS));
            } else if (exact.isPresent()) {
                truths.add(new Truth(exact.getAsDouble(), 0, Truth.Method.EXACT));
            } else {
                Conclusion c = large.analyses()[a];
                truths.add(new Truth(c.estimate(), (c.upper() - c.lower()) / (2 * 1.96), Truth.Method.LARGE_TRIAL));
            }
        }
        return List.copyOf(truths);
    }

    /**
     * The effect the design estimates, from one very large trial: the same design with about
     * {@value #TRUTH_PATIENTS} patients, accrued proportionally faster so that its calendar shape is
     * the same, analysed once at the scaled final cut.
     */
    private ReplicateResult largeTrial(RandomStreams streams, boolean nullScenario) {
        int scale = largePatients() / design.sampleSize;
        return new ReplicateAnalyser(design, protocol, streams, nullScenario, patients(streams)).runLarge(design.sampleSize * scale,
                AccrualProcess.of(design.accrual.withRatesTimes(scale)));
    }

    /** The patients of the large trial: the design's size times the smallest whole factor that reaches {@value #TRUTH_PATIENTS}. */
    private int largePatients() {
        int scale = Math.max(1, Math.min((int) (VirtualTrial.STRIDE / design.sampleSize) - 1,
                (TRUTH_PATIENTS + design.sampleSize - 1) / design.sampleSize));
        return design.sampleSize * scale;
    }

    /**
     * A lower bound on the memory a run needs, so that a run that cannot fit is refused before it
     * starts: each worker's arrays of one replicate's patients (about {@value #BYTES_PER_PATIENT} bytes a
     * patient and {@value #BYTES_PER_PATIENT_AND_ANALYSIS} more per analysis, with the data of a cut),
     * the same for the large trial when it runs, and the quantile sketches of the tallies. The counts are
     * from the arrays' element sizes; object headers and the JVM's own needs come on top.
     */
    long bytesNeeded(int threads, boolean largeTrial) {
        long perPatient = BYTES_PER_PATIENT + (long) BYTES_PER_PATIENT_AND_ANALYSIS * design.analyses.size();
        long patients = (long) threads * design.sampleSize + (largeTrial ? largePatients() : 0);
        // per analysis: the months-to-conclusion sketch can hold 65,536 distinct values (keys, counts, at half load)
        long sketches = design.analyses.size() * 4L * 16 * QuantileSketch.EXACT_DISTINCT;
        return patients * perPatient + sketches;
    }
}
