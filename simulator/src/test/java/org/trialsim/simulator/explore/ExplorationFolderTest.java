package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialOptions;

/** An exploration kept in a folder: resumed after a stop, refused when the sweep changed, cut into shards and merged. */
class ExplorationFolderTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String SWEEP = """
            protocol: two-arm-exponential.yaml
            axes:
              - {name: events, kind: design, path: design.analysis.events, values: [120, 100]}
              - name: effect
                kind: scenario
                values:
                  - {label: HR 0.6, set: {"outcomes.deathInRemission[0].hazardRatio": 0.6}}
                  - {label: no difference, nullHypothesis: true}
            constraints: {minPower: 0.5}
            """;
    private static final ExploreOptions OPTIONS = new ExploreOptions(40, 3, 2);
    private static ExploreResult uninterrupted;

    private static Sweep sweep(String yaml) throws Exception {
        return new SweepReader().read("sweep.yaml", yaml.getBytes(StandardCharsets.UTF_8), EXAMPLES);
    }

    private static Exploration exploration() throws Exception {
        return new Simulator().exploration(sweep(SWEEP));
    }

    @BeforeAll
    static void runOnce() throws Exception {
        uninterrupted = exploration().run(OPTIONS, Progress.NONE);
    }

    /** A stop in the middle of a cell, as Ctrl-C or a failure would make it. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A cell's result is written to its file and read back exactly: the trial result of a cell read from
     * the folder equals the one the simulator gives for the same protocol and options, every double to
     * the bit (a record's equals compares them so), NaN and absent values included (the null cell).
     */
    @Test
    void aCellReadBackIsTheTrialAsSimulated() throws Exception {
        Simulator simulator = new Simulator();
        for (int c : new int[] {0, 1}) {
            ExploreResult.Cell cell = uninterrupted.cells().get(c);
            LoadedProtocol loaded = simulator.load(EXAMPLES.resolve("two-arm-exponential.yaml").toString(),
                    cell.settings().toArray(String[]::new));
            assertThat(cell.trial()).isEqualTo(simulator.trial(loaded, new TrialOptions(40, 3, 1, cell.nullHypothesis())));
        }
    }

    /** A number that is not finite (a proportion of no patients) is written as a text and read back as the same double. */
    @Test
    void numbersThatAreNotFiniteReadBackTheSame() throws Exception {
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, 0.1 + 0.2}) {
            Estimate e = new Estimate(x, 1 / 3.0);
            assertThat(CellStore.MAPPER.readValue(CellStore.MAPPER.writeValueAsBytes(e), Estimate.class)).isEqualTo(e);
        }
    }

    @Test
    void aRunStoppedInAnyCellResumesWithTheRestAndGivesTheSameResult(@TempDir Path dir) throws Exception {
        for (int stopIn = 0; stopIn < 4; stopIn++) {
            Path folder = dir.resolve("stopped-in-" + stopIn);
            AtomicInteger calls = new AtomicInteger();
            long stopAt = (long) stopIn * OPTIONS.replicates() + 1;
            // the progress is told of every cell's replicates: throwing from it stops the run in the middle of cell stopIn
            Progress stopping = (done, total) -> {
                calls.incrementAndGet();
                if (done >= stopAt) {
                    throw new Stopped();
                }
            };
            assertThatThrownBy(() -> exploration().runInto(folder, Shard.WHOLE, OPTIONS, stopping)).isInstanceOf(Stopped.class);
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                        .hasSize(1 + stopIn);
            }
            Exploration.Ran ran = exploration().runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE);
            assertThat(ran).isEqualTo(new Exploration.Ran(4 - stopIn, stopIn));
            assertThat(Exploration.merge(List.of(folder))).isEqualTo(uninterrupted);
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
            }
            // a finished folder runs nothing again
            assertThat(exploration().runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE)).isEqualTo(new Exploration.Ran(0, 4));
        }
    }

    @Test
    void aFolderOfAnotherSweepSeedOrReplicatesIsRefusedSayingWhatChanged(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");
        exploration().runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE);
        assertThatThrownBy(() -> exploration().runInto(folder, Shard.WHOLE, new ExploreOptions(40, 4, 2), Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("seed: was 3, now 4");
        assertThatThrownBy(() -> exploration().runInto(folder, Shard.WHOLE, new ExploreOptions(50, 3, 2), Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("replicates: was 40, now 50");
        Exploration changed = new Simulator().exploration(sweep(SWEEP.replace("hazardRatio\": 0.6", "hazardRatio\": 0.65")));
        assertThatThrownBy(() -> changed.runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class)
                .hasMessageContaining("the changes of cell 'events=120, effect=HR 0.6': was [").hasMessageContaining("0.65");
        Exploration cut = new Simulator().exploration(sweep(SWEEP.replace("values: [120, 100]", "values: [120]")));
        assertThatThrownBy(() -> cut.runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("number of cells: was 4, now 2");
        assertThatThrownBy(() -> exploration().runInto(folder, new Shard(1, 2), OPTIONS, Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("not shard 1/2");
        // the folder is unchanged: the same command still finds every cell finished
        assertThat(exploration().runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE)).isEqualTo(new Exploration.Ran(0, 4));
    }

    @Test
    void aFolderThatIsNotAnExplorationsIsNeverWrittenTo(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mine"));
        Path precious = Files.writeString(folder.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> exploration().runInto(folder, Shard.WHOLE, OPTIONS, Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("is not a trialsim explore folder");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(precious);
        }
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        assertThatThrownBy(() -> exploration().runInto(precious, Shard.WHOLE, OPTIONS, Progress.NONE))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("is not a folder");
        Files.writeString(folder.resolve(CellStore.MANIFEST), "{\"format\": \"something else\"}");
        assertThatThrownBy(() -> Exploration.merge(List.of(folder))).isInstanceOf(ExplorationFolderException.class)
                .hasMessageContaining("is not the manifest of a trialsim explore folder");
    }

    @Test
    void threeShardsMergedAreOneRun(@TempDir Path dir) throws Exception {
        Path[] shards = new Path[3];
        for (int k = 1; k <= 3; k++) {
            shards[k - 1] = dir.resolve("shard-" + k);
            assertThat(exploration().runInto(shards[k - 1], new Shard(k, 3), OPTIONS, Progress.NONE).cellsRun())
                    .isEqualTo((int) new Shard(k, 3).cells(4).size());
        }
        assertThat(Exploration.merge(List.of(shards[2], shards[0], shards[1]))).isEqualTo(uninterrupted);
        assertThatThrownBy(() -> Exploration.merge(List.of(shards[0], shards[2]))).isInstanceOf(ExplorationFolderException.class)
                .hasMessage("shard 2/3 (cell 2) is missing: give the folder of every shard of the sweep");
        assertThatThrownBy(() -> Exploration.merge(List.of(shards[0], shards[1], shards[0], shards[2])))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("are both shard 1/3");
        Path otherSeed = dir.resolve("other-seed");
        exploration().runInto(otherSeed, new Shard(2, 3), new ExploreOptions(40, 9, 2), Progress.NONE);
        assertThatThrownBy(() -> Exploration.merge(List.of(shards[0], otherSeed, shards[2])))
                .isInstanceOf(ExplorationFolderException.class).hasMessageContaining("holds another exploration")
                .hasMessageContaining("seed: 9 in '" + otherSeed + "', 3 in '" + shards[0] + "'");
        Path half = dir.resolve("half");
        exploration().runInto(half, new Shard(1, 2), OPTIONS, Progress.NONE);
        assertThatThrownBy(() -> Exploration.merge(List.of(shards[0], half))).isInstanceOf(ExplorationFolderException.class)
                .hasMessageContaining("the sweep was cut in two ways");
    }

    /** trialsim-spark's tasks: each cell's slice of each shard of the replicates run alone, in any order, into the shard's folder. */
    @Test
    void cellsSlicesRunOneByOneAreTheShardsOfTheReplicates(@TempDir Path dir) throws Exception {
        Exploration exploration = exploration();
        Path[] shards = new Path[3];
        for (int k = 3; k >= 1; k--) {
            shards[k - 1] = dir.resolve("shard-" + k);
            for (int c : new int[] {2, 0, 3, 1}) {
                Exploration.Ran ran = exploration.runCellInto(shards[k - 1], new Shard(k, 3).ofReplicates(), OPTIONS, c, Progress.NONE);
                assertThat(ran).isEqualTo(new Exploration.Ran(1, 0));
            }
        }
        assertThat(exploration.runCellInto(shards[1], new Shard(2, 3).ofReplicates(), OPTIONS, 1, Progress.NONE))
                .isEqualTo(new Exploration.Ran(0, 1));
        assertThat(Exploration.merge(List.of(shards), new Simulator()::trialSimulation)).isEqualTo(uninterrupted);
        // the example's true effect is exact: no large trial, so no partial to take it from
        assertThat(exploration.truths(0, OPTIONS)).isNull();
        assertThatThrownBy(() -> exploration.runCellInto(dir.resolve("cells"), new Shard(1, 2), OPTIONS, 0, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exploration.runCellInto(dir.resolve("none"), new Shard(1, 2).ofReplicates(), OPTIONS, 4, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnfinishedShardIsNamedWithItsMissingCells(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        exploration().runInto(first, new Shard(1, 2), OPTIONS, Progress.NONE);
        Progress stopping = (done, total) -> {
            if (done > OPTIONS.replicates()) {
                throw new Stopped();
            }
        };
        assertThatThrownBy(() -> exploration().runInto(second, new Shard(2, 2), OPTIONS, stopping)).isInstanceOf(Stopped.class);
        assertThatThrownBy(() -> Exploration.merge(List.of(first, second))).isInstanceOf(ExplorationFolderException.class)
                .hasMessageContaining("(shard 2/2) is not finished: 1 cell has not run ('events=100, effect=no difference')");
    }

    @Test
    void aSweepHasAtLeastAsManyCellsAsShards(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> exploration().runInto(dir.resolve("x"), new Shard(1, 5), OPTIONS, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a sweep of 4 cells cannot be cut into 5 shards");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
        assertThat(Shard.parse("2/3").cells(10)).isEqualTo(new org.trialsim.simulator.run.IndexRange(3, 6));
        assertThatThrownBy(() -> Shard.parse("0/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K/N");
    }
}
