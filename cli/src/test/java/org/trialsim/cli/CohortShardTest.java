package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code simulate --shard K/N --out-dir DIR} and {@code trialsim merge}: cohort shards merged give the bytes of one run. */
class CohortShardTest {

    /**
     * aall1331 has several arms; interfant-21 is run with --by risk (a subgroup per risk group) and with one
     * arm. 3,001 patients cut in three are 1,000, 1,000 and 1,001: not the 8,192-patient chunks of one run.
     */
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("1", List.of("aall1331", "-n", "3001", "-s", "5"), List.of("table", "json", "csv", "html")),
                Arguments.of("2", List.of("interfant-21", "-n", "3001", "-s", "2", "--by", "risk"), List.of("table", "json")),
                Arguments.of("1", List.of("aall1331", "-n", "2000", "-s", "9", "--arm", "B"), List.of("json")),
                Arguments.of("2", List.of("aall1331", "-n", "3001", "-s", "6", "--follow-up", "0,44.8", "--hazard-ratio"),
                        List.of("table", "json", "csv", "html")),
                Arguments.of("1", List.of("interfant-21", "-n", "3001", "-s", "7", "--by", "mrd:eoi:1e-4,1e-3"), List.of("table", "json")));
    }

    @ParameterizedTest(name = "{1} on {0} threads")
    @MethodSource("runs")
    void threeShardsMergedGiveTheBytesOfOneRunInEveryFormat(String threads, List<String> run, List<String> formats, @TempDir Path dir)
            throws Exception {
        List<String> folders = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String folder = dir.resolve("shard" + k).toString();
            folders.add(folder);
            Cli shard = Cli.run(simulate(run, "-q", "-t", threads, "--shard", k + "/3", "--out-dir", folder));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            assertThat(shard.out()).isEmpty();
        }
        String otherThreads = threads.equals("1") ? "2" : "1";
        for (String format : formats) {
            Cli one = Cli.run(simulate(run, "-q", "-t", otherThreads, "--format", format));
            assertThat(one.exitCode()).as(one.err()).isZero();
            Cli merged = Cli.run("merge", folders.get(2), folders.get(0), folders.get(1), "--format", format);
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            assertThat(merged.out()).as(format).isEqualTo(one.out()).isNotEmpty();
        }
    }

    @Test
    void shardsOfDifferentRunsMissingTwiceOrDamagedAreRefusedByName(@TempDir Path dir) throws Exception {
        String s1 = shard(dir, "s1", "1/3", "-s", "3");
        String s2 = shard(dir, "s2", "2/3", "-s", "3");
        String s3 = shard(dir, "s3", "3/3", "-s", "3");

        assertRefused(Cli.run("merge", s1, s3), "shard 2/3 (patients 200 to 399) is missing");
        assertRefused(Cli.run("merge", s1, s2, s2, s3), "shard 2/3 is given twice");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "seed", "3/3", "-s", "4")), "seed 3 in the first, 4 in the second");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "cut", "2/2", "-s", "3")), "number of shards 3 in the first, 2");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "arm", "3/3", "-s", "3", "--arm", "B")),
                "arm every arm in the first, B in the second");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "by", "3/3", "-s", "3", "--by", "risk")), "subgroups (--by) [] in the first");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "cuts", "3/3", "-s", "3", "--follow-up", "0,24")),
                "follow-up windows (--follow-up) [] in the first, [[0.0, 24.0]] in the second");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "hr", "3/3", "-s", "3", "--hazard-ratio")),
                "hazard ratios against (--hazard-ratio) [] in the first");
        assertRefused(Cli.run("merge", s1, s2, shard(dir, "set", "3/3", "-s", "3", "--set", "design.sampleSize=200")),
                "settings [] in the first, [design.sampleSize=200]");
        Cli trial = Cli.run("trial", "aall1331", "-q", "-r", "6", "--shard", "1/2", "--out-dir", dir.resolve("trial").toString());
        assertThat(trial.exitCode()).as(trial.err()).isZero();
        assertRefused(Cli.run("merge", s1, dir.resolve("trial").toString()), "s1' is not a trial shard's folder");
        assertRefused(Cli.run("merge", dir.resolve("trial").toString(), s1), "s1' is not a trial shard's folder");

        byte[] tallies = Files.readAllBytes(Path.of(s3, TrialShards.TALLIES));
        Files.write(Path.of(s3, TrialShards.TALLIES), Arrays.copyOf(tallies, tallies.length - 3));
        assertRefused(Cli.run("merge", s1, s2, s3), "tallies.bin' is damaged");
        byte[] flipped = tallies.clone();
        flipped[tallies.length / 2] ^= 0x40;
        Files.write(Path.of(s3, TrialShards.TALLIES), flipped);
        Cli damaged = Cli.run("merge", s1, s2, s3);
        assertThat(damaged.exitCode()).as(damaged.err()).isEqualTo(ExitCode.USAGE);
        assertThat(damaged.err()).contains("damaged").doesNotContain("Exception").doesNotContain("\tat ");
        Files.write(Path.of(s3, TrialShards.TALLIES), new byte[0]);
        assertRefused(Cli.run("merge", s1, s2, s3), "tallies.bin' is damaged");
        Files.write(Path.of(s3, TrialShards.TALLIES), tallies);
        assertThat(Cli.run("merge", s1, s2, s3).exitCode()).isZero();
    }

    @Test
    void aShardNeedsAnEmptyFolderAndWritesNoResult(@TempDir Path dir) throws Exception {
        assertRefused(Cli.run("simulate", "aall1331", "--shard", "1/2"), "give it with --out-dir DIR");
        assertRefused(Cli.run("simulate", "aall1331", "--out-dir", dir.toString()), "--out-dir applies with --shard");
        assertRefused(Cli.run("simulate", "aall1331", "-n", "5", "--shard", "1/6", "--out-dir", dir.toString()),
                "5 patients cannot be cut into 6 shards");
        assertRefused(Cli.run("simulate", "aall1331", "--shard", "1/2", "--out-dir", dir.toString(), "--records",
                dir.resolve("r.csv").toString()), "--records applies to a whole run");
        Files.writeString(dir.resolve("something"), "x");
        assertRefused(Cli.run("simulate", "aall1331", "--shard", "1/2", "--out-dir", dir.toString()), "is not empty");
        assertThat(Files.readString(dir.resolve("something"))).isEqualTo("x");
    }

    private static String shard(Path dir, String name, String shard, String... more) {
        String folder = dir.resolve(name).toString();
        List<String> args = new ArrayList<>(List.of("simulate", "aall1331", "-q", "-n", "600", "--shard", shard, "--out-dir", folder));
        args.addAll(List.of(more));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return folder;
    }

    private static void assertRefused(Cli run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message);
    }

    private static String[] simulate(List<String> run, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate"));
        args.addAll(run);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
