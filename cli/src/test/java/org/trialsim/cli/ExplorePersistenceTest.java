package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** explore --out-dir resumed after kill -9 and SIGTERM, --shard K/N and merge: the same bytes as one uninterrupted run. */
class ExplorePersistenceTest {
    private static final String TWO_ARM = Path.of("../examples/two-arm-exponential.yaml").toAbsolutePath().toString();
    private static final int CELLS = 6;
    @TempDir
    static Path shared;
    private static Path sweep;
    private static String json;

    @BeforeAll
    static void oneUninterruptedRun() throws Exception {
        sweep = Files.writeString(shared.resolve("sweep.yaml"), """
                protocol: %s
                replicates: 150
                seed: 7
                axes:
                  - {name: events, kind: design, path: design.analysis.events, values: [120, 110, 100]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: HR 0.6, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: no difference, nullHypothesis: true}
                constraints: {minPower: 0.5}
                objective: months
                """.formatted(TWO_ARM));
        Cli run = Cli.run("explore", sweep.toString(), "-q", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        json = run.out();
    }

    private static String[] explore(String... more) {
        List<String> args = new ArrayList<>(List.of("explore", sweep.toString(), "-q"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static long finishedCells(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("cell-[0-9]+\\.json")).count();
        }
    }

    /**
     * A real trialsim process is killed twice at a moment that varies from run to run (once a number of
     * cells have finished, and a further 0 to 100 ms, about a cell's time: both taken from the clock and
     * printed if the test fails), first with SIGKILL (kill -9: nothing of the JVM runs; it comes while
     * cells 4 to 6 are still to run) and then with SIGTERM (Ctrl-C's way: shutdown hooks run); the third
     * run finishes what is missing, and its output is the uninterrupted run's, byte for byte.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRunKilledAtAnyMomentResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> moments = new ArrayList<>();
        for (boolean forcibly : new boolean[] {true, false}) {
            long clock = System.nanoTime();
            long afterCells = forcibly ? Math.floorMod(clock, 4) : Math.min(CELLS - 1, finishedCells(folder) + 1);
            long delayMillis = Math.floorMod(clock / 7, 100);
            moments.add((forcibly ? "SIGKILL" : "SIGTERM") + " after " + afterCells + " cells + " + delayMillis + " ms");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(List.of(explore("-t", "1", "--out-dir", folder.toString(), "--format", "json")));
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                while (finishedCells(folder) < afterCells && child.isAlive()) {
                    Thread.sleep(2);
                }
                Thread.sleep(delayMillis);
                if (forcibly) {
                    assertThat(child.isAlive()).as("killed while running: " + moments + Files.readString(log)).isTrue();
                    child.destroyForcibly();
                } else {
                    child.destroy();
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly().waitFor();
            }
            if (forcibly) {
                assertThat(finishedCells(folder)).as(moments.toString()).isLessThan(CELLS);
            }
        }
        assertThat(finishedCells(folder)).as(String.join("; ", moments)).isLessThanOrEqualTo(CELLS);
        Cli resumed = Cli.run(explore("--out-dir", folder.toString(), "--format", "json"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).as(String.join("; ", moments)).isEqualTo(json);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no partial file is left")
                    .allMatch(n -> n.equals("manifest.json") || n.matches("cell-[0-9]{4}\\.(json|outcomes)")).hasSize(1 + 2 * CELLS);
        }
        // a finished folder runs nothing, and gives every format
        for (String format : List.of("table", "csv")) {
            assertThat(Cli.run(explore("--out-dir", folder.toString(), "--format", format)).out())
                    .isEqualTo(Cli.run(explore("--format", format)).out());
        }
        assertThat(Cli.run("merge", folder.toString(), "--format", "json").out()).isEqualTo(json);
    }

    @Test
    void aChangedSeedOrSweepIsRefusedWithExitCode2SayingWhatChanged(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");
        assertThat(Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3")).exitCode()).isZero();
        Cli seed = Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3", "-s", "8"));
        assertThat(seed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(seed.err()).contains("holds the cells of another exploration", "seed: was 7, now 8").doesNotContain("\tat ");
        Cli replicates = Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3", "-r", "100"));
        assertThat(replicates.err()).contains("replicates: was 150, now 100");
        Cli set = Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3", "--set", "design.sampleSize=400"));
        assertThat(set.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(set.err()).contains("the changes of cell 'events=120, effect=HR 0.6': was [design.analysis.events=120, outcomes.deathInRemission[0].hazardRatio=0.6], now"
                + " [design.sampleSize=400, design.analysis.events=120", "; and 3 more cells.");
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "years of work");
        Cli foreign = Cli.run(explore("--out-dir", mine.toString()));
        assertThat(foreign.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(foreign.err()).contains("is not a trialsim explore folder");
        assertThat(mine.resolve("thesis.tex")).hasContent("years of work");
        try (Stream<Path> files = Files.list(mine)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void threeShardsMergedGiveTheBytesOfOneRun(@TempDir Path dir) throws Exception {
        List<String> folders = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String folder = dir.resolve("shard" + k).toString();
            folders.add(folder);
            Cli shard = Cli.run(explore("--out-dir", folder, "--shard", k + "/3", "-t", Integer.toString(k)));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            assertThat(shard.out()).isEmpty();
        }
        Cli merged = Cli.run("merge", folders.get(1), folders.get(2), folders.get(0), "--format", "json");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(json);
        Path table = dir.resolve("table.txt");
        assertThat(Cli.run("merge", folders.get(0), folders.get(1), folders.get(2), "--out", table.toString()).exitCode()).isZero();
        assertThat(table).hasContent(Cli.run(explore()).out().stripTrailing());

        Cli missing = Cli.run("merge", folders.get(0), folders.get(2));
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("shard 2/3 (cells 3 to 4) is missing");
        Cli twice = Cli.run("merge", folders.get(0), folders.get(1), folders.get(1), folders.get(2));
        assertThat(twice.err()).contains("are both shard 2/3");
        Cli notAFolder = Cli.run("merge", dir.resolve("nowhere").toString());
        assertThat(notAFolder.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notAFolder.err()).contains("does not exist");
    }

    /** Each cell's replicate rows are those 'trial --replicates-out' writes for the cell's protocol, byte for byte. */
    @Test
    void replicateRecordsOfACellAreThoseOfItsTrial(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");
        Cli run = Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3", "--replicate-records"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path alternative = dir.resolve("alternative.csv");
        Path nullHypothesis = dir.resolve("null.csv");
        assertThat(Cli.run("trial", TWO_ARM, "-q", "-r", "150", "-s", "7", "--set", "design.analysis.events=120", "--set",
                "outcomes.deathInRemission[0].hazardRatio=0.6", "--replicates-out", alternative.toString()).exitCode()).isZero();
        assertThat(Cli.run("trial", TWO_ARM, "-q", "-r", "150", "-s", "7", "--set", "design.analysis.events=120", "--null",
                "--replicates-out", nullHypothesis.toString()).exitCode()).isZero();
        assertThat(Files.readString(folder.resolve("cell-0000.replicates.csv"))).isEqualTo(Files.readString(alternative))
                .startsWith("replicate,analysis,look,");
        assertThat(Files.readString(folder.resolve("cell-0001.replicates.csv"))).isEqualTo(Files.readString(nullHypothesis));
        Cli without = Cli.run(explore("--out-dir", folder.toString(), "--shard", "1/3"));
        assertThat(without.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(without.err()).contains("replicate records (--replicate-records): was true, now false");
        assertThat(Cli.run(explore("--replicate-records")).err()).contains("give it with --out-dir DIR");
    }

    @Test
    void aShardNeedsAFolderAndWritesNoResult(@TempDir Path dir) {
        assertThat(Cli.run(explore("--shard", "1/2")).err()).contains("give it with --out-dir DIR");
        assertThat(Cli.run(explore("--shard", "3/2", "--out-dir", dir.toString())).err()).contains("1 ≤ K ≤ N");
        assertThat(Cli.run(explore("--shard", "1/2", "--out-dir", dir.toString(), "--out", dir.resolve("x").toString())).err())
                .contains("'trialsim merge' writes the result");
        Cli tooMany = Cli.run(explore("--shard", "1/7", "--shard-by", "cells", "--out-dir", dir.resolve("seven").toString()));
        assertThat(tooMany.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tooMany.err()).contains("a sweep of 6 cells cannot be cut into 7 shards");
    }
}
