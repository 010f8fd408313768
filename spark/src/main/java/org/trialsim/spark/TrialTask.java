package org.trialsim.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialPartial;
import org.trialsim.simulator.trial.TrialSimulation;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task of a trial: the replicates of its range, run by the ordinary harness
 * ({@code TrialSimulation.runPart}) on the task's cores, returned as the encoded partial tallies
 * ({@link TrialPartial#write}, the codec of a trial shard's {@code tallies.bin}). The protocol is compiled
 * once per executor ({@link OnExecutor}), and a true effect that needs the large trial comes from the driver.
 */
final class TrialTask extends AbstractFunction1<Iterator<Integer>, byte[]> implements Serializable {
    /** A local property that makes every task's first attempt fail (the tests' injected fault; Spark retries it). */
    static final String FAIL_FIRST_ATTEMPT = "trialsim.test.failFirstAttempt";
    private static final long serialVersionUID = 1L;

    private final Broadcast<ProtocolText> protocol;
    private final int replicates;
    private final long seed;
    private final boolean nullScenario;
    private final int parts;
    private final byte[] truths;

    /**
     * @param truths a partial of the same run whose true effects every range takes rather than running the
     *               large trial for them ({@code TrialSimulation.runsLargeTrial}), encoded; or null
     */
    TrialTask(Broadcast<ProtocolText> protocol, TrialOptions options, int parts, byte[] truths) {
        this.protocol = protocol;
        this.replicates = options.replicates();
        this.seed = options.seed();
        this.nullScenario = options.nullScenario();
        this.parts = parts;
        this.truths = truths == null ? null : truths.clone();
    }

    /** The tests' injected fault ({@link #FAIL_FIRST_ATTEMPT}), for every kind of task. */
    static void failFirstAttemptIfAsked(TaskContext task) {
        if ("true".equals(task.getLocalProperty(FAIL_FIRST_ATTEMPT)) && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of task " + task.partitionId());
        }
    }

    @Override
    public byte[] apply(Iterator<Integer> partition) {
        TaskContext task = TaskContext.get();
        failFirstAttemptIfAsked(task);
        int k = partition.next();
        IndexRange range = Ranges.range(k, parts, replicates);
        TrialOptions options = new TrialOptions(replicates, seed, Math.max(1, task.cpus()), nullScenario);
        TrialSimulation simulation = OnExecutor.trialSimulation(protocol.value());
        try {
            TrialPartial partial = truths == null ? simulation.runPart(options, range, Progress.NONE)
                    : simulation.runPart(options, range, Progress.NONE, simulation.readPartial(new ByteArrayInputStream(truths)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            partial.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
