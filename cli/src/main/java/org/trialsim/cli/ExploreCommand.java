package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialsim.cli.report.ExploreReport;
import org.trialsim.cli.report.SearchReport;
import org.trialsim.cli.report.ThresholdCalibrationReport;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Setting;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.explore.CalibrationResult;
import org.trialsim.simulator.explore.Exploration;
import org.trialsim.simulator.explore.ExplorationFolderException;
import org.trialsim.simulator.explore.ExploreOptions;
import org.trialsim.simulator.explore.ExploreResult;
import org.trialsim.simulator.explore.SearchResult;
import org.trialsim.simulator.explore.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialsim explore [SWEEP.yaml]}: designs × scenarios of a protocol's trial, on common random numbers. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a protocol's trial in every cell of a sweep (designs × scenarios, from a sweep file or --vary)"
                + " and compare them: each cell's power (or type I error), expected patients, events and duration with their Monte"
                + " Carlo errors; each design against the scenario's first on the same virtual patients, with the paired standard"
                + " error; and the designs ranked by their worst scenario against the sweep's constraints (docs/explore.md).",
                "Every cell is checked before any runs, and replicate i of every cell has the same patients and arrivals."})
final class ExploreCommand implements Callable<Integer> {
    /** The replicates per cell when neither the sweep file nor -r says. */
    static final int DEFAULT_REPLICATES = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", arity = "0..1",
            description = "A sweep file (YAML or JSON): protocol, set, axes, cells, constraints, objective (docs/explore.md).")
    Path sweepFile;

    @Option(names = "--protocol", paramLabel = "ID|FILE", description = "The protocol to explore without a sweep file (with --vary).")
    String protocol;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change the protocol in every cell (repeatable), as for 'trial'.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...",
            description = "A design axis: the path takes each value in turn (repeatable; each adds an axis). Values are separated by"
                    + " commas, so a value holding a comma needs a sweep file.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--vary-scenario", paramLabel = "PATH=V1,V2,...",
            description = "A scenario axis, as --vary: designs are judged by their worst scenario.")
    List<String> varyScenario = new ArrayList<>();

    @Option(names = "--null", description = "Add a scenario axis 'hypothesis': each cell as written and under the null hypothesis.")
    boolean withNull;

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", converter = OptionRanges.Replicates.class,
            description = "Simulated trials per cell, from 1 to 10,000,000 (default: the sweep file's, else 1,000).")
    Integer replicates;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", converter = OptionRanges.Seed.class,
            description = "Random seed of every cell, a whole number from -2^63 to 2^63 - 1 (default: the sweep file's, else 1).")
    Long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "T", converter = OptionRanges.Threads.class,
            description = "Worker threads, from 1 to 1,024 (default: the number of processors).")
    Integer threads;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Keep every finished cell in this folder as it completes (made if new; docs/shards.md): the same command"
                    + " run again after a stop runs only the cells not finished, and the result is the same, byte for byte. A folder"
                    + " of another sweep, seed or replicates is refused, saying what changed; a folder not made by explore is never"
                    + " written to.")
    Path outDir;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the K-th of N contiguous slices of the cells into --out-dir; 'trialsim merge' combines the N"
                    + " folders into the result one run gives.")
    String shard;

    @Option(names = "--shard-by", paramLabel = "cells|replicates",
            description = "What --shard cuts: the cells (the default, while N is at most the number of cells) or the replicates of"
                    + " every cell (the default when N is larger): shard K then runs the K-th slice of the replicates of each cell.")
    String shardBy;

    @Option(names = "--replicate-records",
            description = "With --out-dir: keep each cell's rows per replicate, analysis and look too, as 'trial --replicates-out'"
                    + " writes them for the cell (cell-NNNN.replicates.csv; docs/replicate-records.md).")
    boolean replicateRecords;

    @Mixin
    FormatOption format = new FormatOption(ExploreReport.FORMATS);

    @Mixin
    OutputOption output;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        Shard slice = shard();
        Sweep sweep = sweep();
        int r = replicates != null ? replicates : sweep.replicates() != null ? sweep.replicates() : DEFAULT_REPLICATES;
        if ("replicates".equals(shardBy) || shardBy == null && slice.count() > sweep.cells().size()) {
            slice = slice.ofReplicates();
            if (replicateRecords) {
                throw UserException.usage("--replicate-records keeps whole cells' rows: it applies to a shard of the cells, not to --shard "
                        + slice);
            }
        }
        try {
            slice.cells(sweep.cells().size());
            if (slice.byReplicates()) {
                slice.replicates(r);
            }
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--shard " + shard + ": " + e.getMessage());
        }
        GuiceFactory.prepareSimulator(spec);
        Simulator simulator = GuiceFactory.simulator(spec);
        // run() checks every cell before any runs
        Exploration exploration = simulator.exploration(sweep);
        long s = seed != null ? seed : sweep.seed() != null ? sweep.seed() : 1;
        int workers = threads != null ? threads : Math.min(RunOptions.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        ExploreOptions options = new ExploreOptions(r, s, workers);
        if (sweep.search() != null) {
            return search(sweep.search().path(), exploration, options);
        }
        if (sweep.calibration() != null) {
            return calibrate(sweep.calibration().path(), exploration, options);
        }
        if (outDir == null) {
            ExploreResult result;
            try (ProgressDisplay progress = progressOption.display(spec, "exploring " + sweep.cells().size() + " cells", "trials")) {
                result = exploration.run(options, progress);
            }
            write(spec, format, output, result);
            return ExitCode.OK;
        }
        Exploration.Ran ran;
        try (ProgressDisplay progress = progressOption.display(spec, "exploring " + sweep.cells().size() + " cells", "trials")) {
            ran = exploration.runInto(outDir, slice, options, replicateRecords, progress);
        } catch (ExplorationFolderException e) {
            throw UserException.usage(e.getMessage());
        }
        if (!progressOption.quiet && ran.cellsFound() > 0) {
            spec.commandLine().getErr().println("trialsim: resumed " + outDir + ": " + ran.cellsFound() + " of "
                    + (ran.cellsFound() + ran.cellsRun()) + " cells were finished there; ran " + ran.cellsRun());
        }
        if (!slice.whole()) {
            if (!progressOption.quiet) {
                spec.commandLine().getErr().println("trialsim: shard " + slice + " is in " + outDir + "; once every shard has run,"
                        + " 'trialsim merge' with the " + slice.count() + " folders writes the result");
            }
            return ExitCode.OK;
        }
        ExploreResult result;
        try {
            result = Exploration.merge(List.of(outDir));
        } catch (ExplorationFolderException e) {
            throw UserException.usage(e.getMessage());
        }
        write(spec, format, output, result);
        return ExitCode.OK;
    }

    /** A sweep's search: the smallest value of its path reaching the power in every scenario (docs/explore.md). */
    private int search(String path, Exploration exploration, ExploreOptions options) throws IOException, ProtocolException {
        if (outDir != null) {
            throw UserException.usage("the sweep file searches " + path + ": a search keeps no cells in a folder,"
                    + " so --out-dir, --shard and --replicate-records are for sweeps without a search");
        }
        if (!SearchReport.FORMATS.contains(format.get())) {
            throw UserException.usage("a search is written as a table, JSON or CSV, not " + format.get().name().toLowerCase(Locale.ROOT));
        }
        SearchResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "searching " + path, "trials")) {
            result = exploration.search().run(options, progress);
        }
        SearchReport report = new SearchReport(result);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    /** A sweep's calibration: the value of its path holding a measure at its target under the null (docs/explore.md). */
    private int calibrate(String path, Exploration exploration, ExploreOptions options) throws IOException, ProtocolException {
        if (outDir != null) {
            throw UserException.usage("the sweep file calibrates " + path + ": a calibration keeps no cells in a folder,"
                    + " so --out-dir, --shard and --replicate-records are for sweeps without one");
        }
        if (!ThresholdCalibrationReport.FORMATS.contains(format.get())) {
            throw UserException.usage("a calibration is written as a table, JSON or CSV, not " + format.get().name().toLowerCase(Locale.ROOT));
        }
        CalibrationResult result;
        try (ProgressDisplay progress = progressOption.display(spec, "calibrating " + path, "trials")) {
            result = exploration.calibration().run(options, progress);
        }
        ThresholdCalibrationReport report = new ThresholdCalibrationReport(result);
        output.emit(spec, w -> report.write(format.get(), w));
        return ExitCode.OK;
    }

    /** The shard asked for, or the whole sweep; checked with the other options. */
    private Shard shard() {
        if (replicateRecords && outDir == null) {
            throw UserException.usage("--replicate-records keeps each cell's rows in the --out-dir folder: give it with --out-dir DIR");
        }
        if (shard == null) {
            if (shardBy != null) {
                throw UserException.usage("--shard-by says what --shard K/N cuts: give it with --shard");
            }
            return Shard.WHOLE;
        }
        Shard slice;
        try {
            slice = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--shard: " + e.getMessage());
        }
        if (outDir == null) {
            throw UserException.usage("--shard " + shard + " writes the shard's cells to a folder: give it with --out-dir DIR");
        }
        if (shardBy != null && !shardBy.equals("cells") && !shardBy.equals("replicates")) {
            throw UserException.usage("--shard-by takes cells or replicates, not '" + shardBy + "'");
        }
        if (!(slice.whole() && !"replicates".equals(shardBy)) && output.out != null) {
            throw UserException.usage("--shard " + shard + " writes no result, only the shard's cells to --out-dir; 'trialsim merge'"
                    + " writes the result (with --out) once every shard has run");
        }
        return slice;
    }

    /** Writes an exploration's report: the one writer of explore and merge, so that both give the same bytes. */
    static void write(CommandSpec spec, FormatOption format, OutputOption output, ExploreResult result) throws IOException {
        ExploreReport report = new ExploreReport(result, "Exploration of " + result.provenance().protocolId());
        output.emit(spec, w -> report.write(format.get(), w));
    }

    /** The sweep: the file's, with the command line's settings and axes added; or the command line's alone. */
    Sweep sweep() throws IOException, ProtocolException {
        List<Setting> fixed = parse("--set", settings);
        List<Sweep.Axis> axes = new ArrayList<>();
        for (String v : vary) {
            axes.add(axis("--vary", v, Sweep.Kind.DESIGN));
        }
        for (String v : varyScenario) {
            axes.add(axis("--vary-scenario", v, Sweep.Kind.SCENARIO));
        }
        if (withNull) {
            axes.add(new Sweep.Axis("hypothesis", Sweep.Kind.SCENARIO, List.of(new Sweep.Value("alternative", List.of(), false),
                    new Sweep.Value("null", List.of(), true))));
        }
        if (sweepFile == null) {
            if (protocol == null) {
                throw UserException.usage("give a sweep file, or --protocol with --vary (e.g. trialsim explore --protocol aall1331"
                        + " --vary design.sampleSize=500,670)");
            }
            if (axes.isEmpty()) {
                throw UserException.usage("without a sweep file, give at least one --vary or --vary-scenario");
            }
            if (!BuiltinProtocols.exists(protocol) && !Files.isRegularFile(Path.of(protocol))) {
                throw new UserException(ExitCode.IO, "'" + protocol + "' is neither a built-in protocol nor an existing file;"
                        + " the built-ins are " + String.join(", ", BuiltinProtocols.IDS));
            }
            return SweepReader.of("the command line", protocol, null, fixed, null, null, 1, checkedNames(axes), null, null,
                    Sweep.Objective.PATIENTS);
        }
        if (protocol != null) {
            throw UserException.usage("--protocol is for a sweep without a file; the sweep file names its protocol");
        }
        if (!Files.exists(sweepFile)) {
            throw new UserException(ExitCode.IO, "the sweep file '" + sweepFile + "' does not exist");
        }
        Sweep file = new SweepReader().read(sweepFile);
        if (fixed.isEmpty() && axes.isEmpty()) {
            return file;
        }
        List<Setting> allSettings = new ArrayList<>(file.settings());
        allSettings.addAll(fixed);
        if (axes.isEmpty()) {
            return new Sweep(file.source(), file.protocol(), file.folder(), allSettings, file.replicates(), file.seed(), file.analysis(),
                    file.axes(), file.cells(), file.minPower(), file.maxTypeIError(), file.objective(), file.search())
                    .withCalibration(file.calibration());
        }
        if (file.search() != null) {
            throw UserException.usage("the sweep file searches " + file.search().path() + " over its scenarios, so --vary and --null"
                    + " cannot add axes to it");
        }
        if (file.calibration() != null) {
            throw UserException.usage("the sweep file calibrates " + file.calibration().path() + " under the null hypothesis, so --vary"
                    + " and --null cannot add axes to it");
        }
        if (file.cells().size() != Sweep.productSize(file.axes())) {
            throw UserException.usage("the sweep file lists its cells, so --vary and --null cannot add axes to it");
        }
        List<Sweep.Axis> allAxes = new ArrayList<>(file.axes());
        allAxes.addAll(axes);
        return SweepReader.of(file.source(), file.protocol(), file.folder(), allSettings, file.replicates(), file.seed(), file.analysis(),
                checkedNames(allAxes), file.minPower(), file.maxTypeIError(), file.objective());
    }

    private static List<Sweep.Axis> checkedNames(List<Sweep.Axis> axes) {
        if (axes.size() > Sweep.MAX_AXES) {
            throw UserException.usage("a sweep may have at most " + Sweep.MAX_AXES + " axes, not " + axes.size());
        }
        if (axes.stream().map(Sweep.Axis::name).distinct().count() < axes.size()) {
            throw UserException.usage("two axes vary the same thing; give each path once");
        }
        return axes;
    }

    /** {@code path=v1,v2,...} as an axis named by its path, each value labelled as written. */
    private static Sweep.Axis axis(String option, String text, Sweep.Kind kind) {
        Setting whole;
        try {
            whole = Setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(option + " " + e.getMessage().replace("path=value, e.g. design.analysis.events=120",
                    "path=v1,v2,..., e.g. design.sampleSize=100,140"));
        }
        List<String> values = Arrays.stream(whole.value().split(",", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty) || values.stream().distinct().count() < values.size()) {
            throw UserException.usage(option + " " + text + ": give distinct, non-empty values separated by commas");
        }
        return new Sweep.Axis(whole.path(), kind, values.stream().map(v -> new Sweep.Value(v, List.of(new Setting(whole.path(), v)), false))
                .toList());
    }

    private static List<Setting> parse(String option, List<String> texts) {
        List<Setting> parsed = new ArrayList<>();
        for (String s : texts) {
            try {
                parsed.add(Setting.parse(s));
            } catch (IllegalArgumentException e) {
                throw UserException.usage(option + " " + e.getMessage());
            }
        }
        return parsed;
    }
}
