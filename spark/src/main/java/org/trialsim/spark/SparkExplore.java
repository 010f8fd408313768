package org.trialsim.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.trialsim.simulator.run.Progress;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * An exploration's cells on Spark, one task each ({@link ExploreTask}). The driver writes each finished
 * cell into a folder of its own, {@code shard-NNNN} (the cell's index from 0), as the task's result
 * arrives: the folder a {@code trialsim explore --shard (NNNN+1)/C --out-dir} run would have written.
 * A folder already finished there is not run again, so a stopped driver resumes; {@code trialsim merge}
 * of the folders, in cell order, gives the result one machine gives.
 */
public final class SparkExplore {
    private static final String SHARD = "shard-";
    private final JavaSparkContext spark;

    public SparkExplore(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** Cell c's folder in the run's folder. */
    public static Path cellFolder(Path folder, int cell) {
        return folder.resolve(SHARD + String.format(Locale.ROOT, "%04d", cell));
    }

    /** Whether the cell's folder holds a finished shard (its cell's result is written last). */
    public static boolean finished(Path folder, int cell) {
        Path dir = cellFolder(folder, cell);
        return Files.isRegularFile(dir.resolve("manifest.json"))
                && Files.isRegularFile(dir.resolve(String.format(Locale.ROOT, "cell-%04d.json", cell)));
    }

    /** Whether the folder may hold such a run: absent, empty, or holding only cells' folders. */
    public static boolean usable(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.allMatch(p -> p.getFileName().toString().matches("shard-\\d{4}(\\.partial)?") && Files.isDirectory(p));
        }
    }

    /**
     * Runs the cells not finished in the folder and returns every cell's folder, in cell order.
     *
     * @param arguments         the sweep's arguments of {@code explore} (see {@link ExploreTask})
     * @param cells             the sweep's cells
     * @param replicatesPerCell for the progress, which counts the replicates of finished cells
     * @return the number of cells run, and the folders
     */
    public Ran run(List<String> arguments, int cells, long replicatesPerCell, Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        List<Integer> missing = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            if (!finished(folder, c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            AtomicLong done = new AtomicLong();
            long total = (long) missing.size() * replicatesPerCell;
            InOrder results = new InOrder(missing.size(), k -> progress.update(done.addAndGet(replicatesPerCell), total));
            RDD<Integer> rdd = spark.parallelize(missing, missing.size()).rdd();
            SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(rdd, new ExploreTask(arguments, cells),
                    RangeJob.partitions(missing.size()), new Keeper(folder, missing, results), new RangeJob.Done());
            results.watch(job);
            try {
                // every folder is written by the handler as its task finishes; waiting for the last in order is waiting for all
                results.forEach(b -> { });
            } finally {
                if (!job.isCompleted()) {
                    job.cancel();
                }
            }
        }
        List<Path> folders = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            folders.add(cellFolder(folder, c));
        }
        return new Ran(missing.size(), cells - missing.size(), folders);
    }

    /**
     * What a run did.
     *
     * @param cellsRun   the cells it ran
     * @param cellsFound the cells it found finished
     * @param folders    every cell's folder, in cell order
     */
    public record Ran(int cellsRun, int cellsFound, List<Path> folders) {
    }

    /** Writes each finished cell's folder on the driver: its files in a partial folder, forced to disk, renamed whole. */
    private static final class Keeper extends AbstractFunction2<Object, TreeMap<String, byte[]>, BoxedUnit> {
        private final Path folder;
        private final List<Integer> cells;
        private final InOrder results;

        Keeper(Path folder, List<Integer> cells, InOrder results) {
            this.folder = folder;
            this.cells = cells;
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, TreeMap<String, byte[]> files) {
            int k = (Integer) partition;
            int cell = cells.get(k);
            Path target = cellFolder(folder, cell);
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try {
                remove(partial);
                Files.createDirectory(partial);
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    try (FileChannel channel = FileChannel.open(partial.resolve(file.getKey()), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
                        out.write(file.getValue());
                        out.flush();
                        channel.force(true);
                    }
                }
                // an unfinished folder of an earlier run (no cell result in it): replaced
                remove(target);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep cell " + cell + " in " + target + ": " + e.getMessage(), e);
            }
            results.put(k, new byte[0]);
            return BoxedUnit.UNIT;
        }

        private static void remove(Path dir) throws IOException {
            if (Files.exists(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        }
    }
}
