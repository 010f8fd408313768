package org.trialsim.simulator.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.engine.ProtocolIndex;
import org.trialsim.simulator.random.RandomStreams;

/**
 * Runs a cohort: for each arm, the same N virtual patients (indices 0..N−1) through the pathway, with
 * that arm given at allocation to every patient whose stratum offers it. Work is split into chunks
 * taken by worker threads; each thread accumulates into its own integer structures, merged at the end,
 * so the result does not depend on the thread count or the order of work.
 */
public final class CohortSimulation {
    /** Patients per unit of work handed to a thread. */
    static final int CHUNK = 8192;

    private final CompiledProtocol protocol;
    private final ProtocolIndex index;

    /** A simulation of the compiled protocol. */
    public CohortSimulation(CompiledProtocol protocol) {
        this.protocol = protocol;
        this.index = new ProtocolIndex(protocol);
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
        long total = options.patients() * toRun.size();
        AtomicLong done = new AtomicLong();
        List<CohortResult.ArmResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "trialsim-cohort");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int arm : toRun) {
                CohortAccumulator merged = runArm(arm, options, streams, pool, done, total, progress);
                results.add(new ArmResults(protocol, index).of(merged));
            }
        } finally {
            pool.shutdownNow();
        }
        var loaded = protocol.loaded();
        CohortResult.Provenance provenance = new CohortResult.Provenance("trialsim", TrialsimVersion.get(),
                loaded.protocol().id(), loaded.source(), loaded.contentHash(), loaded.settings(), options.seed(), RandomStreams.GENERATOR,
                options.patients(), toRun.stream().map(arms::get).toList());
        return new CohortResult(provenance, results);
    }

    private CohortAccumulator runArm(int arm, CohortOptions options, RandomStreams streams, ExecutorService pool,
                                     AtomicLong done, long total, Progress progress) {
        long n = options.patients();
        AtomicLong nextChunk = new AtomicLong();
        long chunks = (n + CHUNK - 1) / CHUNK;
        ArmPolicy policy = ArmPolicy.forced(arm);
        List<Future<CohortAccumulator>> futures = new ArrayList<>();
        int workers = (int) Math.min(options.threads(), chunks);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                PatientSimulator simulator = new PatientSimulator(protocol, streams);
                CohortAccumulator acc = new CohortAccumulator(index, arm);
                long chunk;
                while ((chunk = nextChunk.getAndIncrement()) < chunks) {
                    long from = chunk * CHUNK;
                    long to = Math.min(n, from + CHUNK);
                    for (long patient = from; patient < to; patient++) {
                        acc.add(simulator.simulate(patient, policy));
                    }
                    progress.update(done.addAndGet(to - from), total);
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                }
                return acc;
            }));
        }
        CohortAccumulator merged = new CohortAccumulator(index, arm);
        try {
            for (Future<CohortAccumulator> f : futures) {
                merged.merge(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the simulation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return merged;
    }
}
