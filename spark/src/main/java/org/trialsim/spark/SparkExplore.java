package org.trialsim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.trialsim.simulator.run.Progress;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * An exploration on Spark: every cell's replicates cut into the same P ranges, one task per cell and range
 * ({@link ExploreTask}), so that a sweep of few cells still keeps every core busy and a large cell spreads
 * over the executors. Range k of every cell is shard (k+1)/P of the replicates, as
 * {@code trialsim explore --shard (k+1)/P --shard-by replicates} cuts them; its folder is {@code shard-KKKK}
 * (k from 0), into which the driver writes each cell's slice the moment its task finishes, each file under
 * a partial name, forced to disk and renamed, the slice's part file last. A slice finished there is not run
 * again, so a stopped driver resumes; {@code Exploration.merge} of the P folders (what {@code trialsim
 * merge} does), in range order, gives the result one machine gives.
 */
public final class SparkExplore {
    /** The most ranges a cell's replicates are cut into: a folder each, named by four digits. */
    public static final int MAX_RANGES = 10_000;
    private static final String SHARD = "shard-";
    private static final String MANIFEST = "manifest.json";
    private static final String PARTIAL = ".partial";
    private final JavaSparkContext spark;

    public SparkExplore(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** Range k's folder in the run's folder. */
    public static Path rangeFolder(Path folder, int range) {
        return folder.resolve(SHARD + String.format(Locale.ROOT, "%04d", range));
    }

    /** Whether the cell's slice in range k's folder is finished (its part file is written last). */
    public static boolean finished(Path folder, int cell, int range) {
        return Files.isRegularFile(rangeFolder(folder, range).resolve(String.format(Locale.ROOT, "cell-%04d.part.json", cell)));
    }

    /** Whether the folder may hold such a run: absent, empty, or holding only ranges' folders. */
    public static boolean usable(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.allMatch(p -> p.getFileName().toString().matches("shard-\\d{4}") && Files.isDirectory(p));
        }
    }

