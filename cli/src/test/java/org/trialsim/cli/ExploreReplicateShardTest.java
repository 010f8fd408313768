package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore --shard K/N} over the replicates of every cell (a sweep of fewer cells than shards, or
 * {@code --shard-by replicates}) and {@code trialsim merge}: the bytes of one run in every format.
 */
class ExploreReplicateShardTest {
    private static final String TWO_ARM = Path.of("../examples/two-arm-exponential.yaml").toAbsolutePath().toString();
    @TempDir
    static Path shared;
    private static Path sweep;

    /** Two designs, each under the alternative and the null: 4 cells of 131 replicates (cut in 5: 26, 26, 26, 26, 27). */
    @BeforeAll
    static void sweep() throws Exception {
        sweep = Files.writeString(shared.resolve("sweep.yaml"), """
                protocol: %s
                replicates: 131
                seed: 11
                axes:
                  - {name: events, kind: design, path: design.analysis.events, values: [120, 100]}
                  - name: effect
                    kind: scenario
                    values:
                      - {label: HR 0.6, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                      - {label: no difference, nullHypothesis: true}
                constraints: {minPower: 0.5}
                """.formatted(TWO_ARM));
    }

    @Test
    void moreShardsThanCellsCutTheReplicatesAndMergeIntoOneRunsBytes(@TempDir Path dir) throws Exception {
        List<String> folders = shards(dir, 5);
        for (String format : List.of("json", "table", "csv")) {
            Cli merged = Cli.run(merge(folders, "--format", format));
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            assertThat(merged.out()).as(format).isEqualTo(Cli.run(explore("--format", format, "-t", "2")).out()).isNotEmpty();
        }
        Cli missing = Cli.run("merge", folders.get(0), folders.get(1), folders.get(3), folders.get(4));
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("shard 3/5 (replicates 52 to 77) is missing");
        Path tallies = Path.of(folders.get(2), "cell-0001.tallies");
        byte[] bytes = Files.readAllBytes(tallies);
        Files.write(tallies, Arrays.copyOf(bytes, bytes.length - 5));
        Cli damaged = Cli.run(merge(folders, "--format", "json"));
        assertThat(damaged.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(damaged.err()).contains("cell-0001.tallies' is damaged").doesNotContain("Exception");
        Files.write(tallies, bytes);
        Cli again = Cli.run("explore", sweep.toString(), "--out-dir", folders.get(0), "--shard", "1/5");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("4 of 4 cells were finished there; ran 0");
    }

    @Test
    void shardByReplicatesCutsASweepOfManyCellsTooAndIsNotMergedWithACutOfTheCells(@TempDir Path dir) throws Exception {
        List<String> folders = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            String folder = dir.resolve("r" + k).toString();
            folders.add(folder);
            Cli shard = Cli.run(explore("--out-dir", folder, "--shard", k + "/2", "--shard-by", "replicates", "-t", Integer.toString(k)));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
        }
        Cli merged = Cli.run(merge(folders, "--format", "json"));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(Cli.run(explore("--format", "json")).out());

        String byCells = dir.resolve("c2").toString();
        assertThat(Cli.run(explore("--out-dir", byCells, "--shard", "2/2")).exitCode()).isZero();
        Cli mixed = Cli.run("merge", folders.get(0), byCells);
        assertThat(mixed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(mixed.err()).contains("the sweep was cut in two ways");
        Cli resumedOtherCut = Cli.run(explore("--out-dir", folders.get(0), "--shard", "1/2"));
        assertThat(resumedOtherCut.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(resumedOtherCut.err()).contains("holds shard 1/2 of the replicates of this exploration, not shard 1/2");
        assertThat(Cli.run(explore("--out-dir", dir.resolve("x").toString(), "--shard", "1/2", "--shard-by", "rows")).err())
                .contains("--shard-by takes cells or replicates, not 'rows'");
        assertThat(Cli.run(explore("--shard-by", "replicates")).err()).contains("give it with --shard");
        assertThat(Cli.run(explore("--out-dir", dir.resolve("y").toString(), "--shard", "1/200")).err())
                .contains("131 replicates cannot be cut into 200 shards");
        assertThat(Cli.run(explore("--out-dir", dir.resolve("z").toString(), "--shard", "1/5", "--replicate-records")).err())
                .contains("--replicate-records keeps whole cells' rows");
    }

    private static List<String> shards(Path dir, int count) {
        List<String> folders = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            String folder = dir.resolve("shard" + k).toString();
            folders.add(folder);
            Cli shard = Cli.run(explore("--out-dir", folder, "--shard", k + "/" + count, "-t", Integer.toString(1 + k % 2)));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            assertThat(shard.out()).isEmpty();
        }
        return folders;
    }

    private static String[] merge(List<String> folders, String... more) {
        List<String> args = new ArrayList<>(List.of("merge"));
        List<String> reversed = new ArrayList<>(folders);
        Collections.reverse(reversed);
        args.addAll(reversed);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] explore(String... more) {
        List<String> args = new ArrayList<>(List.of("explore", sweep.toString(), "-q"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
