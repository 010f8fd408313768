package org.trialsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.trialsim.protocol.builtin.BuiltinProtocols;

/**
 * Runs a few small commands in one JVM, with their output thrown away, so that the {@code ./trialsim}
 * launcher can record the classes a typical run loads for class-data sharing; later runs map them instead
 * of loading and verifying those classes one by one, and start sooner. Not a user command.
 *
 * <p>On Java 17 to 24 the launcher runs this with {@code -XX:DumpLoadedClassList} and dumps a static
 * archive from that list ({@code -Xshare:dump}). A static archive holds picocli's classes, which are
 * compiled for Java 5 (class file version 49) and which a dynamic archive ({@code -XX:ArchiveClassesAtExit},
 * recorded before) skipped; and the dump runs no Java code. The dynamic archive had to be recorded in the
 * interpreter ({@code -Xint}): on Java 17, a method the JIT compiled while it was being recorded was not
 * compiled again in the runs that mapped it, and simulations of 10⁶ patients or 10⁵ trials took 1.5 to 2
 * times as long. The commands stay small (a handful of patients, and trials under the null hypothesis,
 * which skip the large trial that estimates the true effect), so that the recording takes a few seconds.
 *
 * <p>With Java 25 or later the launcher records the JDK's ahead-of-time cache from these commands instead
 * ({@code -XX:AOTCacheOutput}, JEP 514), with the JIT on: that cache keeps the profiles of the training
 * run (JEP 515), not code compiled in it. It skips picocli's old classes, and the trialsim classes that
 * extend them, so on Java 25 picocli is loaded and verified from the jar in every run.
 */
public final class StartupTraining {
    /** Commands that between them load the classes of every subcommand's usual path. */
    static final String[][] COMMANDS = {
        {"--help"}, // builds the model of every subcommand, as a run builds that of its own
        {"protocols"},
        {"show", "aall1331"},
        {"validate", "interfant-21"},
        // a protocol file, as users give: read from its YAML, where a built-in is read from its JSON twin
        {"validate", StartupTraining.FILE},
        {"trial", StartupTraining.FILE, "-r", "1", "-t", "1", "--null"},
        // a result written to a file (-o), through a partial file renamed over its target
        {"trial", "cccg-blina-d19", "-r", "1", "-t", "1", "--null", "-q", "-f", "json", "-o", StartupTraining.OUTPUT},
        {"export", "aall1121"},
        {"schema"},
        // the HTML pages hold the text table too: these load the classes of both (and record the pages' lambdas)
        {"simulate", "interfant-21", "-n", "200", "-t", "1", "-f", "html"},
        {"simulate", "aall1331", "-n", "100", "-t", "1", "-f", "json"},
        {"trial", "aall1331", "-r", "1", "-t", "1", "--null", "-f", "html"},
        {"trial", "cccg-blina-d19", "-r", "2", "-t", "1", "--null", "-f", "csv"},
        {"trial", "aall1121", "-r", "8", "-t", "1"},
        {"design", "simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--beta", "0.2"},
    };

    /** Stands in {@link #COMMANDS} for a protocol file: a copy of a built-in's YAML in a temporary file. */
    static final String FILE = "<a protocol file>";
    /** Stands in {@link #COMMANDS} for an output file, in a temporary directory of its own. */
    static final String OUTPUT = "<an output file>";

    private StartupTraining() {
    }

    /**
     * Runs the commands of {@link #COMMANDS}, or with an argument those of that command alone: the launcher
     * records an archive (or cache) of their own for {@code protocols}, {@code show} and {@code validate},
     * which simulate nothing. On Java 25 the JDK loads and links every class of its ahead-of-time cache as
     * the JVM starts, whether the run needs it or not, and {@code validate} took less processor time with a
     * cache of its own classes than with the cache of every command's (docs/performance.md, "Issue 12,
     * start13").
     */
    public static void main(String[] args) throws IOException {
        Main.configureGuice();
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.exit(run(args.length == 1 ? of(args[0]) : COMMANDS, nowhere) == 0 ? 0 : 1);
    }

    /** The commands of {@link #COMMANDS} that run this command. */
    static String[][] of(String command) {
        return Arrays.stream(COMMANDS).filter(c -> c[0].equals(command)).toArray(String[][]::new);
    }

    /**
     * Runs the commands, their output to {@code out}; the number that failed. Without the temporary files,
     * those that need one are left out.
     */
    static int run(String[][] commands, PrintWriter out) throws IOException {
        return run(commands, out, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #run(String[][], PrintWriter)}, the temporary files in a directory made in {@code parent} and removed after. */
    static int run(String[][] commands, PrintWriter out, Path parent) throws IOException {
        Path directory = null;
        Path file = null;
        try {
            directory = Files.createTempDirectory(parent, "trialsim-training");
            file = directory.resolve("protocol.yaml");
            Files.write(file, BuiltinProtocols.text("cccg-blina-d19").orElseThrow());
        } catch (IOException e) {
            file = null;
        }
        try {
            int failures = 0;
            for (String[] command : commands) {
                String[] args = command.clone();
                for (int i = 0; i < args.length; i++) {
                    args[i] = file == null ? args[i]
                            : args[i].equals(FILE) ? file.toString()
                            : args[i].equals(OUTPUT) ? directory.resolve("result.json").toString() : args[i];
                }
                boolean placeholder = List.of(args).contains(FILE) || List.of(args).contains(OUTPUT);
                failures += placeholder || Main.run(args, out, out) == 0 ? 0 : 1;
            }
            return failures;
        } finally {
            if (directory != null) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path written : files.toList()) {
                        Files.deleteIfExists(written);
                    }
                }
                Files.deleteIfExists(directory);
            }
        }
    }
}
