package org.trialsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.simulator.explore.ExplorationFolderException;
import org.trialsim.simulator.explore.ExploreOptions;
import org.trialsim.simulator.explore.Shard;
import org.trialsim.simulator.run.Progress;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task of an exploration: one cell's slice of the replicates, run by the ordinary harness
 * ({@code Exploration.runCellInto}: what {@code trialsim explore --shard k/P --shard-by replicates
 * --out-dir TMP} runs for that cell) in a folder of the task's own, whose files (the shard's manifest,
 * and the cell's slice: its partial tallies, the state of its figures, its protocol as run, its
 * per-replicate outcomes, 21 bytes a replicate, and its part file) are returned by name. The driver
 * keeps them in the shard's folder and merges the shards as {@code trialsim merge} does. The sweep is
 * read and checked once per executor ({@link OnExecutor#exploration}); a true effect that needs the large
 * trial comes from {@link TruthsTask}, run once per cell.
 */
final class ExploreTask extends AbstractFunction1<Iterator<Integer>, TreeMap<String, byte[]>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> arguments;
    private final int replicates;
    private final long seed;
    private final int ranges;
    private final int[] cells;
    private final int[] slices;
    private final Broadcast<byte[][]> truths;

    /**
     * @param arguments  the arguments that make the sweep ({@code SparkSweeps.arguments})
     * @param replicates each cell's replicates
     * @param ranges     the ranges each cell's replicates are cut into
     * @param cells      partition k's cell
     * @param slices     partition k's range of that cell's replicates, from 0
     * @param truths     each cell's true effects ({@link TruthsTask}; null or empty where it finds them at no cost), or null
     */
    ExploreTask(List<String> arguments, int replicates, long seed, int ranges, int[] cells, int[] slices, Broadcast<byte[][]> truths) {
        this.arguments = new ArrayList<>(arguments);
        this.replicates = replicates;
        this.seed = seed;
        this.ranges = ranges;
        this.cells = cells.clone();
        this.slices = slices.clone();
        this.truths = truths;
    }

    @Override
    public TreeMap<String, byte[]> apply(Iterator<Integer> partition) {
        TaskContext task = TaskContext.get();
        TrialTask.failFirstAttemptIfAsked(task);
        int k = partition.next();
        try {
            Path folder = Files.createTempDirectory("trialsim-slice");
            try {
                return run(cells[k], new Shard(slices[k] + 1, ranges).ofReplicates(), folder.resolve("shard"), Math.max(1, task.cpus()));
            } finally {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TreeMap<String, byte[]> run(int cell, Shard shard, Path folder, int threads) throws IOException {
        try {
            byte[] known = truths == null ? null : truths.value()[cell];
            OnExecutor.exploration(arguments).runCellInto(folder, shard, new ExploreOptions(replicates, seed, threads), cell,
                    known == null || known.length == 0 ? null : known, Progress.NONE);
        } catch (ProtocolException | ExplorationFolderException e) {
            throw new IllegalStateException("cell " + cell + ", shard " + shard + " did not run: " + e.getMessage(), e);
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
