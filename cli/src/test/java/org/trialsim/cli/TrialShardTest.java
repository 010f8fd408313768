package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code trial --shard K/N --out-dir DIR} and {@code trialsim merge}: shards merged give the bytes of one run. */
class TrialShardTest {
    private static final String TWO_ARM = "../examples/two-arm-exponential.yaml";
    private static final String THREE_ARM = "../simulator/src/test/resources/protocols/three-arm-exponential.yaml";

    /**
     * aall1331 estimates its true effect by the large trial (which each shard runs) and has randomized
     * strata; the two-arm design's effect is exact, and --null simulates its null hypothesis. 200
     * replicates cut in three are 66, 67 and 67: the shards' bounds are not those of the 64-replicate chunks.
     * The adaptive design's strata also tally how often each arm led its learning allocator; the three-arm
     * design its family's rejections (Bonferroni).
     */
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("1", List.of("aall1331", "-r", "200", "-s", "5")),
                Arguments.of("2", List.of("aall1331", "-r", "200", "-s", "5")),
                Arguments.of("2", List.of(TWO_ARM, "-r", "130", "-s", "3", "--null")),
                Arguments.of("1", List.of("../examples/adaptive-two-arm.yaml", "-r", "90", "-s", "2")),
                Arguments.of("2", List.of(THREE_ARM, "-r", "100", "-s", "4", "--null")));
    }

    @ParameterizedTest(name = "{1} on {0} threads")
    @MethodSource("runs")
    void threeShardsMergedGiveTheBytesOfOneRun(String threads, List<String> run, @TempDir Path dir) throws Exception {
        List<String> folders = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String folder = dir.resolve("shard" + k).toString();
            folders.add(folder);
            Cli shard = Cli.run(trial(run, "-q", "-t", threads, "--shard", k + "/3", "--out-dir", folder));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            assertThat(shard.out()).isEmpty();
        }
        String otherThreads = threads.equals("1") ? "2" : "1";
        Cli json = Cli.run(trial(run, "-q", "-t", otherThreads, "--format", "json"));
        Cli merged = Cli.run("merge", folders.get(1), folders.get(2), folders.get(0), "--format", "json");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(json.out()).contains("\"replicates\" : " + run.get(2));
        Cli table = Cli.run(trial(run, "-q", "-t", threads));
        assertThat(Cli.run("merge", folders.get(2), folders.get(0), folders.get(1)).out()).isEqualTo(table.out());
    }

    @Test
    void shardsOfDifferentRunsMissingOrTwiceAreRefusedByName(@TempDir Path dir) throws Exception {
        String s1 = shard(dir, "s1", "1/3", "-s", "3");
        String s2 = shard(dir, "s2", "2/3", "-s", "3");
        String s3 = shard(dir, "s3", "3/3", "-s", "3");

        assertRefused(Cli.run("merge", s1, s3), "shard 2/3 (replicates 20 to 39) is missing");
        assertRefused(Cli.run("merge", s1, s2, s2, s3), "shard 2/3 is given twice");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "seed", "3/3", "-s", "4")), "seed 3 in the first, 4 in the second");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "null", "3/3", "-s", "3", "--null")), "null false in the first, true");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "cut", "2/2", "-s", "3")), "number of shards 3 in the first, 2");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "set", "3/3", "-s", "3", "--set", "design.sampleSize=200")),
                "settings [] in the first, [design.sampleSize=200]");
        Cli replicates = Cli.run("trial", TWO_ARM, "-q", "-r", "61", "-s", "3", "--shard", "3/3", "--out-dir", dir.resolve("r").toString());
        assertThat(replicates.exitCode()).as(replicates.err()).isZero();
        assertRefused(Cli.run("merge", s1, s2, dir.resolve("r").toString()), "replicates 60 in the first, 61 in the second");

        Path explore = Path.of(dir.toString(), "explore");
        Cli exploration = Cli.run("explore", "--protocol", TWO_ARM, "--vary", "design.sampleSize=200,220", "-q", "-r", "20",
                "--shard", "1/2", "--out-dir", explore.toString());
        assertThat(exploration.exitCode()).as(exploration.err()).isZero();
        assertRefused(Cli.run("merge", s1, explore.toString()), "is not a trial shard's folder");

        Files.delete(Path.of(s2, TrialShards.MANIFEST));
        assertRefused(Cli.run("merge", s1, s2, s3), "has no manifest.json");
        assertRefused(Cli.run("merge", Files.createDirectory(dir.resolve("bare")).toString()),
                "has no manifest.json: it is neither a folder of 'explore --out-dir' nor a shard of 'trial --shard'");
        byte[] tallies = Files.readAllBytes(Path.of(s3, TrialShards.TALLIES));
        Files.write(Path.of(s3, TrialShards.TALLIES), Arrays.copyOf(tallies, tallies.length - 3));
        assertRefused(Cli.run("merge", s1, shard(dir, "s2again", "2/3", "-s", "3"), s3), "tallies.bin' is damaged");
    }

    @Test
    void aShardNeedsAnEmptyFolderAndWritesNoResult(@TempDir Path dir) throws Exception {
        assertRefused(Cli.run("trial", TWO_ARM, "--shard", "1/2"), "give it with --out-dir DIR");
        assertRefused(Cli.run("trial", TWO_ARM, "--out-dir", dir.toString()), "--out-dir applies with --shard");
        assertRefused(Cli.run("trial", TWO_ARM, "--shard", "3/2", "--out-dir", dir.toString()), "1 ≤ K ≤ N");
        assertRefused(Cli.run("trial", TWO_ARM, "-r", "5", "--shard", "1/6", "--out-dir", dir.toString()),
                "5 replicates cannot be cut into 6 shards");
        assertRefused(Cli.run("trial", TWO_ARM, "--shard", "1/2", "--out-dir", dir.toString(), "--out", dir.resolve("x").toString()),
                "'trialsim merge' writes the result");
        Files.writeString(dir.resolve("something"), "x");
        assertRefused(Cli.run("trial", TWO_ARM, "--shard", "1/2", "--out-dir", dir.toString()), "is not empty");
        assertThat(Files.readString(dir.resolve("something"))).isEqualTo("x");
    }

    /**
     * A real trialsim process running a shard is killed with SIGKILL (nothing of the JVM runs) once a number of
     * its slices have finished and a further 0 to 60 ms (both from the clock, printed if the test fails); the
     * same command run again runs only the replicates not finished, and the merged result is one run's, byte
     * for byte.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aShardKilledAtAnyMomentResumesWithoutRunningItsFinishedSlicesAgain(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("shard");
        List<String> run = List.of(TWO_ARM, "-r", "2600", "-s", "4", "-t", "1", "--shard", "1/1", "--out-dir", folder.toString());
        long clock = System.nanoTime();
        long afterSlices = 1 + Math.floorMod(clock, 3);
        long delayMillis = Math.floorMod(clock / 7, 60);
        String moment = "SIGKILL after " + afterSlices + " slices + " + delayMillis + " ms";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(trial(run, "-q")));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (slices(folder) < afterSlices && child.isAlive()) {
                Thread.sleep(2);
            }
            Thread.sleep(delayMillis);
            assertThat(child.isAlive()).as("killed while running: " + moment + Files.readString(log)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        long finished = slices(folder);
        assertThat(finished).as(moment).isGreaterThanOrEqualTo(afterSlices);
        assertThat(folder.resolve(TrialShards.TALLIES)).as(moment).doesNotExist();
        assertRefused(Cli.run("merge", folder.toString()), "has not finished: run its command again");

        Cli resumed = Cli.run(trial(run));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).as(moment).contains("resumed " + folder + ": " + finished * TrialShards.SLICE + " of 2600 replicates of"
                + " shard 1/1 were finished there; ran " + (2600 - finished * TrialShards.SLICE));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no slice or partial file is left")
                    .containsExactlyInAnyOrder(TrialShards.MANIFEST, TrialShards.PROTOCOL, TrialShards.TALLIES);
        }
        List<String> whole = List.of(TWO_ARM, "-r", "2600", "-s", "4", "-q", "--format", "json");
        assertThat(Cli.run("merge", folder.toString(), "--format", "json").out()).as(moment).isEqualTo(Cli.run(trial(whole)).out());
        Cli again = Cli.run(trial(run));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("2600 of 2600 replicates of shard 1/1 were finished there; ran 0");
    }

    @Test
    void aShardFolderOfAnotherRunIsRefusedSayingWhatChanged(@TempDir Path dir) throws Exception {
        String s1 = shard(dir, "s1", "1/2", "-s", "3");
        String mark = Files.readString(Path.of(s1, TrialShards.MANIFEST));
        assertRefused(Cli.run("trial", TWO_ARM, "-q", "-r", "60", "-s", "4", "--shard", "1/2", "--out-dir", s1),
                "holds a shard of another trial run, which it cannot resume: seed 3 there, 4 now");
        Cli changed = Cli.run("trial", TWO_ARM, "-q", "-r", "60", "-s", "3", "--set", "design.sampleSize=200", "--shard", "1/2",
                "--out-dir", s1);
        assertRefused(changed, "settings [] there, [design.sampleSize=200] now; protocol content hash ");
        assertRefused(Cli.run("trial", TWO_ARM, "-q", "-r", "60", "-s", "3", "--shard", "2/2", "--out-dir", s1), "shard 1/2 there, 2/2 now");
        assertRefused(Cli.run("trial", TWO_ARM, "-q", "-r", "60", "-s", "3", "--null", "--shard", "1/2", "--out-dir", s1),
                "null false there, true now");
        assertThat(Files.readString(Path.of(s1, TrialShards.MANIFEST))).isEqualTo(mark);
        shard(dir, "s1", "1/2", "-s", "3");
    }

    private static long slices(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("part-[0-9]+-[0-9]+\\.bin")).count();
        }
    }

    private static String shard(Path dir, String name, String shard, String... more) {
        String folder = dir.resolve(name).toString();
        List<String> args = new ArrayList<>(List.of("trial", TWO_ARM, "-q", "-r", "60", "--shard", shard, "--out-dir", folder));
        args.addAll(List.of(more));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return folder;
    }

    private static void assertRefused(Cli run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message);
    }

    private static String[] trial(List<String> run, String... more) {
        List<String> args = new ArrayList<>(List.of("trial"));
        args.addAll(run);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
