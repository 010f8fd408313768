package org.trialsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.trialsim.cli.Main;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task of an exploration: one cell, run by the ordinary command as its shard
 * ({@code trialsim explore ... --shard c/C --out-dir TMP}, C the number of cells, so shard c holds cell
 * c − 1 alone) in a folder of the task's own, whose files (the shard's manifest, the cell's result, its
 * per-replicate outcomes: 17 bytes a replicate) are returned by name. The driver keeps each as a shard's
 * folder, and merges them as {@code trialsim merge} does.
 */
final class ExploreTask extends AbstractFunction1<Iterator<Integer>, TreeMap<String, byte[]>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> arguments;
    private final int cells;

    /**
     * @param arguments the sweep's arguments of {@code explore} (the sweep or --protocol, --set, --vary, -r, -s...),
     *                  without those of the output or the folder
     * @param cells     the sweep's cells
     */
    ExploreTask(List<String> arguments, int cells) {
        this.arguments = List.copyOf(arguments);
        this.cells = cells;
    }

    @Override
    public TreeMap<String, byte[]> apply(Iterator<Integer> partition) {
        TaskContext task = TaskContext.get();
        if ("true".equals(task.getLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT)) && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of task " + task.partitionId());
        }
        int cell = partition.next();
        try {
            Path folder = Files.createTempDirectory("trialsim-cell");
            try {
                return run(cell, folder.resolve("shard"));
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

    private TreeMap<String, byte[]> run(int cell, Path shard) throws IOException {
        List<String> args = new ArrayList<>(List.of("explore"));
        args.addAll(arguments);
        args.addAll(List.of("--threads", Integer.toString(Math.max(1, TaskContext.get().cpus())), "--shard", (cell + 1) + "/" + cells,
                "--out-dir", shard.toString(), "--quiet"));
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        if (code != 0) {
            throw new IllegalStateException("cell " + cell + " did not run (exit code " + code + "): " + err.toString().strip());
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(shard)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
