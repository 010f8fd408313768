package org.trialsim.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialPartial;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;

/**
 * A trial's replicates on Spark: cut into ranges, one task each ({@link TrialTask}), whose encoded partial
 * tallies the driver decodes and merges in range order as they arrive ({@link RangeJob};
 * {@code TrialSimulation.merge}, the merge of {@code trialsim merge}), so that the result is the one {@code trialsim trial} gives on one
 * machine with the same seed, to the bit, whatever the number of ranges, executors or retried tasks.
 */
public final class SparkTrials {
    private final JavaSparkContext spark;

    public SparkTrials(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** The ranges a run is cut into by default: four per core Spark offers, so that a slow range delays little; at most one per replicate. */
    public int defaultParts(int replicates) {
        return Math.min(replicates, 4 * spark.defaultParallelism());
    }

    /**
     * Runs the trial's replicates in {@code parts} ranges and returns the result one machine gives.
     *
     * @param simulator the driver's simulator (it decodes and merges; the executors simulate)
     * @param progress  told of every finished range: the ranges finished of all (as the issue asks of a run on Spark)
     */
    public TrialResult run(Simulator simulator, LoadedProtocol loaded, TrialOptions options, int parts, Progress progress) {
        if (parts < 1 || parts > options.replicates()) {
            throw new IllegalArgumentException("a run of " + options.replicates() + " replicates is cut into 1 to " + options.replicates()
                    + " ranges, not " + parts);
        }
        TrialSimulation simulation = simulator.trialSimulation(loaded);
        byte[] truths = truths(simulation, options);
        Broadcast<ProtocolText> protocol = spark.broadcast(ProtocolText.of(loaded));
        try {
            AtomicLong done = new AtomicLong();
            return RangeJob.run(spark, parts, new TrialTask(protocol, options, parts, truths),
                    k -> progress.update(done.incrementAndGet(), parts),
                    results -> simulation.merge(() -> StreamSupport.stream(results.spliterator(), false)
                            .map(bytes -> decode(simulation, bytes)).iterator()));
        } finally {
            protocol.destroy();
        }
    }

    /**
     * Where a true effect comes from the large trial (200,000 patients or more), the partial of the run's
     * first replicate, whose true effects every range then takes: the large trial runs once, here, rather
     * than once in every range (to the same bits: it depends on the seed alone). Else null: each range
     * finds the true effects itself, at no cost.
     */
    private static byte[] truths(TrialSimulation simulation, TrialOptions options) {
        if (!simulation.runsLargeTrial(options.nullScenario())) {
            return null;
        }
        TrialPartial first = simulation.runPart(new TrialOptions(options.replicates(), options.seed(), 1, options.nullScenario()),
                new IndexRange(0, 1), Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            first.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static TrialPartial decode(TrialSimulation simulation, byte[] bytes) {
        try {
            return simulation.readPartial(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("a task's partial tallies do not decode: " + e.getMessage(), e);
        }
    }
}
