package org.trialsim.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortPartial;
import org.trialsim.simulator.run.IndexRange;
import org.trialsim.simulator.run.Progress;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task of a cohort: the patients of its range, on every arm the run simulates, run by the
 * ordinary harness ({@code CohortSimulation.runPart}) on the task's cores, returned as the encoded partial
 * ({@link CohortPartial#write}, the codec of a cohort shard's partial, docs/shards.md).
 */
final class CohortTask extends AbstractFunction1<Iterator<Integer>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ProtocolText> protocol;
    private final long patients;
    private final long seed;
    private final String arm;
    private final ArrayList<String> subgroups;
    private final int parts;

    CohortTask(Broadcast<ProtocolText> protocol, CohortOptions options, int parts) {
        this.protocol = protocol;
        this.patients = options.patients();
        this.seed = options.seed();
        this.arm = options.arm();
        this.subgroups = new ArrayList<>(options.subgroups());
        this.parts = parts;
    }

    @Override
    public byte[] apply(Iterator<Integer> partition) {
        TaskContext task = TaskContext.get();
        TrialTask.failFirstAttemptIfAsked(task);
        int k = partition.next();
        IndexRange range = Ranges.range(k, parts, patients);
        CohortOptions options = new CohortOptions(patients, seed, Math.max(1, task.cpus()), arm).subgroups(subgroups);
        CohortPartial partial = OnExecutor.cohortSimulation(protocol.value()).runPart(options, range, Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            partial.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
