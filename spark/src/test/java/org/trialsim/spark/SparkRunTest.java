package org.trialsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.cli.Main;
import org.trialsim.cli.SparkMain;
import org.trialsim.cli.SparkStartupTraining;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.TrialOptions;

/**
 * simulate, trial and explore on an embedded Spark ({@code local[2,3]}: two cores, a failed task tried up to three
 * times) give the bytes {@code trialsim} gives on one machine with the same arguments, whatever the
 * partitions, and when every task's first attempt fails. One context for the class: starting Spark takes
 * seconds.
 */
class SparkRunTest {
    private static final String EXAMPLES = "../examples/";
    private static JavaSparkContext spark;
    private static String notStarted;

    @BeforeAll
    static void start() {
        try {
            spark = new JavaSparkContext(Sessions.conf("local[2,3]").setAppName("SparkRunTest"));
        } catch (RuntimeException | LinkageError e) {
            notStarted = e.toString();
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    /** What a command writes to standard output, with its exit code checked. */
    private record Run(int code, String out, String err) {
    }

    private static Run local(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run onSpark(String... args) {
        assumeTrue(spark != null, () -> "Spark could not start here, so the Spark tests are skipped: " + notStarted);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), spark);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void assertSameBytes(String[] args, String... sparkOptions) {
        Run expected = local(args);
        assertThat(expected.code()).as(expected.err()).isZero();
        Run actual = onSpark(with(args, sparkOptions));
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
    }

    @ParameterizedTest(name = "{0} ranges")
    @ValueSource(ints = {1, 3, 7})
    void aTwoArmTrialGivesOneMachinesBytesWhateverTheRanges(int partitions) {
        assertSameBytes(new String[] {"trial", EXAMPLES + "two-arm-exponential.yaml", "-r", "150", "--seed", "7", "--format", "json", "-q"},
                "--partitions", Integer.toString(partitions));
    }

    @Test
    void theAdaptiveExampleUnderTheNullGivesOneMachinesTable() {
        assertSameBytes(new String[] {"trial", EXAMPLES + "adaptive-two-arm.yaml", "-r", "60", "--null", "-q"}, "--partitions", "4");
    }

    @ParameterizedTest(name = "{0} ranges")
    @ValueSource(ints = {2, 5})
    void aBuiltInWithStrataAndATrueEffectFromTheLargeTrialGivesOneMachinesJson(int partitions) {
        // the driver runs the large trial for the true effect once and every range takes it (the same bits), which the merge checks
        assertSameBytes(new String[] {"trial", "aall1331", "-r", "24", "--format", "json", "-q"}, "--partitions", Integer.toString(partitions));
    }

    @Test
    void aTaskThatFailsItsFirstAttemptIsRetriedAndTheBytesAreTheSame() {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, "true");
        try {
            assertSameBytes(new String[] {"trial", EXAMPLES + "two-arm-exponential.yaml", "-r", "100", "--format", "csv", "-q"},
                    "--partitions", "3");
        } finally {
            spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, null);
        }
    }

    @ParameterizedTest(name = "{0} ranges")
    @ValueSource(ints = {1, 3, 8})
    void aCohortOfEveryArmOfABuiltInGivesOneMachinesBytesWhateverTheRanges(int partitions) {
        assertSameBytes(new String[] {"simulate", "aall1331", "-n", "900", "--seed", "5", "--format", "json", "-q"},
                "--partitions", Integer.toString(partitions));
    }

    @Test
    void aCohortByRiskGroupGivesOneMachinesTable() {
        assertSameBytes(new String[] {"simulate", "interfant-06-blina", "-n", "700", "--by", "risk", "-q"}, "--partitions", "4");
    }

    @Test
    void aCohortOfOneArmGivesOneMachinesCsv() {
        assertSameBytes(new String[] {"simulate", "aall1331", "-n", "500", "--arm", "B", "--format", "csv", "-q"},
                "--partitions", "2");
    }