    /** The ranges an earlier run cut each cell into, by the folders it made (it makes all at its start), or 0 for a new folder. */
    public static int rangesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var entries = Files.list(folder)) {
            return (int) entries.filter(p -> p.getFileName().toString().matches("shard-\\d{4}")).count();
        }
    }

    /** The ranges each cell is cut into by default: four tasks per core Spark offers in all, at most one per replicate. */
    public int defaultRanges(int cells, int replicates) {
        int tasks = 4 * spark.defaultParallelism();
        return Math.max(1, Math.min(Math.min(replicates, MAX_RANGES), (tasks + cells - 1) / cells));
    }

    /**
     * Runs the slices not finished in the folder and returns the ranges' folders, in range order.
     *
     * @param arguments  the arguments that make the sweep (see {@link ExploreTask})
     * @param cells      the sweep's cells
     * @param replicates each cell's replicates
     * @param ranges     the ranges each cell's replicates are cut into (a folder's earlier run's, to resume it)
     * @param largeTrial the cells whose true effects need the large trial ({@link CellProtocols#needingTheLargeTrial})
     * @param progress   told of every finished slice: the slices finished of those to run
     * @return the number of slices run, and the folders
     */
    public Ran run(List<String> arguments, int cells, int replicates, long seed, int ranges, List<Integer> largeTrial, Path folder,
            Progress progress) throws IOException {
        if (ranges < 1 || ranges > replicates || ranges > MAX_RANGES) {
            throw new IllegalArgumentException(replicates + " replicates are cut into 1 to " + Math.min(replicates, MAX_RANGES)
                    + " ranges, not " + ranges);
        }
        List<Path> folders = new ArrayList<>();
        for (int k = 0; k < ranges; k++) {
            Path range = rangeFolder(folder, k);
            Files.createDirectories(range);
            // what a stopped driver left half-written
            try (DirectoryStream<Path> partials = Files.newDirectoryStream(range, ".*" + PARTIAL)) {
                for (Path p : partials) {
                    Files.delete(p);
                }
            }
            folders.add(range);
        }
        // cell by cell, so that cells finish one after the other
        List<int[]> missing = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            for (int k = 0; k < ranges; k++) {
                if (!finished(folder, c, k)) {
                    missing.add(new int[] {c, k});
                }
            }
        }
        int[] needing = missing.stream().mapToInt(s -> s[0]).distinct().filter(largeTrial::contains).toArray();
        if (needing.length > 0) {
            Broadcast<byte[][]> truths = spark.broadcast(truths(arguments, cells, replicates, seed, needing));
            try {
                runSlices(arguments, replicates, seed, ranges, folder, missing, truths, progress);
            } finally {
                truths.destroy();
            }
        } else if (!missing.isEmpty()) {
            // no job before the slices: each finds its cell's true effects at no cost
            runSlices(arguments, replicates, seed, ranges, folder, missing, null, progress);
        }
        return new Ran(missing.size(), cells * ranges - missing.size(), folders);
    }

    /**
     * The true effects of the cells with slices to run whose true effects need the large trial: one task
     * per such cell ({@link TruthsTask}), so that the large trial runs once per cell, not once per slice.
     */
    private byte[][] truths(List<String> arguments, int cells, int replicates, long seed, int[] toRun) {
        byte[][] truths = new byte[cells][];
        return RangeJob.run(spark, toRun.length, new TruthsTask(arguments, replicates, seed, toRun), k -> { }, results -> {
            int k = 0;
            for (byte[] result : results) {
                truths[toRun[k++]] = result;
            }
            return truths;
        });
    }

    private void runSlices(List<String> arguments, int replicates, long seed, int ranges, Path folder, List<int[]> missing,
            Broadcast<byte[][]> truths, Progress progress) {
        int[] cellOf = missing.stream().mapToInt(s -> s[0]).toArray();
        int[] rangeOf = missing.stream().mapToInt(s -> s[1]).toArray();
        AtomicLong done = new AtomicLong();
        InOrder results = new InOrder(missing.size(), p -> progress.update(done.incrementAndGet(), missing.size()));
        RDD<Integer> rdd = spark.parallelize(IntStream.range(0, missing.size()).boxed().toList(), missing.size()).rdd();
        SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(rdd,
                new ExploreTask(arguments, replicates, seed, ranges, cellOf, rangeOf, truths), RangeJob.partitions(missing.size()),
                new Keeper(folder, cellOf, rangeOf, results), new RangeJob.Done());
        results.watch(job);
        try {
            // every slice is written by the handler as its task finishes; waiting for each in turn is waiting for all
            results.forEach(b -> { });
        } finally {
            if (!job.isCompleted()) {
                job.cancel();
            }
        }
    }

    /**
     * What a run did.
     *
     * @param slicesRun   the slices (a cell's range) it ran
     * @param slicesFound the slices it found finished
     * @param folders     every range's folder, in range order
     */
    public record Ran(int slicesRun, int slicesFound, List<Path> folders) {
    }

    /** Writes each finished slice into its range's folder on the driver: each file under a partial name, forced to disk, renamed. */
    private static final class Keeper extends AbstractFunction2<Object, TreeMap<String, byte[]>, BoxedUnit> {
        private final Path folder;
        private final int[] cellOf;
        private final int[] rangeOf;
        private final InOrder results;

        Keeper(Path folder, int[] cellOf, int[] rangeOf, InOrder results) {
            this.folder = folder;
            this.cellOf = cellOf;
            this.rangeOf = rangeOf;
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, TreeMap<String, byte[]> files) {
            int p = (Integer) partition;
            Path target = rangeFolder(folder, rangeOf[p]);
            String part = String.format(Locale.ROOT, "cell-%04d.part.json", cellOf[p]);
            try {
                // every slice of a range brings the range's manifest, the same bytes; the first kept stays
                if (!Files.exists(target.resolve(MANIFEST))) {
                    write(target, MANIFEST, files.get(MANIFEST));
                }
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    if (!file.getKey().equals(MANIFEST) && !file.getKey().equals(part)) {
                        write(target, file.getKey(), file.getValue());
                    }
                }
                write(target, part, files.get(part));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep cell " + cellOf[p] + "'s range " + rangeOf[p] + " in " + target + ": "
                        + e.getMessage(), e);
            }
            results.put(p, new byte[0]);
            return BoxedUnit.UNIT;
        }

        private static void write(Path folder, String name, byte[] bytes) throws IOException {
            if (bytes == null) {
                throw new IOException("the task returned no " + name);
            }
            Path partial = folder.resolve("." + name + PARTIAL);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
