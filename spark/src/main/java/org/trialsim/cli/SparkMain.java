package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.trialsim.cli.report.TrialReport;
import org.trialsim.protocol.Design;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.explore.ExplorationFolderException;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;
import org.trialsim.spark.CellProtocols;
import org.trialsim.spark.Sessions;
import org.trialsim.spark.SparkCohorts;
import org.trialsim.spark.SparkExplore;
import org.trialsim.spark.SparkJobException;
import org.trialsim.spark.SparkTrials;
import picocli.CommandLine;

/**
 * The entry point of {@code trialsim-spark} (docs/spark.md): the command line of {@code trialsim}, with
 * {@code simulate}, {@code trial} and {@code explore} run on Spark and every other command as {@code trialsim} runs it.
 * Two options of its own, anywhere on the line: {@code --master URL} (without it, spark-submit's master
 * or an embedded {@code local[*]}) and {@code --partitions N} (the ranges a trial's replicates, a cohort's
 * patients or each cell of an exploration's replicates are cut into).
 * In the cli's package, since it drives the cli's own commands with the options they parsed.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        Main.configureGuice();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err, null);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line and returns the exit code.
     *
     * @param spark a running context to use and leave open (the tests'), or null to start one if a command needs it
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, JavaSparkContext spark) {
        SparkOptions options;
        try {
            options = SparkOptions.of(args);
        } catch (IllegalArgumentException e) {
            err.println("trialsim-spark: " + e.getMessage());
            return ExitCode.USAGE;
        }
        String[] rest = options.rest().toArray(String[]::new);
        try (Sessions sessions = new Sessions(options.master(), spark)) {
            CommandLine cl = Main.commandLine(out, err, rest);
            cl.setExecutionStrategy(parsed -> execute(parsed, sessions, options.partitions()));
            return cl.execute(rest);
        }
    }

    private static int execute(CommandLine.ParseResult parsed, Sessions sessions, Integer partitions) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        try {
            if (command instanceof TrialCommand trial) {
                return trial(trial, sessions, partitions);
            }
            if (command instanceof SimulateCommand simulate) {
                return simulate(simulate, sessions, partitions);
            }
            if (command instanceof ExploreCommand explore) {
                return explore(explore, sessions, partitions);
            }
        } catch (SparkJobException e) {
            // Spark's message holds the executor's stack trace after its first line, which says what failed and how often
            String what = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), what,
                    new UserException(ExitCode.INTERNAL, "the Spark job failed after Spark's retries: " + what));
        } catch (CommandLine.ExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), String.valueOf(e.getMessage()), e);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * A cohort's patients on Spark: the command as {@code trialsim} runs it (its checks, --shard, --records
     * and the report on the driver), with the whole run's patients simulated in ranges on Spark. --records
     * writes its rows on the driver, as one machine does after the run; Spark starts only once every check passed.
     */
    private static int simulate(SimulateCommand s, Sessions sessions, Integer partitions) throws Exception {
        s.runner = (simulator, loaded, options, progress) -> {
            SparkCohorts cohorts = new SparkCohorts(sessions.context());
            int parts = partitions == null ? cohorts.defaultParts(options.patients()) : (int) Math.min(partitions, options.patients());
            return cohorts.run(simulator, loaded, options, parts, progress);
        };
        return s.call();
    }

    /**
     * A trial's replicates on Spark. What runs whole on one machine anyway runs as {@code trialsim} runs
     * it, on the driver: a phase 1-2 design, a shard (--shard), and --replicates-out's rows.
     */
    private static int trial(TrialCommand t, Sessions sessions, Integer partitions) throws Exception {
        if (t.shard != null || t.outDir != null || t.replicatesOut != null) {
            return t.call();
        }
        GuiceFactory.prepareSimulator(t.spec);
        LoadedProtocol loaded = t.source.load();
        Design design = loaded.protocol().design();
        if (design == null || design instanceof Design.EarlyPhase) {
            return t.call();
        }
        Simulator simulator = GuiceFactory.simulator(t.spec);
        t.refuseIfNobodyIsEligible(simulator, loaded);
        TrialOptions options = new TrialOptions(t.replicates, t.run.seed, 1, t.nullScenario);
        SparkTrials trials = new SparkTrials(sessions.context());
        int parts = partitions == null ? trials.defaultParts(t.replicates) : Math.min(partitions, t.replicates);
        TrialResult result;
        try (ProgressDisplay progress = t.progressOption.display(t.spec, "simulating trials on Spark", "ranges")) {
            result = trials.run(simulator, loaded, options, parts, progress);
        }
        TrialReport report = new TrialReport(result, loaded.protocol());
        t.output.emit(t.spec, w -> report.write(t.format.get(), w));
        return ExitCode.OK;
    }

    /**
     * An exploration on Spark, every cell's replicates cut into ranges, one task per cell and range; a
     * search or a threshold calibration (each simulates value after value, the next chosen from the last), a shard (--shard) and --replicate-records (rows of whole cells) run as {@code trialsim} runs
     * them, on the driver. With --out-dir the ranges' folders are kept there, and a run into it resumes.
     */
    private static int explore(ExploreCommand e, Sessions sessions, Integer partitions) throws Exception {
        if (e.shard != null || e.replicateRecords) {
            return e.call();
        }
        Sweep sweep = e.sweep();
        if (sweep.search() != null || sweep.calibration() != null) {
            return e.call();
        }
        if (e.outDir != null && !SparkExplore.usable(e.outDir)) {
            throw UserException.usage("--out-dir " + e.outDir + " is not a trialsim-spark explore folder (it holds more than the"
                    + " replicate ranges' shard-NNNN folders); give a new or empty folder, or the folder of an earlier trialsim-spark"
                    + " run of this sweep");
        }
        GuiceFactory.prepareSimulator(e.spec);
        Simulator simulator = GuiceFactory.simulator(e.spec);
        // every cell is checked before any runs, as explore does; the cells' protocols are kept for the question which need the large trial
        CellProtocols protocols = CellProtocols.of(simulator, sweep);
        protocols.exploration().check();
        int r = e.replicates != null ? e.replicates : sweep.replicates() != null ? sweep.replicates() : ExploreCommand.DEFAULT_REPLICATES;
        long s = e.seed != null ? e.seed : sweep.seed() != null ? sweep.seed() : 1;
        int cells = sweep.cells().size();
        Path folder = e.outDir != null ? e.outDir : Files.createTempDirectory("trialsim-spark-explore");
        try {
            SparkExplore explore = new SparkExplore(sessions.context());
            int ranges = ranges(explore, folder, cells, r, partitions);
            SparkExplore.Ran ran;
            try (ProgressDisplay progress = e.progressOption.display(e.spec, "exploring " + cells + " cells on Spark", "ranges")) {
                ran = explore.run(SparkSweeps.arguments(e), cells, r, s, ranges, protocols.needingTheLargeTrial(), folder, progress);
            }
            if (e.outDir != null && !e.progressOption.quiet && ran.slicesFound() > 0) {
                e.spec.commandLine().getErr().println("trialsim: resumed " + e.outDir + ": " + ran.slicesFound() + " of " + cells * ranges
                        + " slices (a cell's range of replicates) were finished there; ran " + ran.slicesRun());
            }
            ExploreResult result;
            try {
                result = Exploration.merge(ran.folders(), simulator::trialSimulation);
            } catch (ExplorationFolderException x) {
                throw UserException.usage(x.getMessage());
            }
            ExploreCommand.write(e.spec, e.format, e.output, result);
            return ExitCode.OK;
        } finally {
            if (e.outDir == null) {
                removeAll(folder);
            }
        }
    }

    /** The ranges each cell's replicates are cut into: a resumed folder's, else --partitions', else the default. */
    private static int ranges(SparkExplore explore, Path folder, int cells, int replicates, Integer partitions) throws IOException {
        int found = SparkExplore.rangesIn(folder);
        if (found > 0) {
            if (found > replicates) {
                throw UserException.usage("--out-dir " + folder + " holds a run whose cells were cut into " + found + " ranges of"
                        + " replicates, more than the " + replicates + " replicates asked for: give the replicates of that run to resume it,"
                        + " or another folder");
            }
            if (partitions != null && Math.min(partitions, replicates) != found) {
                throw UserException.usage("--out-dir " + folder + " holds a run whose cells were cut into " + found + " ranges of"
                        + " replicates, not " + partitions + ": give --partitions " + found + " (or leave it out) to resume it");
            }
            return found;
        }
        if (partitions != null && partitions > SparkExplore.MAX_RANGES) {
            throw UserException.usage("--partitions " + partitions + ": an exploration cuts each cell's replicates into at most "
                    + String.format(Locale.ROOT, "%,d", SparkExplore.MAX_RANGES) + " ranges (a folder each)");
        }
        return partitions != null ? Math.min(partitions, replicates) : explore.defaultRanges(cells, replicates);
    }

    private static void removeAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
