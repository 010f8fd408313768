package org.trialsim.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortPartial;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.run.Progress;

/**
 * A cohort's patients on Spark: cut into ranges, one task each ({@link CohortTask}), whose encoded partials
 * the driver decodes and merges in range order as they arrive ({@link RangeJob};
 * {@code CohortSimulation.merge}, the merge of {@code trialsim merge}), so that the result is the one
 * {@code trialsim simulate} gives on one machine with the same seed, to the bit, whatever the number of
 * ranges, executors or retried tasks.
 */
public final class SparkCohorts {
    private final JavaSparkContext spark;

    public SparkCohorts(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** The ranges a run is cut into by default: four per core Spark offers, at most one per patient. */
    public int defaultParts(long patients) {
        return (int) Math.min(patients, 4L * spark.defaultParallelism());
    }

    /**
     * Runs the cohort's patients in {@code parts} ranges and returns the result one machine gives.
     *
     * @param simulator the driver's simulator (it decodes and merges; the executors simulate)
     * @param options   the run; its thread count is the executors' business ({@code spark.task.cpus})
     * @param progress  told of the patients (times the arms run) of every finished range
     */
    public CohortResult run(Simulator simulator, LoadedProtocol loaded, CohortOptions options, int parts, Progress progress) {
        if (parts < 1 || parts > options.patients()) {
            throw new IllegalArgumentException("a run of " + options.patients() + " patients is cut into 1 to "
                    + Math.min(Integer.MAX_VALUE, options.patients()) + " ranges, not " + parts);
        }
        CohortSimulation simulation = simulator.cohortSimulation(loaded);
        long arms = options.arm() == null ? loaded.protocol().arms().size() : 1;
        long total = options.patients() * arms;
        Broadcast<ProtocolText> protocol = spark.broadcast(ProtocolText.of(loaded));
        try {
            AtomicLong done = new AtomicLong();
            return RangeJob.run(spark, parts, new CohortTask(protocol, options, parts),
                    k -> progress.update(done.addAndGet(Ranges.range(k, parts, options.patients()).size() * arms), total),
                    results -> simulation.merge(() -> StreamSupport.stream(results.spliterator(), false)
                            .map(bytes -> decode(simulation, bytes)).iterator()));
        } finally {
            protocol.destroy();
        }
    }

    private static CohortPartial decode(CohortSimulation simulation, byte[] bytes) {
        try {
            return simulation.readPartial(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("a task's cohort partial does not decode: " + e.getMessage(), e);
        }
    }
}
