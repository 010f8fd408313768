package org.trialsim.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialPartial;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.simulator.trial.TrialSimulation;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A trial's replicates on Spark: cut into ranges, one task each ({@link TrialTask}), whose encoded partial
 * tallies the driver decodes and merges in range order as they arrive ({@code TrialSimulation.merge}, the
 * merge of {@code trialsim merge}), so that the result is the one {@code trialsim trial} gives on one
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
     * @param progress  told of the replicates of every finished range
     */
    public TrialResult run(Simulator simulator, LoadedProtocol loaded, TrialOptions options, int parts, Progress progress) {
        if (parts < 1 || parts > options.replicates()) {
            throw new IllegalArgumentException("a run of " + options.replicates() + " replicates is cut into 1 to " + options.replicates()
                    + " ranges, not " + parts);
        }
        TrialSimulation simulation = simulator.trialSimulation(loaded);
        Broadcast<ProtocolText> protocol = spark.broadcast(ProtocolText.of(loaded));
        try {
            AtomicLong done = new AtomicLong();
            InOrder results = new InOrder(parts, k -> progress.update(
                    done.addAndGet(Ranges.range(k, parts, options.replicates()).size()), options.replicates()));
            RDD<Integer> ranges = spark.parallelize(IntStream.range(0, parts).boxed().toList(), parts).rdd();
            SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(ranges, new TrialTask(protocol, options, parts), partitions(parts),
                    new Handler(results), new Done());
            results.watch(job);
            Iterable<TrialPartial> partials = () -> StreamSupport.stream(results.spliterator(), false)
                    .map(bytes -> decode(simulation, bytes)).iterator();
            try {
                return simulation.merge(partials);
            } finally {
                // a merge that failed leaves no task worth finishing
                if (!job.isCompleted()) {
                    job.cancel();
                }
            }
        } finally {
            protocol.destroy();
        }
    }

    private static TrialPartial decode(TrialSimulation simulation, byte[] bytes) {
        try {
            return simulation.readPartial(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("a task's partial tallies do not decode: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static scala.collection.immutable.Seq<Object> partitions(int parts) {
        List<Object> all = IntStream.range(0, parts).boxed().map(Object.class::cast).toList();
        return (scala.collection.immutable.Seq<Object>) CollectionConverters.asScala(all).toSeq();
    }

    /** Spark's result handler: each task's result, on the driver, as the task finishes. */
    static final class Handler extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final InOrder results;

        Handler(InOrder results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] result) {
            results.put((Integer) partition, result);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's own result: nothing, the partials went to the handler. */
    static final class Done extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