    @Test
    void aCohortsTaskThatFailsItsFirstAttemptIsRetriedAndTheBytesAreTheSame() throws InterruptedException {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, "true");
        spark.setJobGroup("cohort-retried", "a cohort whose tasks fail once", false);
        try {
            assertSameBytes(new String[] {"simulate", "interfant-06-blina", "-n", "600", "--by", "risk", "--format", "json", "-q"},
                    "--partitions", "3");
        } finally {
            spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, null);
            spark.clearJobGroup();
        }
        // the cohort ran on Spark, not on the driver's threads: one job, whose three tasks each failed once
        // (the status tracker learns of them through Spark's listener bus, a moment after the job ended)
        long deadline = System.nanoTime() + 20_000_000_000L;
        int[] jobs = spark.statusTracker().getJobIdsForGroup("cohort-retried");
        while (!ranThreeTasksFailingOnce(jobs) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            jobs = spark.statusTracker().getJobIdsForGroup("cohort-retried");
        }
        assertThat(jobs).hasSize(1);
        assertThat(ranThreeTasksFailingOnce(jobs)).isTrue();
    }

    private static boolean ranThreeTasksFailingOnce(int[] jobs) {
        if (jobs.length != 1 || spark.statusTracker().getJobInfo(jobs[0]) == null) {
            return false;
        }
        int[] stages = spark.statusTracker().getJobInfo(jobs[0]).stageIds();
        var stage = stages.length == 1 ? spark.statusTracker().getStageInfo(stages[0]) : null;
        return stage != null && stage.numCompletedTasks() == 3 && stage.numFailedTasks() == 3;
    }

    @Test
    void aCohortsRecordsAreWrittenOnTheDriverAsOneMachineWritesThem(@TempDir Path dir) throws Exception {
        Path here = dir.resolve("local.csv");
        Path there = dir.resolve("spark.csv");
        Run expected = local("simulate", "aall1121", "-n", "200", "-q", "--records", here.toString());
        Run actual = onSpark("simulate", "aall1121", "-n", "200", "-q", "--records", there.toString(), "--partitions", "3");
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(Files.readString(there)).isEqualTo(Files.readString(here));
    }

    @Test
    void aCohortsBadOptionIsRefusedAsOneMachineRefusesIt() {
        Run expected = local("simulate", "aall1331", "-n", "100", "--arm", "none");
        Run actual = onSpark("simulate", "aall1331", "-n", "100", "--arm", "none");
        assertThat(actual.code()).isEqualTo(expected.code()).isEqualTo(2);
        assertThat(actual.err()).isEqualTo(expected.err());
    }

    @ParameterizedTest(name = "{0} ranges a cell")
    @ValueSource(ints = {1, 2, 7})
    void anExplorationOfTwoCellsInRangesOfReplicatesGivesOneMachinesBytes(int partitions) {
        assertSameBytes(new String[] {"explore", "--protocol", EXAMPLES + "two-arm-exponential.yaml", "--vary", "design.sampleSize=180,220",
            "-r", "30", "--seed", "3", "--format", "json", "-q"}, "--partitions", Integer.toString(partitions));
    }

    @Test
    void anExplorationOfCellsWhoseTrueEffectsNeedTheLargeTrialGivesOneMachinesBytes() {
        // each cell's large trial runs once (a task per cell) and its three ranges take the true effects from it
        assertSameBytes(new String[] {"explore", "--protocol", "aall1331", "--vary", "design.sampleSize=600,670", "-r", "9", "--format",
            "json", "-q"}, "--partitions", "3");
    }

    @ParameterizedTest(name = "{0}: {1} job(s)")
    @CsvSource(delimiter = '|', textBlock = """
            ../examples/two-arm-exponential.yaml | 1
            aall1331                             | 2
            """)
    void anExplorationRunsTheTruthsJobOnlyWhenACellNeedsTheLargeTrial(String protocol, int jobs) throws InterruptedException {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        String group = "truths-" + jobs;
        spark.setJobGroup(group, "the jobs of one exploration", false);
        try {
            assertSameBytes(new String[] {"explore", "--protocol", protocol, "--vary", "design.sampleSize=600,670", "-r", "6", "--format",
                "json", "-q"}, "--partitions", "2");
        } finally {
            spark.clearJobGroup();
        }
        // Spark's status store learns of the jobs in order, after they ran: the last, the slices' four tasks, ends last
        JavaSparkStatusTracker status = spark.statusTracker();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!lastJobEnded(status, group, 4) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lastJobEnded(status, group, 4)).as("the slices' job is reported ended").isTrue();
        assertThat(status.getJobIdsForGroup(group)).hasSize(jobs);
    }

    /** Whether the group's jobs all ended, the last of them with the given tasks. */
    private static boolean lastJobEnded(JavaSparkStatusTracker status, String group, int tasks) {
        int[] ids = status.getJobIdsForGroup(group);
        if (ids.length == 0) {
            return false;
        }
        for (int id : ids) {
            SparkJobInfo info = status.getJobInfo(id);
            if (info == null || info.status() != JobExecutionStatus.SUCCEEDED) {
                return false;
            }
        }
        SparkJobInfo last = status.getJobInfo(Arrays.stream(ids).max().getAsInt());
        return Arrays.stream(last.stageIds()).mapToObj(status::getStageInfo).filter(Objects::nonNull).mapToInt(SparkStageInfo::numTasks)
                .sum() == tasks;
    }

    @Test
    void aThresholdCalibrationRunsOnTheDriverAsOneMachineRunsIt() {
        // each threshold tried depends on the last one's result, so the calibration is not cut into ranges
        assertSameBytes(new String[] {"explore", EXAMPLES + "sweeps/adaptive-superiority-calibration.yaml", "-r", "20", "--format", "json",
            "-q"});
    }

    @Test
    void aSweepOfFewCellsIsCutIntoRangesThatKeepEveryCoreBusy() {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        SparkExplore explore = new SparkExplore(spark);
        // local[2,3]: two cores, so eight tasks in all
        assertThat(explore.defaultRanges(4, 1000)).isEqualTo(2);
        assertThat(explore.defaultRanges(1, 1000)).isEqualTo(8);
        assertThat(explore.defaultRanges(3, 1000)).isEqualTo(3);
        assertThat(explore.defaultRanges(60, 1000)).isEqualTo(1);
        assertThat(explore.defaultRanges(1, 5)).isEqualTo(5);
    }

    @Test
    void anExplorationGivesOneMachinesBytesAndResumesFromItsFolder(@TempDir Path dir) throws Exception {
        String[] args = {"explore", EXAMPLES + "sweeps/two-arm-events.yaml", "-r", "16", "--format", "json", "-q"};
        assertSameBytes(args);
        Path folder = dir.resolve("runs");
        Run first = onSpark(with(args, "--out-dir", folder.toString(), "--partitions", "3"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(local(args).out());
        assertThat(SparkExplore.rangesIn(folder)).isEqualTo(3);
        // a driver stopped before cell 1's second range was kept: its part file (written last) is not there
        Files.delete(SparkExplore.rangeFolder(folder, 1).resolve("cell-0001.part.json"));
        Files.writeString(SparkExplore.rangeFolder(folder, 1).resolve(".cell-0001.tallies.partial"), "half");
        Run resumed = onSpark(with(args, "--out-dir", folder.toString()));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(first.out());
        assertThat(SparkExplore.finished(folder, 1, 1)).isTrue();
        // the folder is what 'trialsim merge' reads too
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int k = 0; k < 3; k++) {
            merge.add(SparkExplore.rangeFolder(folder, k).toString());
        }
        merge.addAll(List.of("--format", "json"));
        assertThat(local(merge.toArray(String[]::new)).out()).isEqualTo(first.out());
    }

    @Test
    void aResumedExplorationKeepsItsRangesAndRefusesOthers(@TempDir Path dir) {
        String[] args = {"explore", EXAMPLES + "sweeps/two-arm-events.yaml", "-r", "8", "-q", "--out-dir", dir.resolve("runs").toString()};
        assertThat(onSpark(with(args, "--partitions", "2")).code()).isZero();
        Run other = onSpark(with(args, "--partitions", "4"));
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("cut into 2 ranges of replicates, not 4");
        Run fewer = onSpark("explore", EXAMPLES + "sweeps/two-arm-events.yaml", "-r", "1", "-q", "--out-dir", dir.resolve("runs").toString());
        assertThat(fewer.code()).isEqualTo(2);
        assertThat(fewer.err()).contains("more than the 1 replicates asked for");
    }

    @Test
    void anExplorationsSliceThatFailsItsFirstAttemptIsRetried() {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, "true");
        try {
            assertSameBytes(new String[] {"explore", EXAMPLES + "sweeps/two-arm-events.yaml", "-r", "12", "-q"}, "--partitions", "3");
        } finally {
            spark.setLocalProperty(TrialTask.FAIL_FIRST_ATTEMPT, null);
        }
    }

    @Test
    void anOutDirHoldingOtherFilesIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Run run = onSpark("explore", EXAMPLES + "sweeps/two-arm-events.yaml", "-r", "5", "--out-dir", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not a trialsim-spark explore folder");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(dir.resolve("notes.txt"));
        }
    }

    /** Each call of a progress, as {@code {done, total}}. */
    private static final class Told implements Progress {
        final List<long[]> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void update(long done, long total) {
            calls.add(new long[] {done, total});
        }
    }

    @Test
    void aTrialOnSparkTellsItsProgressInFinishedRanges() throws Exception {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        Simulator simulator = OnExecutor.simulator();
        LoadedProtocol loaded = simulator.load(EXAMPLES + "two-arm-exponential.yaml");
        Told told = new Told();
        new SparkTrials(spark).run(simulator, loaded, new TrialOptions(60, 1, 1, false), 5, told);
        // what the display shows: "trialsim: simulating trials on Spark: 40% (2 of 5 ranges), about 3 s left"
        assertThat(told.calls).extracting(c -> c[0]).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(told.calls).extracting(c -> c[1]).containsOnly(5L);
    }

    @Test
    void anExplorationOnSparkTellsItsProgressInFinishedSlicesOfThoseToRun(@TempDir Path dir) throws Exception {
        assumeTrue(spark != null, () -> "Spark could not start here: " + notStarted);
        List<String> sweep = List.of("--protocol", EXAMPLES + "two-arm-exponential.yaml", "--vary", "design.sampleSize=180,220");
        Told told = new Told();
        new SparkExplore(spark).run(sweep, 2, 20, 1, 3, List.of(), dir, told);
        assertThat(told.calls).extracting(c -> c[0]).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(told.calls).extracting(c -> c[1]).containsOnly(6L);
        // resumed with two slices missing: two to run
        Files.delete(SparkExplore.rangeFolder(dir, 0).resolve("cell-0001.part.json"));
        Files.delete(SparkExplore.rangeFolder(dir, 2).resolve("cell-0000.part.json"));
        Told resumed = new Told();
        assertThat(new SparkExplore(spark).run(sweep, 2, 20, 1, 3, List.of(), dir, resumed).slicesRun()).isEqualTo(2);
        assertThat(resumed.calls).extracting(c -> c[0] + "/" + c[1]).containsExactly("1/2", "2/2");
    }

    @Test
    void theCommandsTheStartUpArchiveIsRecordedFromRun() {
        // a command that stopped working would leave ./trialsim-spark without its archive, silently
        for (List<String> command : SparkStartupTraining.commands()) {
            Run run = onSpark(with(command.toArray(String[]::new), "-q"));
            assertThat(run.code()).as(String.join(" ", command) + ": " + run.err()).isZero();
        }
    }

    @Test
    void aBadOptionOfItsOwnIsAUsageError() {
        Run run = onSpark("trial", "aall1331", "--partitions", "0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--partitions takes a whole number from 1");
    }
}
