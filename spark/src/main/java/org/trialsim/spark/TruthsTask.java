package org.trialsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.simulator.explore.ExploreOptions;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task before an exploration's slices: one cell's true effects, where they need the large trial
 * ({@code Exploration.truths}: the encoded partial of the cell's first replicate), so that the cell's slices
 * take them rather than each running the large trial. Returns no bytes for a cell that needs none.
 */
final class TruthsTask extends AbstractFunction1<Iterator<Integer>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> arguments;
    private final int replicates;
    private final long seed;
    private final int[] cells;

    /** @param cells partition k's cell */
    TruthsTask(List<String> arguments, int replicates, long seed, int[] cells) {
        this.arguments = new ArrayList<>(arguments);
        this.replicates = replicates;
        this.seed = seed;
        this.cells = cells.clone();
    }

    @Override
    public byte[] apply(Iterator<Integer> partition) {
        TaskContext task = TaskContext.get();
        TrialTask.failFirstAttemptIfAsked(task);
        int cell = cells[partition.next()];
        try {
            byte[] truths = OnExecutor.exploration(arguments).truths(cell, new ExploreOptions(replicates, seed, Math.max(1, task.cpus())));
            return truths == null ? new byte[0] : truths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProtocolException e) {
            throw new IllegalStateException("cell " + cell + " does not read on the executor: " + e.getMessage(), e);
        }
    }
}
